/**
 * Seeded sample inputs for the agreement check (docs/import.md), of the same kinds as
 * scripts/sumclient/agreement.py (not the same numbers: the generator is SeededRandom):
 * Gaussian vectors in the encoder's input space, a perceptron's near its boundary, a
 * nearest centroid model's centroids and near them; index sets for the sparse models.
 */
import type { Encoder, Features } from "./generated/Trainer.types";
import { countsRepeats, features } from "./encoders";
import { perceptronParameters } from "./floatModels";
import { centroidTable, MAX_INDEX, type ModelDescription } from "./original";
import { SeededRandom } from "./random";

/** Indices in one sparse sample, at most. */
const MAX_SPARSE_SAMPLE = 20;
/** The share of sparse sample indices drawn from the model's own indices (the rest at random). */
const KNOWN_INDEX_SHARE = 0.8;
/** How far a near-centroid sample strays: the noise's norm relative to the centroid's. */
const CENTROID_NOISE = 0.5;
/** Every PERCEPTRON_NEAR-th perceptron sample is moved toward the boundary … */
const PERCEPTRON_NEAR = 4;
/** … by 70 – 99 % of the way: it keeps 1 – 30 % of its margin. */
const KEPT_MARGIN = [0.01, 0.3] as const;

export interface Sample {
  /** How it was made: "gaussian", "near boundary", "centroid", "near centroid", "indices". */
  kind: string;
  /** What the float model reads: normalised picked values, or indices. */
  floatInput: number[];
  /** What the contract reads: the encoded input. */
  features: Features;
}

type Made = [kind: string, values: number[]];

function gaussian(rng: SeededRandom, dimension: number): number[] {
  return Array.from({ length: dimension }, () => rng.gauss());
}

/** Σ v², left to right. */
function squaredNorm(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v * v;
  return total;
}

/** A sample whose picked values are `values`, placed in an embedding vector of Gaussian
 * noise when the encoder picks feature indices, and encoded as a client encodes it. */
function denseSample([kind, values]: Made, encoder: Encoder, contract: string, rng: SeededRandom): Sample {
  const embedding = typeof encoder === "object" && "embedding" in encoder ? encoder.embedding : null;
  const indices = embedding?.feature_indices;
  let raw = values;
  if (embedding && indices) {
    raw = gaussian(rng, embedding.dimension);
    indices.forEach((index, position) => (raw[index] = values[position]));
  }
  const norm = Math.sqrt(squaredNorm(values));
  return { kind, floatInput: values.map((v) => v / norm), features: features(encoder, contract, { values: raw }) };
}

/** Gaussian directions; every PERCEPTRON_NEAR-th moved most of the way to the boundary. */
function perceptronSamples(data: Record<string, unknown>, dimension: number, n: number, rng: SeededRandom): Made[] {
  const { weights, bias } = perceptronParameters(data);
  const squared = squaredNorm(weights) || 1;
  return Array.from({ length: n }, (_, k): Made => {
    const g = gaussian(rng, dimension);
    if (k % PERCEPTRON_NEAR !== PERCEPTRON_NEAR - 1) return ["gaussian", g];
    const norm = Math.sqrt(squaredNorm(g));
    const u = g.map((v) => v / norm);
    const margin = bias + u.reduce((total, v, i) => total + weights[i] * v, 0);
    const step = (margin * (1 - rng.uniform(...KEPT_MARGIN))) / squared;
    return ["near boundary", u.map((v, i) => v - step * weights[i])];
  });
}

/** Each centroid itself, then samples near the centroids in turn (half of n), then
 * Gaussian directions. */
function centroidSamples(data: Record<string, unknown>, dimension: number, n: number, rng: SeededRandom): Made[] {
  const centroids = centroidTable(data).map(([, centroid]) => centroid as number[]);
  const made = centroids.slice(0, n).map((c): Made => ["centroid", [...c]]);
  for (let k = made.length; k < n; k++) {
    if (k < Math.floor(n / 2)) {
      const c = centroids[k % centroids.length];
      const sigma = CENTROID_NOISE * Math.sqrt(squaredNorm(c) / dimension);
      made.push(["near centroid", c.map((v) => v + rng.gauss(0, sigma))]);
    } else {
      made.push(["gaussian", gaussian(rng, dimension)]);
    }
  }
  return made;
}

/** Every feature index the model's instantiate message names. */
function modelIndices(description: ModelDescription): number[] {
  const msg = description.model.instantiate as {
    weights?: [number, number][];
    classes?: { centroid?: [number, number][]; counts?: { feature_counts: [number, number][] } }[];
  };
  if (msg.weights) return msg.weights.map(([i]) => i);
  const pairs = (msg.classes ?? []).flatMap((c) => c.centroid ?? c.counts?.feature_counts ?? []);
  return [...new Set(pairs.map(([i]) => i))].sort((a, b) => a - b);
}

/** Sets of feature indices, most from the model's own (a repeat counts again for naive
 * Bayes, which keeps it). */
function sparseSamples(description: ModelDescription, n: number, rng: SeededRandom): Sample[] {
  const known = modelIndices(description);
  const choices = known.length > 0 ? known : [0];
  const { encoder, model: { contract } } = description;
  return Array.from({ length: n }, () => {
    const drawn = Array.from({ length: rng.integer(1, MAX_SPARSE_SAMPLE) }, () =>
      rng.next() < KNOWN_INDEX_SHARE ? rng.choice(choices) : rng.below(MAX_INDEX));
    const encoded = features(encoder, contract, { indices: drawn });
    return { kind: "indices", floatInput: (encoded as { sparse: number[] }).sparse, features: encoded };
  });
}

/** `n` seeded samples for `description`, imported from the original's file `data`. */
export function agreementSamples(description: ModelDescription, data: unknown, n: number, seed: number): Sample[] {
  const rng = new SeededRandom(seed);
  const { encoder, model: { contract, instantiate } } = description;
  const file = data as Record<string, unknown>;
  const dimension = instantiate.dimension as number;
  let made: Made[];
  if (contract === "dense-perceptron") made = perceptronSamples(file, dimension, n, rng);
  else if (contract === "nearest-centroid") made = centroidSamples(file, dimension, n, rng);
  else return sparseSamples(description, n, rng);
  return made.map((m) => denseSample(m, encoder, contract, rng));
}
