/** The points mechanism's leaderboard and totals, read again every few seconds. */
import type { CosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { PointsQueryClient } from "sum-client/src/generated/Points.client.ts";
import { facts, fill, h, section } from "../dom.ts";
import type { Refresh } from "../refresh.ts";
import type { Stack } from "../stack.ts";

/** Leaderboard entries shown. */
const TOP = 10;

export function leaderboardSection(client: CosmWasmClient, stack: Stack, refresh: Refresh): HTMLElement {
  const points = new PointsQueryClient(client, stack.info.incentive);
  const body = h("div", { "data-testid": "leaderboard" });
  refresh.every(async () => {
    const [board, totals] = await Promise.all([points.leaderboard({ limit: TOP }), points.totals()]);
    fill(
      body,
      h("ol", {}, ...board.entries.map((e) => h("li", {}, h("code", {}, e.address), ` — ${e.points} point(s)`))),
      facts([["contributions", totals.contributions], ["points", totals.points], ["reports", totals.reports], ["scorers", totals.scorers]]),
    );
  });
  return section("Leaderboard", body);
}
