/**
 * The original's model files as float models (docs/import.md): each predicts a class and
 * the margin by which it won (how far the input was from changing the answer), by the rules
 * of docs/models.md on unscaled values. A port of scripts/sumclient/float_models.py; the
 * tests check both agree. The agreement check compares them with the contracts.
 */
import { centroidTable, DEFAULT_SMOOTHING, finite, intercept, sparseValues, sparseWeights } from "./original";
import { own } from "./own";

/** A class and the margin by which it won. */
export type FloatPrediction = [classification: number, margin: number];
/** Predicts from normalised picked values (dense models) or feature indices (sparse ones). */
export type FloatModel = (x: readonly number[]) => FloatPrediction;

type Json = Record<string, unknown>;

/** Σ f(item), left to right (as Python's sum before 3.12). */
function sum<T>(items: Iterable<T>, f: (item: T, k: number) => number): number {
  let total = 0;
  let k = 0;
  for (const item of items) total += f(item, k++);
  return total;
}

/** Class 1 when the margin is positive; the margin's size is how far it was from 0. */
const sign = (margin: number): FloatPrediction => [margin > 0 ? 1 : 0, Math.abs(margin)];

/** A dense perceptron's float weights and intercept. */
export function perceptronParameters(data: Json): { weights: number[]; bias: number } {
  return { weights: (data.weights as unknown[]).map((w) => finite(w, "weight")), bias: intercept(data) };
}

/** On normalised features x: class 1 when w·x + b > 0; the margin is |w·x + b|. */
function densePerceptron(data: Json): FloatModel {
  const { weights, bias } = perceptronParameters(data);
  return (x) => sign(bias + sum(weights.slice(0, x.length), (w, k) => w * x[k]));
}

/** On feature indices x: class 1 when b + Σ_{i∈x} wᵢ > 0. */
function sparsePerceptron(data: Json): FloatModel {
  const weights = new Map(sparseWeights(data));
  const bias = intercept(data);
  return (x) => sign(bias + sum(x, (i) => weights.get(i) ?? 0));
}

/** The class of the smallest score (null: a class without samples, passed over), ties to
 * the lowest index, 0 when every class is passed over; the margin is the gap to the
 * runner-up (infinite with one candidate). */
export function nearest(scores: (number | null)[]): FloatPrediction {
  const ranked = scores
    .flatMap((score, k) => (score === null ? [] : [[score, k] as const]))
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (ranked.length === 0) return [0, Infinity];
  return [ranked[0][1], ranked.length > 1 ? ranked[1][0] - ranked[0][0] : Infinity];
}

/** On normalised features x: the class of the nearest centroid, squared Euclidean. */
function nearestCentroid(data: Json): FloatModel {
  const table = centroidTable(data).map(([, centroid, samples]) => [centroid as number[], samples] as const);
  return (x) => nearest(table.map(([centroid, samples]) =>
    samples ? sum(centroid.slice(0, x.length), (c, k) => (x[k] - c) ** 2) : null));
}

/** On feature indices x: the nearest centroid, |x − c|² = |c|² + Σ_{i∈x} (1 − 2cᵢ). */
function sparseNearestCentroid(data: Json): FloatModel {
  const table = centroidTable(data).map(([name, centroid, samples]) => [new Map(sparseValues(centroid, name)), samples] as const);
  return (x) => nearest(table.map(([centroid, samples]) =>
    samples ? sum(centroid.values(), (c) => c * c) + sum(x, (i) => 1 - 2 * (centroid.get(i) ?? 0)) : null));
}

/** On feature indices x (a repeated index counts again): the highest
 * ln n_c + Σᵢ [ln(N_c,i + α) − ln(T_c + α·V)]; classes without samples never win. */
function naiveBayes(data: Json): FloatModel {
  const alpha = ("smoothingFactor" in data ? data.smoothingFactor : DEFAULT_SMOOTHING) as number;
  const vocabulary = data.totalNumFeatures as number;
  const counts = data.featureCounts as [number, number][][];
  const classes = (data.classCounts as number[]).map((samples, k) =>
    [samples, new Map(counts[k]), sum(counts[k], ([, n]) => n)] as const);
  return (x) => nearest(classes.map(([samples, perFeature, total]) =>
    samples ? -(Math.log(samples) + sum(x, (i) => Math.log((perFeature.get(i) ?? 0) + alpha) - Math.log(total + alpha * vocabulary))) : null));
}

/** The float model of each model contract. */
const MODELS: Record<string, (data: Json) => FloatModel> = {
  "dense-perceptron": densePerceptron,
  "sparse-perceptron": sparsePerceptron,
  "nearest-centroid": nearestCentroid,
  "sparse-nearest-centroid": sparseNearestCentroid,
  "naive-bayes": naiveBayes,
};

/** The float predictor `x → [class, margin]` of an original model file (one `fromOriginal`
 * accepted) converted to `contract`. */
export function floatModel(contract: string, data: unknown): FloatModel {
  const model = own(MODELS, contract);
  if (!model) throw new Error(`no float model for the contract '${contract}'`);
  return model(data as Json);
}
