/** The agreement check: the float models against the Python reference
 * (scripts/sumclient/float_models.py), the seeded samples, and the report on a stand-in
 * predict_batch. */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Features } from "../src/generated/Trainer.types";
import { AgreementReport, checkAgreement, formatGeneral, MAX_QUERY_BYTES, type Disagreement } from "../src/agreement";
import { floatModel } from "../src/floatModels";
import { fromOriginal } from "../src/original";
import { agreementSamples } from "../src/samples";
import { askPython } from "./python";
import { BAYES, CENTROIDS, DENSE, DENSE_DIMENSION, IMAGE, IMAGE_DIMENSION, INTENT, readJson, SPARSE, SPARSE_CENTROIDS } from "./originalFiles";

/** How far a TypeScript margin may be from Python's, relative to the larger. */
const MARGIN_TOLERANCE = 1e-9;
const SAMPLES = 40;

/** Every type, both real files included, by file name. */
const FILES: [string, unknown][] = [
  [IMAGE, readJson(IMAGE)],
  [INTENT, readJson(INTENT)],
  ["dense.json", DENSE],
  ["plain.json", { ...DENSE, featureIndices: null, type: "perceptron" }],
  ["sparse.json", SPARSE],
  ["centroids.json", CENTROIDS],
  ["sparse-centroids.json", SPARSE_CENTROIDS],
  ["bayes.json", BAYES],
];

/** The embedding dimension of the files that pick features. */
const DIMENSIONS: Record<string, number> = { [IMAGE]: IMAGE_DIMENSION, "dense.json": DENSE_DIMENSION };
const imported = (fileName: string, data: unknown) => fromOriginal(data, { fileName, embeddingDimension: DIMENSIONS[fileName] });

test("the float models give Python's class and margin on every type's samples", () => {
  const cases = FILES.map(([fileName, data]) => {
    const description = imported(fileName, data);
    const inputs = agreementSamples(description, data, SAMPLES, 1).map((s) => s.floatInput);
    return { contract: description.model.contract, data, inputs };
  });
  const expected = askPython(cases.map((args) => ({ op: "float", args }))) as [number, number | null][][];
  cases.forEach(({ contract, data, inputs }, k) => {
    const predict = floatModel(contract, data);
    inputs.forEach((x, n) => {
      const [floatClass, margin] = predict(x);
      const [pyClass, pyMargin] = expected[k][n];
      const where = `${FILES[k][0]} sample ${n}`;
      assert.equal(floatClass, pyClass, where);
      if (pyMargin === null) assert.equal(margin, Infinity, where);
      else assert.ok(Math.abs(margin - pyMargin) <= MARGIN_TOLERANCE * Math.max(Math.abs(margin), Math.abs(pyMargin)), `${where}: ${margin} vs ${pyMargin}`);
    });
  });
  assert.ok(expected.flat().some(([c]) => c === 1) && expected.flat().some(([c]) => c === 0), "both classes occur");
});

test("the samples are the same for a seed, of the kinds agreement.py makes", () => {
  const data = readJson(IMAGE);
  const description = imported(IMAGE, data);
  const samples = agreementSamples(description, data, SAMPLES, 7);
  assert.deepEqual(agreementSamples(description, data, SAMPLES, 7), samples);
  assert.notDeepEqual(agreementSamples(description, data, SAMPLES, 8), samples);
  assert.equal(samples.filter((s) => s.kind === "near boundary").length, SAMPLES / 4);
  for (const s of samples) {
    assert.equal((s.features as { dense: number[] }).dense.length, 400);
    assert.ok(Math.abs(Math.hypot(...s.floatInput) - 1) < 1e-12);
  }
  const intent = readJson(INTENT);
  const kinds = agreementSamples(imported(INTENT, intent), intent, SAMPLES, 0).map((s) => s.kind);
  const classes = Object.keys(intent.intents ?? intent.centroids).length;
  assert.deepEqual(kinds.slice(0, classes), Array(classes).fill("centroid"));
  assert.deepEqual(new Set(kinds.slice(classes)), new Set(["near centroid", "gaussian"]));
  const bayes = agreementSamples(imported("b.json", BAYES), BAYES, SAMPLES, 0);
  assert.ok(bayes.some((s) => new Set(s.floatInput).size < s.floatInput.length), "naive Bayes keeps repeated indices");
  assert.ok(bayes.every((s) => s.kind === "indices" && s.floatInput.length >= 1 && s.floatInput.length <= 20));
});

/** A stand-in predict_batch: the float model's class, flipped on the sample numbers `wrong`;
 * records each batch. */
function standIn(fileName: string, data: unknown, wrong: Set<number>, batches: Features[][]) {
  const description = imported(fileName, data);
  const predict = floatModel(description.model.contract, data);
  const samples = agreementSamples(description, data, SAMPLES, 0);
  return async (batch: Features[]) => {
    const start = batches.flat().length;
    batches.push(batch);
    return batch.map((features, k) => {
      const sample = samples[start + k];
      assert.deepEqual(features, sample.features);
      const [floatClass] = predict(sample.floatInput);
      return wrong.has(start + k) ? 1 - floatClass : floatClass;
    });
  };
}

test("the report counts each sample the contract answers differently", async () => {
  const data = readJson(IMAGE);
  const description = imported(IMAGE, data);
  const batches: Features[][] = [];
  const progress: number[] = [];
  const report = await checkAgreement(standIn(IMAGE, data, new Set([3, 17]), batches), description, data, SAMPLES, 0, (done) => progress.push(done));
  assert.deepEqual(report.disagreements.map((d) => d.sample), [3, 17]);
  assert.ok(report.disagreements.every((d) => d.contractClass === 1 - d.floatClass && d.margin > 0));
  assert.equal(report.agreed, SAMPLES - 2);
  assert.equal(report.disagreements[0].kind, "near boundary");
  assert.match(report.summary(), /^agreement: 38 of 40 \(95\.0%\)\n {2}DISAGREEMENT on sample 3 \(near boundary\): float model [01], contract [01], float margin \S+\n {2}DISAGREEMENT on sample 17 /);
  assert.ok(batches.length > 1 && batches.every((b) => JSON.stringify(b).length <= MAX_QUERY_BYTES), "batches under the size limit");
  assert.equal(progress.at(-1), SAMPLES);
  const agreeing = await checkAgreement(standIn(IMAGE, data, new Set(), []), description, data, SAMPLES);
  assert.equal(agreeing.summary(), `agreement: ${SAMPLES} of ${SAMPLES} (100.0%)`);
});

test("the summary is in Python's words, percentages and margins formatted as Python's", () => {
  const margins = [0.0013, 0.00123456, 1234.5, 1e-7, 5, 0.000123456, 999.5, 0.99951, 100, 1e16, 0.1, 2.5e-5];
  const disagreements = (count: number): Disagreement[] => Array.from({ length: count }, (_, k) => ({
    sample: k, kind: k % 2 ? "gaussian" : "near boundary", floatClass: k % 2, contractClass: 1 - (k % 2), margin: margins[k % margins.length],
  }));
  const reports = [[200, 0], [200, 1], [400, 351], [400, 399], [2000, 1999], [3, 1], [12, 12], [0, 0]].map(([total, wrong]) => new AgreementReport(total, disagreements(wrong)));
  const expected = askPython(reports.map(({ total, disagreements }) => ({ op: "summary", args: { total, disagreements } })));
  reports.forEach((report, k) => assert.equal(report.summary(), expected[k]));
  assert.deepEqual([Infinity, -Infinity, NaN].map((x) => formatGeneral(x)), ["inf", "-inf", "nan"]);
});
