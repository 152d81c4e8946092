/** The agreement check after the deploy form deployed an original-system file (as
 * `sumctl import` does, docs/import.md): the new model's predict_batch against the file's
 * float model on seeded samples; the summary line and each disagreement with its margin. */
import type { CosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { checkAgreement, DEFAULT_AGREEMENT_SAMPLES, modelPredictBatch } from "sum-client/src/agreement.ts";
import type { Deployment, OnProgress } from "sum-client/src/deploy.ts";
import { h, status, type Child } from "../dom.ts";
import { errorMessage } from "../errors.ts";

/** The seed of the samples (as `sumctl import`'s default). */
const AGREEMENT_SEED = 0;

/** What to show of the check of `deployment`, imported from the original's file `file`
 * (null for one of our model descriptions, which has no float model); never throws. */
export async function agreementCheck(client: CosmWasmClient, deployment: Deployment, file: unknown | null, onProgress: OnProgress): Promise<Child[]> {
  if (file === null) return [status("No agreement check: a model description has no float model to compare with.")];
  try {
    const { model, description } = deployment;
    const predictBatch = modelPredictBatch(client, model);
    const report = await checkAgreement(predictBatch, description, file, DEFAULT_AGREEMENT_SAMPLES, AGREEMENT_SEED,
      (done, total) => onProgress(done, total, "samples checked for agreement"));
    const [line, ...disagreements] = report.summary().split("\n");
    return [
      status(line, disagreements.length ? "error" : "ok"),
      disagreements.length > 0 && h("ul", {}, ...disagreements.map((text) => h("li", {}, text.trim()))),
    ];
  } catch (error) {
    return [status(`agreement check failed: ${errorMessage(error)}`, "error")];
  }
}
