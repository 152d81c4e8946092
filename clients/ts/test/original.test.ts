/** The importer of the original's model files and its chunks, against the Python reference
 * (scripts/sumclient/original.py, chunks.py), and the chunked deployment on a recording client. */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { fromOriginal, fixedFromFloat, DEFAULT_INCENTIVE, OriginalFormatError, type OriginalOptions } from "../src/original";
import { splitIntoChunks } from "../src/chunks";
import { deployInChunks } from "../src/deploy";
import { askPython } from "./python";
import { BAYES, CENTROIDS, DENSE, DENSE_DIMENSION, IMAGE, IMAGE_DIMENSION, INTENT, readJson, SPARSE, SPARSE_CENTROIDS } from "./originalFiles";

const GOOD: [unknown, OriginalOptions][] = [
  [readJson(IMAGE), { fileName: IMAGE, embeddingDimension: IMAGE_DIMENSION }],
  [readJson(IMAGE), { fileName: IMAGE, embeddingDimension: IMAGE_DIMENSION, embeddingName: "mobilenet-v2", name: "hot dog" }],
  [readJson(INTENT), { fileName: INTENT }],
  [DENSE, { fileName: "C:\\models\\dense.v2.json", embeddingDimension: DENSE_DIMENSION }],
  [{ ...DENSE, featureIndices: null, type: "perceptron" }, { fileName: "plain" }],
  [SPARSE, { fileName: "sparse.json", encoder: { vocabulary: { name: "words" } } }],
  [{ ...SPARSE, weights: { "3": 1e-10, "4": 5e-10 } }, { fileName: "sparse.json" }],
  [CENTROIDS, { fileName: "c.json", embeddingDimension: 2 }],
  [{ type: "dense nearest centroid classifier", intents: CENTROIDS.centroids }, { fileName: "i.json" }],
  [SPARSE_CENTROIDS, { fileName: "s.json", incentive: { contract: "points", instantiate: { refund_wait: 1 } } }],
  [BAYES, { fileName: ".json" }],
];

const BAD: [unknown, OriginalOptions][] = [
  [[], { fileName: "f.json" }],
  [readJson(IMAGE), { fileName: IMAGE }],
  [{ type: "svm" }, { fileName: "f.json" }],
  [{ type: "constructor" }, { fileName: "f.json" }],
  [{ type: "toString" }, { fileName: "f.json" }],
  [{ ...DENSE, classifications: ["a", "b", "c"] }, { fileName: "f.json" }],
  [{ ...DENSE, classifications: ["a", "a"] }, { fileName: "f.json" }],
  [{ ...DENSE, classifications: ["a", 1] }, { fileName: "f.json" }],
  [{ ...DENSE, weights: [1, true, 0] }, { fileName: "f.json" }],
  [{ ...DENSE, weights: [1, "2", 0] }, { fileName: "f.json" }],
  [{ ...DENSE, weights: [1e7, 0, 0] }, { fileName: "f.json" }],
  [{ ...DENSE, weights: [] }, { fileName: "f.json" }],
  [{ ...DENSE, featureIndices: [1, 2] }, { fileName: "f.json" }],
  [{ ...DENSE, featureIndices: [1, 2, 1] }, { fileName: "f.json" }],
  [{ ...DENSE, featureIndices: [1, 2, -3] }, { fileName: "f.json" }],
  [DENSE, { fileName: "f.json", embeddingDimension: 5 }],
  [DENSE, { fileName: "f.json", embeddingDimension: 65_537 }],
  [{ ...DENSE, learningRate: 0 }, { fileName: "f.json" }],
  [{ ...DENSE, learningRate: null }, { fileName: "f.json" }],
  [{ ...SPARSE, sparseWeights: { "2": 1 } }, { fileName: "f.json" }],
  [{ ...SPARSE, weights: { x: 1 } }, { fileName: "f.json" }],
  [{ type: "nearest centroid classifier" }, { fileName: "f.json" }],
  [{ ...CENTROIDS, centroids: {} }, { fileName: "f.json" }],
  [{ ...CENTROIDS, centroids: { a: { centroid: [1, 0] } } }, { fileName: "f.json" }],
  [{ ...CENTROIDS, centroids: { a: { centroid: [1001], dataCount: 1 } } }, { fileName: "f.json" }],
  [{ ...CENTROIDS, centroids: { a: { centroid: [1], dataCount: 1 }, b: { centroid: [1, 0], dataCount: 1 } } }, { fileName: "f.json" }],
  [{ ...CENTROIDS, centroids: { a: { centroid: [1], dataCount: 1.5 } } }, { fileName: "f.json" }],
  [CENTROIDS, { fileName: "f.json", embeddingDimension: 3 }],
  [{ ...SPARSE_CENTROIDS, centroids: { A: { centroid: { "0": 1.5 }, dataCount: 1 } } }, { fileName: "f.json" }],
  [{ ...SPARSE_CENTROIDS, centroids: { A: { centroid: { "0": -0.5 }, dataCount: 1 } } }, { fileName: "f.json" }],
  [{ ...SPARSE_CENTROIDS, centroids: { A: { centroid: { "0": 1 }, dataCount: 0 } } }, { fileName: "f.json" }],
  [{ ...BAYES, classCounts: [1] }, { fileName: "f.json" }],
  [{ ...BAYES, featureCounts: [[[0, 1], [0, 2]], [], []] }, { fileName: "f.json" }],
  [{ ...BAYES, featureCounts: [[[0, 1, 2]], [], []] }, { fileName: "f.json" }],
  [{ ...BAYES, totalNumFeatures: 0 }, { fileName: "f.json" }],
  [{ ...BAYES, totalNumFeatures: null }, { fileName: "f.json" }],
  [(({ totalNumFeatures: _, ...rest }) => rest)(BAYES), { fileName: "f.json" }],
  [{ ...BAYES, smoothingFactor: -1 }, { fileName: "f.json" }],
];

const python = (files: [unknown, OriginalOptions][]) =>
  askPython(files.map(([file, options]) => ({ op: "original", args: { file, options } })));

test("fixed point from floats rounds half away from zero", () => {
  assert.deepEqual([2.5e-9, -2.5e-9, 4.5e-9, 1.0000000025, 1.25e-8, 5e-10, -0].map((x) => fixedFromFloat(x, "x")),
    [3, -3, 5, 1000000003, 13, 1, 0]);
  assert.ok(Object.is(fixedFromFloat(-1e-12, "x"), 0));
});

test("the conversion of the real files and of every type equals Python's", () => {
  const expected = python(GOOD);
  GOOD.forEach(([file, options], k) => assert.deepEqual(fromOriginal(file, options), expected[k], options.fileName));
});

test("bad files are refused with the error Python gives", () => {
  const expected = python(BAD) as { error?: string }[];
  BAD.forEach(([file, options], k) => {
    assert.ok(expected[k].error, `Python accepts bad file ${k}`);
    assert.throws(() => fromOriginal(file, options), (e: unknown) => e instanceof OriginalFormatError && e.message === expected[k].error);
  });
});

test("the default incentive is scripts/models/dense-perceptron.json's", () => {
  assert.deepEqual(DEFAULT_INCENTIVE, readJson("scripts/models/dense-perceptron.json").incentive);
});

test("chunks of every model at several sizes equal Python's", () => {
  const models = GOOD.map(([file, options]) => fromOriginal(file, options).model);
  const cases = models.flatMap(({ contract, instantiate }) => [1, 2, 100].map((maxValues) => ({ contract, msg: instantiate, maxValues })));
  const expected = askPython(cases.map((args) => ({ op: "split", args })));
  cases.forEach(({ contract, msg, maxValues }, k) => assert.deepEqual(splitIntoChunks(contract, msg, maxValues), expected[k], `${contract} ${maxValues}`));
  assert.throws(() => splitIntoChunks("dense-perceptron", models[0].instantiate, 0), /at least one value/);
  assert.throws(() => splitIntoChunks("trainer", {}), /no chunks for the contract 'trainer'/);
  assert.throws(() => splitIntoChunks("toString", {}), /no chunks for the contract 'toString'/);
});

test("deployInChunks: the model without admin, its chunks, the trainer, then the hand-over", async () => {
  const calls: unknown[][] = [];
  const client = {
    instantiate: async (sender: string, codeId: number, msg: unknown, label: string, fee: unknown, options?: unknown) => {
      calls.push(["instantiate", sender, codeId, msg, label, fee, options]);
      return { contractAddress: codeId === 1 ? "model" : "trainer" };
    },
    execute: async (sender: string, contract: string, msg: unknown) => {
      calls.push(["execute", sender, contract, msg]);
      return {};
    },
    queryContractSmart: async () => ({ data_handler: "handler", incentive: "stakeable" }),
  } as unknown as SigningCosmWasmClient;
  const description = fromOriginal(readJson(IMAGE), { fileName: IMAGE, embeddingDimension: IMAGE_DIMENSION });
  const codeIds = { "dense-perceptron": 1, trainer: 2, "data-handler": 3, stakeable: 4 };
  const progress: [number, number, string][] = [];
  const deployment = await deployInChunks(client, "owner", codeIds, description, (...p) => progress.push(p), 150);
  assert.deepEqual(deployment, {
    trainer: "trainer", data_handler: "handler", model: "model", incentive: "stakeable", owner: "owner",
    code_ids: codeIds, description,
  });
  const [small, extensions] = splitIntoChunks("dense-perceptron", description.model.instantiate, 150);
  assert.deepEqual(calls[0], ["instantiate", "owner", 1, small, `${description.name} model`, "auto", undefined]);
  assert.deepEqual(calls.slice(1, 4), extensions.map((chunk) => ["execute", "owner", "model", { extension: chunk }]));
  const trainer = calls[4][3] as { model: unknown; owner: string; encoder: unknown };
  assert.deepEqual([calls[4][2], trainer.model, trainer.owner, trainer.encoder], [2, { existing: { address: "model" } }, "owner", description.encoder]);
  assert.deepEqual(calls[5], ["execute", "owner", "model", { hand_over: { trainer: "trainer" } }]);
  assert.equal(calls.length, 6);
  assert.deepEqual(progress.map(([done, total]) => [done, total]), [[1, 6], [2, 6], [3, 6], [4, 6], [5, 6], [6, 6]]);
  assert.match(progress[1][2], /^chunk 1 of 3: set_weights$/);
});

test("deployInChunks: a missing code id is found before any transaction", async () => {
  const calls: unknown[] = [];
  const record = (name: string) => async (...args: unknown[]) => (calls.push([name, ...args]), { contractAddress: "x" });
  const client = { instantiate: record("instantiate"), execute: record("execute"), queryContractSmart: record("query") } as unknown as SigningCosmWasmClient;
  const description = fromOriginal(readJson(IMAGE), { fileName: IMAGE, embeddingDimension: IMAGE_DIMENSION });
  const all = { "dense-perceptron": 1, trainer: 2, "data-handler": 3, stakeable: 4 };
  for (const missing of Object.keys(all)) {
    const codeIds: Record<string, number> = { ...all };
    delete codeIds[missing];
    await assert.rejects(deployInChunks(client, "owner", codeIds, description, () => {}, 150), new RegExp(`no code id for the contract '${missing}'`));
  }
  assert.deepEqual(calls, []);
});
