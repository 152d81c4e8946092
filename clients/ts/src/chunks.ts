/**
 * Splitting a model's instantiate message into a small one and extension chunks
 * (docs/import.md), for models too large for one transaction. A port of
 * scripts/sumclient/chunks.py; the tests check both agree.
 */
import { own } from "./own";

/** Values per chunk unless told otherwise: weights, counts or centroid values. */
export const DEFAULT_CHUNK_SIZE = 100;

// The instantiate messages are JSON as the converter makes them; each splitter knows its shape.
type Msg = Record<string, any>;
/** A small instantiate message and the extension messages that complete the model. */
export type Chunked = [instantiate: Msg, extensions: Msg[]];

/** `items` in consecutive pieces of at most `size`; none for no items. */
function pieces<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

function densePerceptron(msg: Msg, size: number): Chunked {
  const weights: number[] = msg.weights;
  const chunks = pieces(weights, size).map((piece, k) => ({ set_weights: { offset: k * size, weights: piece } }));
  return [{ ...msg, weights: [] }, chunks];
}

function sparsePerceptron(msg: Msg, size: number): Chunked {
  return [{ ...msg, weights: [] }, pieces(msg.weights, size).map((weights) => ({ set_weights: { weights } }))];
}

/** A chunk replaces a whole class, so each class is one message, however long. */
function nearestCentroid(msg: Msg): Chunked {
  const [first, ...others] = msg.classes;
  return [{ ...msg, classes: [first] }, others.map((c: Msg) => ({ set_class: { class: c } }))];
}

/** Each class's values in pieces; the first piece of the first class instantiates. */
function sparseNearestCentroid(msg: Msg, size: number): Chunked {
  const classes = msg.classes.flatMap((c: Msg) => {
    const split = pieces(c.centroid, size);
    return (split.length ? split : [[]]).map((centroid) => ({ ...c, centroid }));
  });
  const [first, ...others] = classes;
  return [{ classes: [first] }, others.map((c: Msg) => ({ set_class: { class: c } }))];
}

/** Every class with its sample count but no feature counts; then the counts in pieces. */
function naiveBayes(msg: Msg, size: number): Chunked {
  const classes = msg.classes.map((c: Msg) => ({ name: c.name, counts: { ...c.counts, feature_counts: [] } }));
  const chunks = msg.classes.flatMap((c: Msg, k: number) =>
    pieces(c.counts.feature_counts, size).map((piece) => ({
      set_counts: { class: k, counts: { ...c.counts, feature_counts: piece } },
    })),
  );
  return [{ ...msg, classes }, chunks];
}

const SPLITTERS: Record<string, (msg: Msg, size: number) => Chunked> = {
  "dense-perceptron": densePerceptron,
  "sparse-perceptron": sparsePerceptron,
  "nearest-centroid": nearestCentroid,
  "sparse-nearest-centroid": sparseNearestCentroid,
  "naive-bayes": naiveBayes,
};

/** A small instantiate message and the extension messages that complete the model `msg`
 * of `contract`; each carries at most `maxValues` values (a dense centroid, which a chunk
 * replaces whole, is one message). */
export function splitIntoChunks(contract: string, msg: Msg, maxValues = DEFAULT_CHUNK_SIZE): Chunked {
  const splitter = own(SPLITTERS, contract);
  if (!splitter) {
    throw new Error(`no chunks for the contract '${contract}': expected one of ${JSON.stringify(Object.keys(SPLITTERS).sort())}`);
  }
  if (!Number.isInteger(maxValues) || maxValues < 1) {
    throw new Error(`a chunk must hold at least one value, got ${maxValues}`);
  }
  return splitter(msg, maxValues);
}
