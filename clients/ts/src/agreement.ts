/**
 * Does a deployed (integer) model predict as the original's float model? Seeded samples
 * (samples.ts) asked of the contract with `predict_batch` and compared with the float model
 * (floatModels.ts), as `sumctl import` does (scripts/sumclient/agreement.py, docs/import.md).
 */
import type { CosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { DensePerceptronQueryClient } from "./generated/DensePerceptron.client";
import type { Features } from "./generated/Trainer.types";
import { roundHalfEven } from "./encoders";
import { floatModel } from "./floatModels";
import type { ModelDescription } from "./original";
import { agreementSamples, type Sample } from "./samples";

/** Samples of the check unless told otherwise (as `sumctl import --samples`). */
export const DEFAULT_AGREEMENT_SAMPLES = 200;
/** JSON bytes of the samples of one predict_batch query at most (as sumctl's). */
export const MAX_QUERY_BYTES = 60_000;
/** Significant digits of a margin in the summary (Python's `:.3g`). */
const MARGIN_DIGITS = 3;

/** Asks the contract about samples: their classes, in order. */
export type PredictBatch = (samples: Features[]) => Promise<number[]>;
/** Called after each batch: `done` of `total` samples checked. */
export type OnChecked = (done: number, total: number) => void;

export interface Disagreement {
  /** The sample's number, from 0. */
  sample: number;
  kind: string;
  floatClass: number;
  contractClass: number;
  /** The float model's margin: how far the sample was from changing its answer. */
  margin: number;
}

/** A number as Python's `{x:.Ng}` writes it: N significant digits, trailing zeros dropped,
 * scientific below 10^-4 and from 10^N (an exact binary tie, rare in a computed margin,
 * rounds up where Python rounds to even). */
export function formatGeneral(x: number, digits = MARGIN_DIGITS): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
  const [mantissa, exponentText] = x.toExponential(digits - 1).split("e");
  const exponent = Number(exponentText);
  const trim = (text: string) => (text.includes(".") ? text.replace(/\.?0+$/, "") : text);
  if (exponent < -4 || exponent >= digits) {
    return `${trim(mantissa)}e${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  return trim(x.toFixed(digits - 1 - exponent));
}

/** `x` with one decimal as Python's `:.1f`. Both round the exact binary value; on an exact
 * tie (an odd number of quarters: x.25, x.75) JavaScript's toFixed rounds up, Python to even. */
function oneDecimal(x: number): string {
  const quarters = x * 4; // exact: a power of two
  const tie = Number.isInteger(quarters) && quarters % 2 !== 0;
  return (tie ? roundHalfEven(x * 10) / 10 : x).toFixed(1);
}

export class AgreementReport {
  constructor(readonly total: number, readonly disagreements: Disagreement[] = []) {}

  get agreed(): number {
    return this.total - this.disagreements.length;
  }

  /** `agreement: K of N (P%)` and a line for each disagreement, as `sumctl import` prints. */
  summary(): string {
    const percent = this.total ? (100 * this.agreed) / this.total : 100;
    return [
      `agreement: ${this.agreed} of ${this.total} (${oneDecimal(percent)}%)`,
      ...this.disagreements.map((d) =>
        `  DISAGREEMENT on sample ${d.sample} (${d.kind}): float model ${d.floatClass}, ` +
        `contract ${d.contractClass}, float margin ${formatGeneral(d.margin)}`),
    ].join("\n");
  }
}

/** Consecutive batches whose features fit one query of MAX_QUERY_BYTES. */
export function querySizedBatches(samples: Sample[]): Sample[][] {
  const done: Sample[][] = [];
  let batch: Sample[] = [];
  let size = 0;
  for (const sample of samples) {
    const length = JSON.stringify(sample.features).length + 1; // and a comma
    if (batch.length > 0 && size + length > MAX_QUERY_BYTES) {
      done.push(batch);
      batch = [];
      size = 0;
    }
    batch.push(sample);
    size += length;
  }
  return batch.length > 0 ? [...done, batch] : done;
}

/** Compares `predictBatch` (e.g. the contract's, modelPredictBatch) with the float model of
 * `data` (the original's file `description` was imported from) on `n` seeded samples. */
export async function checkAgreement(
  predictBatch: PredictBatch,
  description: ModelDescription,
  data: unknown,
  n = DEFAULT_AGREEMENT_SAMPLES,
  seed = 0,
  onChecked: OnChecked = () => {},
): Promise<AgreementReport> {
  const predict = floatModel(description.model.contract, data);
  const report = new AgreementReport(n);
  let number = 0;
  for (const batch of querySizedBatches(agreementSamples(description, data, n, seed))) {
    const answers = await predictBatch(batch.map((s) => s.features));
    for (const [k, sample] of batch.entries()) {
      const [floatClass, margin] = predict(sample.floatInput);
      if (answers[k] !== floatClass) {
        report.disagreements.push({ sample: number, kind: sample.kind, floatClass, contractClass: answers[k], margin });
      }
      number++;
    }
    onChecked(number, n);
  }
  return report;
}

/** `predict_batch` of the model contract at `model`. Every model answers the model shell's
 * queries, so one generated query client serves all five. */
export function modelPredictBatch(client: CosmWasmClient, model: string): PredictBatch {
  const query = new DensePerceptronQueryClient(client, model);
  return async (samples) => (await query.predictBatch({ samples })).classifications;
}
