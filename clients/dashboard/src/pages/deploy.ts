/** The deploy form: a JSON file, either a model description (scripts/models/*.json) or an
 * original-system model file (converted with clients/ts `fromOriginal`), deployed in chunks
 * from the chosen account with a progress bar, then a link to the new model's page and, for
 * an original-system file, the agreement check of the deployed model with its float model. */
import { deployInChunks, type OnProgress } from "sum-client/src/deploy.ts";
import { fromOriginal, type ModelDescription } from "sum-client/src/original.ts";
import { fill, h, section, status } from "../dom.ts";
import { errorMessage } from "../errors.ts";
import type { View } from "../view.ts";
import { agreementCheck } from "./agreement.ts";

/** Whether a parsed file is one of our model descriptions (it names its contracts). */
function isDescription(file: unknown): file is ModelDescription {
  const model = (file as { model?: { contract?: unknown } } | null)?.model;
  return typeof model?.contract === "string";
}

/** The embedding dimension typed in the form: none when empty, else a whole number from 1. */
function embeddingDimension(input: HTMLInputElement): number | undefined {
  const text = input.value.trim();
  if (text === "") return undefined;
  if (!/^\d+$/.test(text)) throw new Error(`the embedding dimension must be a whole number, not "${text}"`);
  return Number(text);
}

export async function deployPage({ client, config, account }: View): Promise<HTMLElement> {
  if (!account) return section("Deploy a model", status("Choose an account above: it deploys the model and owns it."));
  const file = h("input", { type: "file", name: "model file", accept: ".json,application/json", "aria-label": "model file" });
  const dimension = h("input", { type: "text", inputmode: "numeric", name: "embedding dimension", placeholder: "e.g. 1280", "aria-label": "embedding dimension" });
  const progress = h("progress", { max: 1, value: 0 });
  const step = h("span", { "data-testid": "deploy-step" });
  const out = h("div", { "data-testid": "deploy-status" });
  const agreement = h("div", { "data-testid": "agreement" });
  const show: OnProgress = (done, total, what) => {
    progress.max = total;
    progress.value = done;
    fill(step, `${done}/${total}: ${what}`);
  };
  const deploy = async () => {
    button.disabled = true;
    fill(agreement);
    try {
      const chosen = file.files?.[0];
      if (!chosen) throw new Error("choose a JSON model file first");
      const parsed: unknown = JSON.parse(await chosen.text());
      const [description, original] = isDescription(parsed) ? [parsed, null] : [fromOriginal(parsed, { fileName: chosen.name, embeddingDimension: embeddingDimension(dimension) }), parsed];
      const deployed = await deployInChunks(account.client, account.address, config.code_ids, description, show);
      fill(out, h("p", { class: "status ok" }, `deployed ${description.name}: `, h("a", { href: `#/model/${deployed.trainer}`, "data-testid": "new-model" }, `open its page`)));
      fill(agreement, ...(await agreementCheck(client, deployed, original, show)));
    } catch (error) {
      fill(out, status(errorMessage(error), "error"));
    } finally {
      button.disabled = false;
    }
  };
  const button = h("button", { onClick: () => void deploy() }, "Deploy");
  return section(
    "Deploy a model",
    h("p", {}, "A model description (like scripts/models/dense-perceptron.json) or a model file of the original SUM system. ", `It is deployed from ${account.name}, who owns it.`),
    h("label", {}, "Model file ", file),
    h("label", {}, " Embedding dimension (an original file with featureIndices picks from an embedding of this size) ", dimension),
    button,
    h("div", {}, progress, " ", step),
    out,
    agreement,
  );
}
