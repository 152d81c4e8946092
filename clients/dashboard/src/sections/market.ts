/** The prediction market: phase, bounty, stakes, the account's standing, and the market's
 * actions (reveal, end, process, withdraw, reclaim, expire), each enabled exactly when the
 * chain would accept it now (a simulated transaction). Read again every few seconds. */
import type { CosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { toBase64, toUtf8 } from "@cosmjs/encoding";
import { PredictionMarketQueryClient } from "sum-client/src/generated/PredictionMarket.client.ts";
import type { Market, MarketConfig, Sample } from "sum-client/src/generated/PredictionMarket.types.ts";
import { actionButton } from "../action.ts";
import { formatTime } from "../chain.ts";
import { facts, fill, h, section, status } from "../dom.ts";
import { errorMessage } from "../errors.ts";
import type { Refresh } from "../refresh.ts";
import { marketState, type Stack } from "../stack.ts";
import { execute, refusal, sentCount } from "../tx.ts";
import type { Account } from "../wallet.ts";

/** A test set as `sumctl market-open` saves it: each piece's salt (hex) and samples. */
interface SaltedTestSet {
  pieces: { salt: string; samples: Sample[] }[];
}

/** The market messages without arguments from the file, with their button labels. */
const ACTIONS: [string, (config: MarketConfig) => object][] = [
  ["End participation", () => ({ end: {} })],
  ["Process a batch", (config) => ({ process: { limit: config.max_batch } })],
  ["Withdraw", () => ({ withdraw: {} })],
  ["Reclaim", () => ({ reclaim: {} })],
  ["Expire", () => ({ expire: {} })],
];

/** The trainer message that forwards a market message. */
function extension(msg: object): object {
  return { incentive_extension: { msg: toBase64(toUtf8(JSON.stringify(msg))) } };
}

/** The next piece the market waits for, as a labelled reveal action; none when the
 * market waits for no piece or no test set is loaded. */
function revealAction(market: Market, testSet: SaltedTestSet | null): [string, object][] {
  const pending = market.phase === "open" ? [market.drawn] : market.phase === "reveal" ? market.revealed.flatMap((done, i) => (done ? [] : [i])) : [];
  const index = pending[0];
  const piece = testSet && index !== undefined ? testSet.pieces[index] : undefined;
  return piece ? [[`Reveal piece ${index}`, { reveal: { index, salt: piece.salt, samples: piece.samples } }]] : [];
}

function marketFacts(market: Market, denom: string): HTMLElement {
  return facts([
    ["phase", h("strong", { "data-testid": "market-phase" }, market.phase)],
    ["bounty", `${market.bounty} ${denom}`],
    ["stakes", `${market.total_stake} ${denom} from ${market.contributions} contribution(s)`],
    ["losses", `${market.losses} ${denom}`],
    ["test set", `${market.test_size} sample(s) revealed, ${market.correct} right (baseline ${market.baseline ?? "not yet"})`],
    ["processed", `${market.processed} of ${market.contributions}`],
    ["participation may end", formatTime(market.earliest_end)],
    ["reveal deadline", formatTime(market.deadline)],
    ["provider", h("code", {}, market.provider)],
  ]);
}

async function actionButtons(stack: Stack, account: Account, market: Market, config: MarketConfig, testSet: SaltedTestSet | null, out: HTMLElement) {
  const actions = [...revealAction(market, testSet), ...ACTIONS.map(([label, msg]): [string, object] => [label, msg(config)])];
  return Promise.all(
    actions.map(async ([label, msg]) => {
      const wrapped = extension(msg);
      const reason = await refusal(account, stack.trainer, wrapped);
      const button = actionButton(label, out, async () => (await execute(account, stack.trainer, wrapped), `${label}: done`));
      button.disabled = reason !== null;
      return h("div", { class: "market-action" }, button, reason && h("span", { class: "reason" }, reason));
    }),
  );
}

export function marketSection(client: CosmWasmClient, stack: Stack, account: Account | null, refresh: Refresh): HTMLElement {
  const body = h("div", { "data-testid": "market" });
  const out = h("div", { "data-testid": "market-status" });
  let testSet: SaltedTestSet | null = null;
  const file = h("input", {
    type: "file",
    name: "test set",
    accept: ".json,application/json",
    onChange: async () => {
      try {
        testSet = JSON.parse(await file.files![0].text()) as SaltedTestSet;
        if (!Array.isArray(testSet.pieces)) throw new Error("this file has no test-set pieces");
        fill(out, status(`test set loaded: ${testSet.pieces.length} piece(s)`, "ok"));
      } catch (error) {
        testSet = null;
        fill(out, status(`not a salted test set: ${errorMessage(error)}`, "error"));
      }
    },
  });
  refresh.every(async () => {
    const generation = sentCount();
    const { market, config, denom } = await marketState(client, stack);
    if (!market) return fill(body, status("Not opened yet: a bounty provider opens it (sumctl market-open)."));
    const standing = account ? await new PredictionMarketQueryClient(client, stack.info.incentive).standing({ address: account.address }) : null;
    const actions = account ? await actionButtons(stack, account, market, config, testSet, out) : [status("Choose an account above to act on the market.")];
    if (sentCount() !== generation) return; // stale: the next refresh draws what the chain allows now
    fill(
      body,
      marketFacts(market, denom),
      standing && facts([["your stake", `${standing.standing.stake} ${denom}`], ["your entitlement", standing.entitlement ?? "not settled"], ["withdrawn", standing.standing.withdrawn ? "yes" : "no"]]),
      ...actions,
    );
  });
  return section("Prediction market", h("label", {}, "Salted test set (provider, to reveal) ", file), body, out);
}
