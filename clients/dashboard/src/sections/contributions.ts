/** The account's contributions with Refund, and others' with Report. Each button is
 * enabled exactly when the chain would accept the claim now (a simulated transaction);
 * otherwise it is disabled and the contract's reason is shown. Read again every few
 * seconds. */
import type { CosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { DataHandlerQueryClient } from "sum-client/src/generated/DataHandler.client.ts";
import type { ContributionWithId } from "sum-client/src/generated/DataHandler.types.ts";
import { TrainerQueryClient } from "sum-client/src/generated/Trainer.client.ts";
import { actionButton } from "../action.ts";
import { blockTime, formatTime } from "../chain.ts";
import { fill, h, section, status } from "../dom.ts";
import type { Refresh } from "../refresh.ts";
import { claimWaits, contributionCount, type ClaimWaits, type Stack } from "../stack.ts";
import { execute, refusal, sentCount } from "../tx.ts";
import type { Account } from "../wallet.ts";

/** Contributions listed in each table: the account's latest, and others' among everyone's
 * latest. */
const LIST_LIMIT = 10;
/** Page size when reading the account's contributions to reach its latest. */
const PAGE = 30;

type Claim = "refund" | "report";

interface Listing {
  title: string;
  claim: Claim;
  testId: string;
  load(): Promise<ContributionWithId[]>;
}

function listings(client: CosmWasmClient, stack: Stack, account: Account): Listing[] {
  const handler = new DataHandlerQueryClient(client, stack.info.data_handler);
  const latest = async () => {
    const total = await contributionCount(client, stack);
    const startAfter = total > LIST_LIMIT ? total - LIST_LIMIT - 1 : undefined;
    const { contributions } = await handler.contributions({ startAfter, limit: LIST_LIMIT });
    return contributions.filter((c) => c.contribution.contributor !== account.address);
  };
  const mine = async () => {
    const all: ContributionWithId[] = [];
    for (let page: ContributionWithId[] | null = null; page === null || page.length === PAGE; ) {
      const startAfter = all.length ? all[all.length - 1].id : undefined;
      page = (await handler.contributionsByContributor({ contributor: account.address, startAfter, limit: PAGE })).contributions;
      all.push(...page);
    }
    return all.slice(-LIST_LIMIT);
  };
  return [
    { title: "Your contributions", claim: "refund", testId: "mine", load: mine },
    { title: "Others' contributions", claim: "report", testId: "others", load: latest },
  ];
}

/** When a claim on a contribution added at `added` becomes possible, in words. */
function possibleFrom(claim: Claim, added: number, waits: ClaimWaits, now: number, isOwner: boolean): string {
  const at = (wait: number) => (added + wait > now ? `from ${formatTime(added + wait)} (in ${added + wait - now} s)` : `since ${formatTime(added + wait)}`);
  if (claim === "refund") return at(waits.refund);
  const parts = [`${at(waits.refund)} if the model disagrees`];
  if (isOwner && waits.owner !== undefined) parts.push(`as the owner ${at(waits.owner)}`);
  if (waits.anyone !== undefined) parts.push(`by anyone ${at(waits.anyone)}`);
  return parts.join("; ");
}

/** One contribution's row: sample, label, claims, when a claim becomes possible, button. */
async function row(client: CosmWasmClient, stack: Stack, account: Account, item: ContributionWithId, claim: Claim, waits: ClaimWaits, now: number, out: HTMLElement) {
  const { id, contribution } = item;
  const { claims } = await new TrainerQueryClient(client, stack.trainer).contribution({ id });
  const msg = { [claim]: { id } };
  const reason = await refusal(account, stack.trainer, msg);
  const label = claim === "refund" ? "Refund" : "Report";
  const button = actionButton(label, out, async () => {
    await execute(account, stack.trainer, msg);
    return `${claim} of contribution ${id}: done`;
  });
  button.disabled = reason !== null;
  return h(
    "tr",
    { "data-testid": `contribution-${id}` },
    h("td", {}, id),
    h("td", {}, stack.model.classes[contribution.classification] ?? contribution.classification),
    h("td", {}, h("code", { class: "address" }, contribution.contributor)),
    h("td", {}, formatTime(contribution.added_at)),
    h("td", {}, `${claims.claimable} of ${claims.initial_deposit} left; ${claims.claimed_by.length ? `claimed ${claims.claimed_by.length}×` : "unclaimed"}`),
    h("td", { "data-testid": "claim-possible" }, possibleFrom(claim, contribution.added_at, waits, now, stack.info.owner === account.address)),
    h("td", {}, button, reason && h("div", { class: "reason" }, reason)),
  );
}

const HEADINGS = ["id", "label", "contributor", "added", "claims", "claim possible", ""];

export function contributionsSection(client: CosmWasmClient, stack: Stack, account: Account | null, refresh: Refresh): HTMLElement {
  if (!account) return section("Contributions", status("Choose an account above to see your contributions."));
  const out = h("div", { "data-testid": "claim-status" });
  const tables = listings(client, stack, account).map((listing) => {
    const body = h("tbody", {});
    const element = h("div", { "data-testid": listing.testId }, h("h3", {}, listing.title), h("table", { class: "list" }, h("thead", {}, h("tr", {}, ...HEADINGS.map((t) => h("th", {}, t)))), body));
    return { listing, body, element };
  });
  refresh.every(async () => {
    const generation = sentCount();
    const waits = await claimWaits(client, stack);
    if (waits === null) return;
    const now = await blockTime(client);
    for (const { listing, body } of tables) {
      const items = await listing.load();
      const rows = await Promise.all(items.map((item) => row(client, stack, account, item, listing.claim, waits, now, out)));
      if (sentCount() !== generation) return; // stale: the next refresh draws what the chain allows now
      fill(body, ...rows);
    }
  });
  return section("Contributions", out, ...tables.map((t) => t.element));
}
