/**
 * Off-chain input encoders (SPEC §6, docs/encoders.md): how raw input becomes the
 * `Features` a model contract takes. A port of scripts/sumclient/encoders.py; the tests
 * check both agree.
 */
import type { Encoder, Features } from "./generated/Trainer.types";

/** Fixed-point scale: values are multiplied by 10^9. */
export const SCALE = 1_000_000_000;

/** Sparse models that count a repeated feature index again (a word's term count). */
export const COUNT_MODELS: ReadonlySet<string> = new Set(["naive-bayes"]);
/** Models that take dense features; the others take sparse indices. */
export const DENSE_MODELS: ReadonlySet<string> = new Set(["dense-perceptron", "nearest-centroid"]);

/** Whether the model contract (e.g. "naive-bayes") counts repeated indices. */
export function countsRepeats(model: string): boolean {
  return COUNT_MODELS.has(model);
}

/** Sorted indices; with `repeats` every occurrence is kept, else each index once. */
export function sparseIndices(indices: Iterable<number>, repeats: boolean): number[] {
  const list = repeats ? [...indices] : [...new Set(indices)];
  return list.sort((a, b) => a - b);
}

/** MurmurHash3 x86 32-bit of `data` (a string is hashed as its UTF-8 bytes), unsigned. */
export function murmurhash3(data: string | Uint8Array, seed = 0): number {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  const tail = bytes.length & ~3;
  let h = seed >>> 0;
  for (let i = 0; i < tail; i += 4) {
    let k = bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, c2);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  let k = 0;
  switch (bytes.length & 3) {
    case 3:
      k ^= bytes[tail + 2] << 16;
    // falls through
    case 2:
      k ^= bytes[tail + 1] << 8;
    // falls through
    case 1:
      k ^= bytes[tail];
      k = Math.imul(k, c1);
      k = (k << 15) | (k >>> 17);
      h ^= Math.imul(k, c2);
  }
  h ^= bytes.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The characters Python's str.split() splits on (str.isspace()); JS's \s differs. */
const PY_WHITESPACE =
  /[\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/** Lower-case, split on white space, hash each word (seed 0); sorted, a repeated word
 * kept as often as it occurs only with `repeats`. */
export function murmurhash3Indices(text: string, repeats: boolean): number[] {
  const words = text.toLowerCase().split(PY_WHITESPACE).filter((w) => w !== "");
  return sparseIndices(words.map((w) => murmurhash3(w, 0)), repeats);
}

/** Python's round() of a float: to the nearest integer, ties to even. */
export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const diff = x - f;
  const r = diff < 0.5 ? f : diff > 0.5 ? f + 1 : f % 2 === 0 ? f : f + 1;
  return r + 0; // no -0
}

/** Multiply by 10^9 after L2 normalisation, then round (ties to even, as Python). */
export function fixedPointNormalised(values: readonly number[]): number[] {
  let sum = 0;
  for (const v of values) sum += v * v; // left to right, as sumctl's encoders.py
  const norm = Math.sqrt(sum);
  if (norm === 0) throw new Error("cannot normalise the zero vector");
  return values.map((v) => roundHalfEven((v / norm) * SCALE));
}

/** One of: dense `values`, `text` (murmurhash3 encoder only) or sparse `indices`. */
export interface FeatureInput {
  values?: readonly number[];
  text?: string;
  indices?: readonly number[];
}

/** An embedding's output (its `dimension` values) reduced to the values the model reads:
 * those at `feature_indices`, in that order, or all of them. */
export function embeddingPicked(
  encoder: Extract<Encoder, { embedding: unknown }>,
  values: readonly number[],
): number[] {
  const { name, dimension, feature_indices: indices } = encoder.embedding;
  if (values.length !== dimension) {
    throw new Error(`the embedding '${name}' has ${dimension} values, got ${values.length}`);
  }
  return indices ? indices.map((i) => values[i]) : [...values];
}

/** The `data` field of add_data/predict for a model contract with this encoder; sparse
 * input keeps repeated indices only for a model that counts them (countsRepeats). */
export function features(encoder: Encoder, model: string, input: FeatureInput): Features {
  const repeats = countsRepeats(model);
  if (input.text !== undefined) {
    if (encoder !== "murmurhash3") {
      throw new Error(`text input needs the murmurhash3 encoder, the model uses ${JSON.stringify(encoder)}`);
    }
    return { sparse: murmurhash3Indices(input.text, repeats) };
  }
  if (input.indices !== undefined) return { sparse: sparseIndices(input.indices, repeats) };
  if (input.values === undefined) throw new Error("give features, text or indices");
  if (encoder === "fixed_point") return { dense: fixedPointNormalised(input.values) };
  if (typeof encoder === "object" && "embedding" in encoder) {
    return { dense: fixedPointNormalised(embeddingPicked(encoder, input.values)) };
  }
  return {
    dense: input.values.map((v) => {
      if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
      return Math.trunc(v) + 0;
    }),
  };
}

/** The features of one row of a labelled CSV file (its cells but the label), as
 * `sumctl add-data` encodes them. */
export function rowFeatures(encoder: Encoder, model: string, cells: readonly string[]): Features {
  if (encoder === "murmurhash3") return features(encoder, model, { text: cells.join(" ") });
  if (encoder === "fixed_point" || DENSE_MODELS.has(model)) {
    return features(encoder, model, { values: cells.map(parseNumber) });
  }
  return features(encoder, model, { indices: cells.map(parseInteger) });
}

function parseNumber(cell: string): number {
  const v = Number(cell.trim());
  if (cell.trim() === "" || Number.isNaN(v)) throw new Error(`not a number: ${JSON.stringify(cell)}`);
  return v;
}

function parseInteger(cell: string): number {
  if (!/^\s*[+-]?\d+\s*$/.test(cell)) throw new Error(`not an integer: ${JSON.stringify(cell)}`);
  return Number.parseInt(cell, 10);
}

/** A label given by class name or by (ASCII) index, as the class index. */
export function classIndex(label: string, classes: readonly string[]): number {
  const i = classes.indexOf(label);
  if (i >= 0) return i;
  if (/^[0-9]+$/.test(label) && Number(label) < classes.length) return Number(label);
  throw new Error(`unknown label ${JSON.stringify(label)}: the classes are ${JSON.stringify(classes)}`);
}
