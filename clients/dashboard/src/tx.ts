/** Transactions on a contract: simulated (to tell whether the chain would accept one) or
 * signed and sent. One account sends one transaction at a time, so sequence numbers never
 * clash. */
import type { ExecuteResult, MsgExecuteContractEncodeObject } from "@cosmjs/cosmwasm-stargate";
import { toUtf8 } from "@cosmjs/encoding";
import type { Coin } from "@cosmjs/stargate";
import { errorMessage } from "./errors.ts";
import type { Account } from "./wallet.ts";

const EXECUTE_TYPE_URL = "/cosmwasm.wasm.v1.MsgExecuteContract";

let queue: Promise<unknown> = Promise.resolve();
let sent = 0;

/** How many transactions this page has started to send: a refresh that began before one
 * was started drops what it read (its buttons may allow what that transaction does). A
 * refresh that begins after waits for it: its simulations queue behind the transaction. */
export function sentCount(): number {
  return sent;
}

/** Runs `job` after every job queued before it. */
function serialised<T>(job: () => Promise<T>): Promise<T> {
  const next = queue.then(job, job);
  queue = next.catch(() => undefined);
  return next;
}

function executeMessage(account: Account, contract: string, msg: object, funds: readonly Coin[]): MsgExecuteContractEncodeObject {
  return {
    typeUrl: EXECUTE_TYPE_URL,
    value: { sender: account.address, contract, msg: toUtf8(JSON.stringify(msg)), funds: [...funds] },
  };
}

/** Whether the chain would accept the message now: null when it would, else the
 * contract's reason, in words. */
export async function refusal(account: Account, contract: string, msg: object, funds: readonly Coin[] = []): Promise<string | null> {
  try {
    await serialised(() => account.client.simulate(account.address, [executeMessage(account, contract, msg, funds)], ""));
    return null;
  } catch (error) {
    return errorMessage(error);
  }
}

/** Signs and sends the message; waits for its block. */
export function execute(account: Account, contract: string, msg: object, funds: readonly Coin[] = []): Promise<ExecuteResult> {
  sent += 1;
  return serialised(() => account.client.execute(account.address, contract, msg, "auto", undefined, [...funds]));
}
