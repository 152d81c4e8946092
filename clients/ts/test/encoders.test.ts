/** The encoders against SPEC §6's reference values and against the Python reference. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import {
  classIndex, features, fixedPointNormalised, murmurhash3, murmurhash3Indices, roundHalfEven,
  rowFeatures,
} from "../src/encoders";
import { commitment, encodePiece, type CommitSample } from "../src/commitment";
import { askPython, type Case } from "./python";

test("SPEC §6 murmurhash3 reference values", () => {
  assert.equal(murmurhash3("hey"), 318325784);
  assert.equal(murmurhash3("blockchain"), 3905957473);
  assert.equal(murmurhash3("you"), 814527388);
  assert.deepEqual(murmurhash3Indices("Hey  you\tHEY blockchain", true), [318325784, 318325784, 814527388, 3905957473]);
  assert.deepEqual(murmurhash3Indices("Hey  you\tHEY blockchain", false), [318325784, 814527388, 3905957473]);
});

test("naive-bayes keeps repeated words, the other sparse models do not", () => {
  assert.deepEqual(features("murmurhash3", "naive-bayes", { text: "hey hey" }), { sparse: [318325784, 318325784] });
  assert.deepEqual(features("murmurhash3", "sparse-perceptron", { text: "hey hey" }), { sparse: [318325784] });
  assert.throws(() => features("none", "sparse-perceptron", { text: "hey" }), /murmurhash3/);
});

test("fixed point ×10^9 after L2 normalisation, rounding ties to even", () => {
  assert.deepEqual(fixedPointNormalised([3, -4, 0]), [600000000, -800000000, 0]);
  assert.deepEqual(fixedPointNormalised([2]), [1000000000]);
  assert.deepEqual(fixedPointNormalised([1, 5e-10, 2.5e-9, -1.5e-9]), [1000000000, 0, 2, -2]);
  assert.throws(() => fixedPointNormalised([0, 0]), /zero vector/);
  assert.deepEqual([2.5, 3.5, -2.5, -0.5, 0.49].map(roundHalfEven), [2, 4, -2, 0, 0]);
  assert.deepEqual(features("none", "dense-perceptron", { values: [1.9, -2.7, 0] }), { dense: [1, -2, 0] });
});

test("an embedding picks its feature indices, in order, before normalising", () => {
  const encoder = { embedding: { name: "e", dimension: 4, feature_indices: [3, 1] } };
  assert.deepEqual(features(encoder, "dense-perceptron", { values: [7, -4, 7, 3] }), { dense: [600000000, -800000000] });
  assert.throws(() => features(encoder, "dense-perceptron", { values: [1, 2] }), /has 4 values, got 2/);
});

test("piece encoding and commitment match the layout byte for byte", () => {
  const samples: CommitSample[] = [
    { classification: 1, data: { dense: [-1, 2n, -(2n ** 63n)] } },
    { classification: 258, data: { sparse: [7, 4294967295] } },
  ];
  const hex =
    "00000001" + "00" + "00000003" + "ffffffffffffffff" + "0000000000000002" + "8000000000000000" +
    "00000102" + "01" + "00000002" + "00000007" + "ffffffff";
  assert.equal(Buffer.from(encodePiece(samples)).toString("hex"), hex);
  const salt = Buffer.from("00112233", "hex");
  const expected = createHash("sha256").update(Buffer.from("00112233" + hex, "hex")).digest("hex");
  assert.equal(commitment(salt, samples), expected);
  assert.throws(() => encodePiece([{ classification: 0, data: { dense: [1.5] } }]));
  assert.throws(() => encodePiece([{ classification: 0, data: { sparse: [-1] } }]));
});

// Deterministic pseudo-random numbers (an LCG) for inputs the Python side sees too.
let seed = 12345;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);

const words = [
  "", "a", "ab", "abc", "abcd", "abcde", "hey", "blockchain", "You", "naïve", "Ωμέγα", "日本語", "emoji😀", "ΣΟΦΟΣ",
];
const texts = [
  "Hey you hey HEY blockchain",
  "  leading\tand\ntrailing  white space  ",
  "Ünïcödé WORDS ünïcödé\u00a0nbsp\u3000ideographic\u2003em",
  "\u001cfile\u001dgroup\u001erecord\u001funit\u0085nel",
  "",
];
const vectors: number[][] = [
  // norm 1, so these scale to exact ties x.5: Python rounds them to even
  [1, 5e-10, 2.5e-9, -1.5e-9, 4.5e-9, -3.5e-9],
  [3, 4], [1, -1, 0, 0.5], [-0.1, 0.2, -0.3, 1e-9], [1e6, 1, -1e6], [7],
  ...Array.from({ length: 20 }, (_, i) =>
    Array.from({ length: 1 + (i % 9) }, () => (rand() < 0.2 ? 0 : (rand() - 0.5) * 10 ** Math.floor(rand() * 8 - 3)))),
];
const sampleSets: CommitSample[][] = [
  [{ classification: 0, data: { dense: [600000000, -800000000, 0] } }],
  [{ classification: 3, data: { sparse: [318325784, 318325784, 3905957473] } },
    { classification: 1, data: { dense: [] } }, { classification: 2, data: { sparse: [] } }],
  [],
  Array.from({ length: 5 }, (_, i) => ({
    classification: i % 3,
    data: i % 2 ? { dense: fixedPointNormalised(vectors[5 + i]) } : { sparse: [i, 1000 * i, 4294967295 - i] },
  })),
];

test("agrees with the Python reference encoders (scripts/sumclient)", () => {
  const cases: [Case, unknown][] = [];
  const add = (op: string, args: unknown, ts: unknown) => cases.push([{ op, args }, ts]);
  for (const w of words) add("mmh3", w, murmurhash3(w));
  for (const text of texts) {
    for (const repeats of [true, false]) add("text", { text, repeats }, murmurhash3Indices(text, repeats));
  }
  for (const v of vectors) add("fixed", v, fixedPointNormalised(v));
  for (const model of ["naive-bayes", "sparse-perceptron", "dense-perceptron"]) {
    add("features", { encoder: "murmurhash3", model, input: { text: texts[0] } }, features("murmurhash3", model, { text: texts[0] }));
    add("features", { encoder: "none", model, input: { indices: [5, 3, 5, 1] } }, features("none", model, { indices: [5, 3, 5, 1] }));
    add("features", { encoder: "none", model, input: { values: [1.9, -2.7, 0] } }, features("none", model, { values: [1.9, -2.7, 0] }));
    add("features", { encoder: "fixed_point", model, input: { values: [1, -2, 2] } }, features("fixed_point", model, { values: [1, -2, 2] }));
  }
  for (const feature_indices of [null, [3, 0]]) {
    const encoder = { embedding: { name: "e", dimension: 4, feature_indices } };
    const input = { values: [0.5, 9, -1, 2] };
    add("features", { encoder, model: "dense-perceptron", input }, features(encoder, "dense-perceptron", input));
  }
  const rows: [string, string, string[]][] = [
    ["murmurhash3", "naive-bayes", ["Hey", "you", "hey"]],
    ["fixed_point", "nearest-centroid", ["0.5", "-1.25", "0"]],
    ["none", "dense-perceptron", ["3", "-4.9"]],
    ["none", "sparse-nearest-centroid", ["9", "2", "9"]],
  ];
  for (const [encoder, model, cells] of rows) add("row", { encoder, model, cells }, rowFeatures(encoder as never, model, cells));
  for (const label of ["spam", "1", "0"]) add("class_index", { label, classes: ["ham", "spam"] }, classIndex(label, ["ham", "spam"]));
  const json = (s: CommitSample[]) => JSON.parse(JSON.stringify(s, (_, v) => (typeof v === "bigint" ? Number(v) : v)));
  sampleSets.forEach((samples, i) => {
    add("piece", json(samples), Buffer.from(encodePiece(samples)).toString("hex"));
    const salt = Buffer.alloc(16, i + 1);
    add("commitment", { salt: salt.toString("hex"), samples: json(samples) }, commitment(salt, samples));
  });

  const python = askPython(cases.map(([c]) => c));
  assert.equal(python.length, cases.length);
  cases.forEach(([c, ts], i) => assert.deepEqual(ts, python[i], `case ${i} ${JSON.stringify(c)}`));
});
