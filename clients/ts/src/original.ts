/**
 * Model files of the original system (microsoft/0xDeCA10B) as model descriptions
 * (docs/import.md): float values become integers ×10^9, the file's type a model contract.
 * A port of scripts/sumclient/original.py; the tests check both agree.
 */
import type { Encoder } from "./generated/Trainer.types";
import { own } from "./own";

/** Fixed-point scale: values are multiplied by 10^9. */
const SCALE = 1_000_000_000;
/** The largest magnitude of a converted integer: exact as a JSON number. */
const MAX_MAGNITUDE = Number.MAX_SAFE_INTEGER;
/** Feature indices are u32 in the contracts. */
export const MAX_INDEX = 2 ** 32 - 1;
/** A file with featureIndices does not say how many outputs its embedding has. */
const MISSING_DIMENSION =
  "featureIndices pick from an embedding whose size the file does not record: " +
  "give the embedding's dimension (for example 1280, MobileNet v2's outputs)";
/** An embedding's dimension, at most (the agreement check draws vectors of that length). */
const MAX_EMBEDDING_DIMENSION = 65_536;
/** A dense model's dimension, at most (the contracts' MAX_FEATURES). */
const MAX_DIMENSION = 4096;
/** The largest dense centroid value in magnitude (the contract's MAX_CENTROID_VALUE / 10^9). */
const MAX_DENSE_CENTROID = 1000;
/** The largest sparse centroid value: a mean of binary features. */
const MAX_SPARSE_CENTROID = 1;
/** The original's defaults for a missing learning rate and smoothing factor. */
const DEFAULT_LEARNING_RATE = 1;
export const DEFAULT_SMOOTHING = 1;
/** The encoder of the sparse models, unless another is given. */
const SPARSE_ENCODER: Encoder = "murmurhash3";

/** The incentive of scripts/models/dense-perceptron.json, the default (a test checks they match). */
export const DEFAULT_INCENTIVE = {
  contract: "stakeable",
  instantiate: {
    denom: "usum",
    cost_weight: "1000",
    refund_wait: 5,
    owner_claim_wait: 86400,
    any_address_claim_wait: 604800,
  },
};

/** A model description, as scripts/models/*.json and `sumctl deploy` read it. */
export interface ModelDescription {
  name: string;
  description: string;
  encoder: Encoder;
  immutable: boolean;
  model: { contract: string; instantiate: Record<string, unknown> };
  incentive: { contract: string; instantiate: Record<string, unknown> };
}

/** What `fromOriginal` may be told; every option has a default. */
export interface OriginalOptions {
  /** The file's name or path: its stem names the model and the embedding by default. */
  fileName: string;
  name?: string;
  embeddingName?: string;
  embeddingDimension?: number;
  /** Replaces the type's default encoder. */
  encoder?: Encoder;
  /** Replaces DEFAULT_INCENTIVE. */
  incentive?: ModelDescription["incentive"];
}

/** A model file the importer cannot convert; the message says what and where. */
export class OriginalFormatError extends Error {
  override name = "OriginalFormatError";
}

type Json = Record<string, unknown>;
type Pair = [number, number];

function fail(message: string): never {
  throw new OriginalFormatError(message);
}

/** A finite JSON number. */
export function finite(value: unknown, where: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    fail(`${where} must be a finite number, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** A finite number ×10^9, rounded half away from zero; refuses a result beyond MAX_MAGNITUDE. */
export function fixedFromFloat(value: unknown, where: string): number {
  const x = finite(value, where);
  const scaled = Math.abs(x) * SCALE;
  if (scaled > MAX_MAGNITUDE) fail(`${where} is out of range: ×10^9 it exceeds 2^53 - 1`);
  const whole = Math.floor(scaled);
  const rounded = whole + (scaled - whole >= 0.5 ? 1 : 0);
  return (x < 0 ? -rounded : rounded) + 0;
}

/** A whole number from 0 to `limit`. */
function count(value: unknown, where: string, limit = MAX_MAGNITUDE): number {
  const x = finite(value, where);
  if (x < 0 || x > limit || !Number.isInteger(x)) {
    fail(`${where} must be a whole number from 0 to ${limit}, got ${JSON.stringify(value)}`);
  }
  return x;
}

/** A feature index written as an object key ("17"). */
function keyIndex(key: string, where: string): number {
  if (!/^[0-9]+$/.test(key)) fail(`${where}: ${JSON.stringify(key)} is not a feature index`);
  return count(Number(key), where, MAX_INDEX);
}

/** data[key] when present (even null), else `otherwise`: Python's dict.get. */
function valueOr(data: Json, key: string, otherwise: unknown): unknown {
  return key in data ? data[key] : otherwise;
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function field<T>(data: Json, key: string, check: (v: unknown) => v is T, kind: string, what: string): T {
  if (!(key in data)) fail(`a ${what} file needs the key '${key}'`);
  const value = data[key];
  if (!check(value)) fail(`${key} must be a JSON ${kind}`);
  return value;
}

const list = (data: Json, key: string, what: string) => field(data, key, Array.isArray, "array", what);

/** Refuses an index that appears twice. */
function distinct(indices: number[], where: string): void {
  const seen = new Set<number>();
  for (const index of indices) {
    if (seen.has(index)) fail(`${where}: feature index ${index} appears more than once`);
    seen.add(index);
  }
}

/** `[index, value]` pairs of an array (its positions) or of an object {index: value}. */
export function sparseValues(values: unknown, where: string): Pair[] {
  let pairs: [number, unknown][];
  if (Array.isArray(values)) pairs = values.map((v, i) => [i, v]);
  else if (isObject(values)) pairs = Object.entries(values).map(([k, v]) => [keyIndex(k, where), v]);
  else fail(`${where} must be a JSON array or object`);
  return pairs.map(([index, value]) => [index, finite(value, `${where}[${index}]`)]);
}

/** The `classifications`: distinct strings, `expected` of them if given, else at least one. */
function classNames(data: Json, what: string, expected?: number): string[] {
  const names = list(data, "classifications", what);
  if ((expected !== undefined && names.length !== expected) || names.length === 0) {
    const need = expected !== undefined ? `exactly ${expected}` : "at least one";
    fail(`a ${what} needs ${need} classifications, got ${names.length}`);
  }
  for (const name of names) {
    if (typeof name !== "string") fail(`classifications must be strings, got ${JSON.stringify(name)}`);
  }
  if (new Set(names).size !== names.length) fail(`class names must be distinct, got ${JSON.stringify(names)}`);
  return names as string[];
}

/** The perceptron's `intercept`, else its `bias`, else 0. */
export function intercept(data: Json): number {
  return finite(valueOr(data, "intercept", valueOr(data, "bias", 0)), "intercept");
}

/** Intercept and learning rate; the original never learned an intercept. */
function perceptronScalars(data: Json) {
  const learningRate = fixedFromFloat(valueOr(data, "learningRate", DEFAULT_LEARNING_RATE), "learningRate");
  if (learningRate <= 0) fail(`learningRate must be positive, got ${JSON.stringify(data.learningRate)}`);
  return { intercept: fixedFromFloat(intercept(data), "intercept"), learning_rate: learningRate, learn_intercept: false };
}

/** The embedding encoder a dense model gets: its name and, if given, dimension. */
class Embedding {
  constructor(readonly name: string, readonly dimension: number | undefined) {
    if (dimension !== undefined && !(Number.isInteger(dimension) && dimension >= 1 && dimension <= MAX_EMBEDDING_DIMENSION)) {
      fail(`the embedding dimension must be from 1 to ${MAX_EMBEDDING_DIMENSION}, got ${dimension}`);
    }
  }

  encoder(dimension: number, featureIndices: number[] | null): Encoder {
    return { embedding: { name: this.name, dimension, feature_indices: featureIndices } };
  }

  /** The encoder of a model that reads the embedding's values at `indices`. */
  picking(indices: unknown, weights: number): Encoder {
    if (!Array.isArray(indices)) fail("featureIndices must be a JSON array");
    const picked = indices.map((index, i) => count(index, `featureIndices[${i}]`, MAX_INDEX));
    if (picked.length !== weights) {
      fail(`featureIndices has ${picked.length} indices but there are ${weights} weights`);
    }
    distinct(picked, "featureIndices");
    const largest = Math.max(...picked);
    const dimension = this.dimension;
    if (dimension === undefined) fail(MISSING_DIMENSION);
    if (largest >= dimension) fail(`feature index ${largest} is outside the embedding's dimension ${dimension}`);
    return this.encoder(dimension, picked);
  }

  /** The encoder of a model that reads every value of the embedding. */
  whole(dimension: number): Encoder {
    if (this.dimension !== undefined && this.dimension !== dimension) {
      fail(`the embedding dimension ${this.dimension} differs from the model's ${dimension}`);
    }
    return this.encoder(dimension, null);
  }
}

function checkDimension(dimension: number, what: string): void {
  if (dimension < 1 || dimension > MAX_DIMENSION) {
    fail(`${what} must have 1 to ${MAX_DIMENSION} values, got ${dimension}`);
  }
}

type Converted = [contract: string, instantiate: Record<string, unknown>, encoder: Encoder];

function densePerceptron(data: Json, embedding: Embedding): Converted {
  const classes = classNames(data, "perceptron", 2);
  const weights = list(data, "weights", "perceptron").map((w, i) => fixedFromFloat(w, `weights[${i}]`));
  checkDimension(weights.length, "weights");
  const instantiate = { classes, dimension: weights.length, weights, ...perceptronScalars(data) };
  const indices = data.featureIndices;
  const encoder = indices === undefined || indices === null ? "fixed_point" : embedding.picking(indices, weights.length);
  return ["dense-perceptron", instantiate, encoder];
}

/** The float weights of a sparse perceptron: `weights` (array or object) and `sparseWeights`,
 * each index once, by index. */
export function sparseWeights(data: Json): Pair[] {
  if (!("weights" in data)) fail("a sparse perceptron file needs the key 'weights'");
  const pairs = sparseValues(data.weights, "weights");
  if ("sparseWeights" in data) pairs.push(...sparseValues(data.sparseWeights, "sparseWeights"));
  distinct(pairs.map(([index]) => index), "weights");
  return pairs.sort((a, b) => a[0] - b[0]);
}

/** `[index, value ×10^9]` for every value that does not round to 0, each within ±limit. */
function nonzeroFixed(pairs: Pair[], where: string, limit = MAX_MAGNITUDE): Pair[] {
  const fixed = [...pairs]
    .sort((a, b) => a[0] - b[0])
    .map(([index, value]): Pair => [index, fixedFromFloat(value, `${where}[${index}]`)]);
  for (const [index, value] of fixed) {
    if (Math.abs(value) > limit * SCALE) fail(`${where}[${index}] is out of range: at most ${limit} in magnitude`);
  }
  return fixed.filter(([, value]) => value !== 0);
}

function sparsePerceptron(data: Json): Converted {
  const classes = classNames(data, "perceptron", 2);
  const instantiate = { classes, weights: nonzeroFixed(sparseWeights(data), "weights"), ...perceptronScalars(data) };
  return ["sparse-perceptron", instantiate, SPARSE_ENCODER];
}

/** (class name, centroid, data count) of `centroids` or `intents`, in file order. */
export function centroidTable(data: Json): [string, unknown, number][] {
  const key = "centroids" in data ? "centroids" : "intents";
  if (!(key in data)) fail("a nearest centroid file needs the key 'centroids' or 'intents'");
  const table = field(data, key, isObject, "object", "nearest centroid");
  const entries = Object.entries(table);
  if (entries.length === 0) fail(`${key} must name at least one class`);
  return entries.map(([name, info]) => {
    if (!isObject(info) || !("centroid" in info) || !("dataCount" in info)) {
      fail(`${key}[${name}] needs a centroid and a dataCount`);
    }
    return [name, info.centroid, count(info.dataCount, `${key}[${name}].dataCount`)];
  });
}

function nearestCentroid(data: Json, embedding: Embedding): Converted {
  const classes: { name: string; centroid: number[]; count: number }[] = [];
  for (const [name, centroid, samples] of centroidTable(data)) {
    const where = `centroid of ${name}`;
    if (!Array.isArray(centroid)) fail(`the ${where} must be a JSON array`);
    const values = centroid.map((v, i) => fixedFromFloat(v, `${where}[${i}]`));
    checkDimension(values.length, `the ${where}`);
    if (classes.length > 0 && values.length !== classes[0].centroid.length) {
      fail(`the ${where} has ${values.length} values, the first class ${classes[0].centroid.length}`);
    }
    const beyond = values.findIndex((v) => Math.abs(v) > MAX_DENSE_CENTROID * SCALE);
    if (beyond >= 0) fail(`${where}[${beyond}] is out of range: at most ${MAX_DENSE_CENTROID} in magnitude`);
    classes.push({ name, centroid: values, count: samples });
  }
  const dimension = classes[0].centroid.length;
  return ["nearest-centroid", { dimension, classes }, embedding.whole(dimension)];
}

function sparseNearestCentroid(data: Json): Converted {
  const classes = centroidTable(data).map(([name, centroid, samples]) => {
    const where = `centroid of ${name}`;
    const pairs = nonzeroFixed(sparseValues(centroid, where), where, MAX_SPARSE_CENTROID);
    if (pairs.some(([, value]) => value < 0)) {
      fail(`the ${where} has a negative value: binary features average to [0, 1]`);
    }
    if (pairs.length > 0 && samples === 0) fail(`class ${name} has no samples, so it can have no centroid values`);
    return { name, centroid: pairs, count: samples };
  });
  return ["sparse-nearest-centroid", { classes }, SPARSE_ENCODER];
}

/** `[[index, count], …]` of one class, each index once. */
function featureCounts(counts: unknown, where: string): Pair[] {
  if (!Array.isArray(counts)) fail(`${where} must be a JSON array of [index, count] pairs`);
  const pairs = counts.map((pair): Pair => {
    if (!Array.isArray(pair) || pair.length !== 2) {
      fail(`${where} must hold [index, count] pairs, got ${JSON.stringify(pair)}`);
    }
    return [count(pair[0], `${where} index`, MAX_INDEX), count(pair[1], `${where} count`)];
  });
  distinct(pairs.map(([index]) => index), where);
  return pairs;
}

function perClass(data: Json, key: string, classes: number): unknown[] {
  const values = list(data, key, "naive bayes");
  if (values.length !== classes) fail(`${key} has ${values.length} entries for ${classes} classifications`);
  return values;
}

function naiveBayes(data: Json): Converted {
  const names = classNames(data, "naive bayes");
  const samples = perClass(data, "classCounts", names.length);
  const counts = perClass(data, "featureCounts", names.length);
  const vocabulary = count(valueOr(data, "totalNumFeatures", null), "totalNumFeatures");
  const smoothing = fixedFromFloat(valueOr(data, "smoothingFactor", DEFAULT_SMOOTHING), "smoothingFactor");
  if (vocabulary === 0 || smoothing <= 0) fail("totalNumFeatures and smoothingFactor must be positive");
  const classes = names.map((name, k) => ({
    name,
    counts: {
      num_samples: count(samples[k], `classCounts[${k}]`),
      feature_counts: featureCounts(counts[k], `featureCounts[${k}]`),
    },
  }));
  return ["naive-bayes", { classes, smoothing, vocabulary_size: vocabulary }, SPARSE_ENCODER];
}

type Converter = (data: Json, embedding: Embedding) => Converted;

/** The original's model types (compared in lower case) and their converters. */
const CONVERTERS: Record<string, Converter> = {
  "naive bayes": naiveBayes,
  perceptron: densePerceptron,
  "dense perceptron": densePerceptron,
  "sparse perceptron": sparsePerceptron,
  "nearest centroid classifier": nearestCentroid,
  "dense nearest centroid classifier": nearestCentroid,
  "sparse nearest centroid classifier": sparseNearestCentroid,
};

/** The file name without its folder. */
export function fileBase(path: string): string {
  return path.split(/[/\\]/).pop() ?? path;
}

/** The file name without its folder and its last extension. */
export function fileStem(path: string): string {
  const base = fileBase(path);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(0, dot) : base;
}

/** The file as an object, its type and that type's converter. */
function modelType(data: unknown): [Json, string, Converter] {
  if (!isObject(data)) fail("a model file must be a JSON object");
  const kind = field(data, "type", (v): v is string => typeof v === "string", "string", "model");
  const convert = own(CONVERTERS, kind.toLowerCase());
  if (convert === undefined) {
    fail(`unknown model type '${kind}': expected one of ${JSON.stringify(Object.keys(CONVERTERS).sort())}`);
  }
  return [data, kind, convert];
}

/** The model description (as scripts/models/*.json) of the original's model file `file`
 * (parsed JSON). Dense models get an embedding encoder named `embeddingName` (default: the
 * file's stem); `encoder` and `incentive` replace the defaults. Throws OriginalFormatError. */
export function fromOriginal(file: unknown, options: OriginalOptions): ModelDescription {
  const [data, kind, convert] = modelType(file);
  const stem = fileStem(options.fileName);
  const embedding = new Embedding(options.embeddingName || stem, options.embeddingDimension);
  const [contract, instantiate, encoder] = convert(data, embedding);
  return {
    name: options.name || stem,
    description: `Imported from ${fileBase(options.fileName)}: the original system's ${kind}`,
    encoder: options.encoder ?? encoder,
    immutable: false,
    model: { contract, instantiate },
    incentive: options.incentive ?? DEFAULT_INCENTIVE,
  };
}
