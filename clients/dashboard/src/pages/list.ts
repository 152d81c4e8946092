/** Every model stack on the chain (every trainer of the configured trainer's Wasm), with its
 * model, mechanism, number of contributions and, for a market, its test-set accuracy. */
import type { CosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import type { DashboardConfig } from "../config.ts";
import { h, section, status } from "../dom.ts";
import { errorMessage } from "../errors.ts";
import { trainers } from "../contracts.ts";
import { accuracy, contributionCount, loadStack, modelType } from "../stack.ts";
import type { View } from "../view.ts";

async function stackRow(client: CosmWasmClient, config: DashboardConfig, trainer: string): Promise<HTMLElement> {
  try {
    const stack = await loadStack(client, config, trainer);
    const [count, score] = await Promise.all([contributionCount(client, stack), accuracy(client, stack)]);
    return h(
      "tr",
      { "data-testid": "stack", "data-trainer": trainer },
      h("td", {}, h("a", { href: `#/model/${trainer}` }, stack.info.name)),
      h("td", {}, stack.info.description),
      h("td", {}, modelType(stack)),
      h("td", {}, stack.mechanism),
      h("td", {}, count),
      h("td", {}, score ?? "—"),
    );
  } catch (error) {
    return h("tr", {}, h("td", { colspan: 6 }, `${trainer}: ${errorMessage(error)}`));
  }
}

export async function listPage({ client, config }: View): Promise<HTMLElement> {
  const addresses = await trainers(client, config);
  if (addresses.length === 0) return section("Models", status("No model on this chain yet: deploy one."));
  const rows = await Promise.all(addresses.map((trainer) => stackRow(client, config, trainer)));
  const headings = ["name", "description", "model", "mechanism", "contributions", "accuracy"];
  return section("Models", h("table", { class: "list" }, h("thead", {}, h("tr", {}, ...headings.map((t) => h("th", {}, t)))), h("tbody", {}, ...rows)));
}
