/** The stack's info: trainer, model and mechanism; the number of contributions and the
 * model's parameters (first page), read again every few seconds. */
import type { CosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { DensePerceptronQueryClient as ModelQueryClient } from "sum-client/src/generated/DensePerceptron.client.ts";
import { facts, fill, h, section } from "../dom.ts";
import type { Refresh } from "../refresh.ts";
import { contributionCount, encoderName, modelType, type Stack } from "../stack.ts";

/** Parameter rows shown. */
const PARAMETER_ROWS = 12;

export function summarySection(client: CosmWasmClient, stack: Stack, refresh: Refresh): HTMLElement {
  const { info, model } = stack;
  const count = h("span", { "data-testid": "contribution-count" }, "…");
  const parameters = h("div", { "data-testid": "parameters" });
  refresh.every(async () => {
    const [total, { scalars, rows }] = await Promise.all([
      contributionCount(client, stack),
      new ModelQueryClient(client, info.model).parameters({ limit: PARAMETER_ROWS }),
    ]);
    fill(count, total);
    fill(
      parameters,
      facts(scalars.map((s) => [s.name, s.value])),
      h("table", { class: "rows" }, ...rows.map((row) => h("tr", {}, h("th", {}, row.index), h("td", {}, row.values.join(", "))))),
    );
  });
  return section(
    "Model",
    h("p", { class: "description" }, info.description),
    facts([
      ["trainer", h("code", {}, stack.trainer)],
      ["model", `${modelType(stack)} (${stack.modelContract})`],
      ["classes", model.classes.join(", ")],
      ["dimension", model.dimension ?? "sparse"],
      ["encoder", encoderName(stack)],
      ["mechanism", stack.mechanism],
      ["contributions", count],
      ["owner", h("code", {}, info.owner)],
      ["immutable", info.immutable ? "yes" : "no"],
    ]),
    h("h3", {}, "Parameters"),
    parameters,
  );
}
