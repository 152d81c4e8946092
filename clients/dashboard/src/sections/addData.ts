/** Add data: a sample and its label, with the deposit the trainer asks for now (read again
 * every few seconds); sent from the chosen account. */
import type { CosmWasmClient, ExecuteResult } from "@cosmjs/cosmwasm-stargate";
import { TrainerQueryClient } from "sum-client/src/generated/Trainer.client.ts";
import type { Coin } from "sum-client/src/generated/Trainer.types.ts";
import { actionButton } from "../action.ts";
import { fill, h, section, status } from "../dom.ts";
import { errorMessage } from "../errors.ts";
import type { Refresh } from "../refresh.ts";
import type { Stack } from "../stack.ts";
import { execute } from "../tx.ts";
import type { Account } from "../wallet.ts";
import { featureField } from "./featureField.ts";

function formatCoin(coin: Coin): string {
  return coin.amount === "0" ? "free" : `${coin.amount} ${coin.denom}`;
}

/** The contribution id the trainer emitted for an add_data. */
function contributionId(result: ExecuteResult, trainer: string): number {
  for (const event of result.events) {
    const attrs = Object.fromEntries(event.attributes.map((a) => [a.key, a.value]));
    if (event.type === "wasm" && attrs._contract_address === trainer && attrs.contribution_id !== undefined) return Number(attrs.contribution_id);
  }
  throw new Error("the trainer did not say which contribution it added");
}

export function addDataSection(client: CosmWasmClient, stack: Stack, account: Account | null, refresh: Refresh): HTMLElement {
  const trainer = new TrainerQueryClient(client, stack.trainer);
  const deposit = h("span", { "data-testid": "deposit" }, "…");
  refresh.every(async () => {
    try {
      fill(deposit, formatCoin((await trainer.nextAddDataCost()).cost));
    } catch (error) {
      fill(deposit, `none now: ${errorMessage(error)}`);
    }
  });
  const field = featureField(stack, "add data");
  const label = h("select", { name: "label", "aria-label": "label" }, ...stack.model.classes.map((c, i) => h("option", { value: i }, c)));
  const out = h("div", { "data-testid": "add-data-status" });
  const send = async (): Promise<string> => {
    const parsed = field.read();
    if ("error" in parsed) throw new Error(parsed.error);
    const { cost } = await trainer.nextAddDataCost();
    const funds = cost.amount === "0" ? [] : [cost];
    const result = await execute(account!, stack.trainer, { add_data: { data: parsed.features, classification: Number(label.value) } }, funds);
    const id = contributionId(result, stack.trainer);
    // What it cost at its block (the price may have fallen since the quote; the rest came back).
    const { claims } = await trainer.contribution({ id });
    return `added contribution ${id}; deposit: ${formatCoin({ amount: claims.initial_deposit, denom: cost.denom })}`;
  };
  return section(
    "Add data",
    h("p", {}, "Deposit now: ", deposit),
    account
      ? h("div", { class: "form" }, field.element, h("label", {}, "Label ", label), actionButton("Add data", out, send, {}, true))
      : status("Choose an account above to add data."),
    out,
  );
}
