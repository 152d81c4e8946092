/** One stack's page: its info and parameters, predict, add data, contributions with refund
 * and report, balances, and the mechanism's own figures (leaderboard or market). */
import { h } from "../dom.ts";
import { addDataSection } from "../sections/addData.ts";
import { balancesSection } from "../sections/balances.ts";
import { contributionsSection } from "../sections/contributions.ts";
import { leaderboardSection } from "../sections/leaderboard.ts";
import { marketSection } from "../sections/market.ts";
import { predictSection } from "../sections/predict.ts";
import { summarySection } from "../sections/summary.ts";
import { loadStack, MARKET, POINTS, type Stack } from "../stack.ts";
import type { View } from "../view.ts";

function mechanismSections({ client, account, refresh }: View, stack: Stack): HTMLElement[] {
  if (stack.mechanism === MARKET) return [marketSection(client, stack, account, refresh)];
  const claims = contributionsSection(client, stack, account, refresh);
  return stack.mechanism === POINTS ? [claims, leaderboardSection(client, stack, refresh)] : [claims];
}

export async function modelPage(view: View, trainer: string): Promise<HTMLElement> {
  const { client, config, account, refresh } = view;
  const stack = await loadStack(client, config, trainer);
  return h(
    "div",
    { class: "model-page" },
    h("h1", { "data-testid": "model-name" }, stack.info.name),
    summarySection(client, stack, refresh),
    predictSection(client, stack),
    addDataSection(client, stack, account, refresh),
    ...mechanismSections(view, stack),
    balancesSection(client, config, account, refresh),
  );
}
