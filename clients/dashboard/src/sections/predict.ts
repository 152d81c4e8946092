/** Predict: a free query of the model through the trainer; shows the class name. */
import type { CosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { TrainerQueryClient } from "sum-client/src/generated/Trainer.client.ts";
import { fill, h, section, status } from "../dom.ts";
import { errorMessage } from "../errors.ts";
import type { Stack } from "../stack.ts";
import { featureField } from "./featureField.ts";

export function predictSection(client: CosmWasmClient, stack: Stack): HTMLElement {
  const field = featureField(stack, "predict");
  const out = h("div", { "data-testid": "prediction" });
  const predict = async () => {
    const parsed = field.read();
    if ("error" in parsed) return fill(out, status(parsed.error, "error"));
    try {
      const { classification } = await new TrainerQueryClient(client, stack.trainer).predict({ data: parsed.features });
      fill(out, status(`prediction: ${stack.model.classes[classification] ?? classification} (class ${classification})`, "ok"));
    } catch (error) {
      fill(out, status(errorMessage(error), "error"));
    }
  };
  return section("Predict", h("form", { onSubmit: (e) => (e.preventDefault(), void predict()) }, field.element, h("button", { type: "submit" }, "Predict")), out);
}
