/** What a user types, checked and turned into a model's features with the stack's encoder
 * (clients/ts encoders). Every problem is a message, never an exception. */
import { features, sparseIndices, countsRepeats } from "sum-client/src/encoders.ts";
import type { Features } from "sum-client/src/generated/Trainer.types.ts";
import type { Stack } from "./stack.ts";

export type Parsed = { features: Features } | { error: string };

/** What the input box takes, in words, for the page's hint. */
export interface InputKind {
  multiline: boolean;
  hint: string;
}

const NUMBER_SEPARATOR = /[\s,;]+/;

export function inputKind(stack: Stack): InputKind {
  const encoder = stack.info.encoder;
  if (encoder === "murmurhash3") return { multiline: true, hint: "text" };
  if (typeof encoder === "object" && "embedding" in encoder) {
    return { multiline: false, hint: `${encoder.embedding.dimension} numbers of the ${encoder.embedding.name} embedding` };
  }
  if (stack.model.dimension) return { multiline: false, hint: `${stack.model.dimension} numbers, separated by commas` };
  return { multiline: false, hint: "feature indices (whole numbers ≥ 0), separated by commas" };
}

function numbers(raw: string): number[] | string {
  const cells = raw.trim().split(NUMBER_SEPARATOR).filter((c) => c !== "");
  if (cells.length === 0) return "enter some numbers";
  const values = cells.map(Number);
  const bad = cells.find((_, i) => !Number.isFinite(values[i]));
  return bad === undefined ? values : `"${bad}" is not a number`;
}

/** The encoder's features, or its complaint (a zero vector, a wrong embedding length) in words. */
function encoded(stack: Stack, values: number[]): Parsed {
  try {
    return { features: features(stack.info.encoder, stack.modelContract, { values }) };
  } catch (error) {
    return { error: (error as Error).message.replace("cannot normalise the zero vector", "the numbers must not all be zero (the zero vector cannot be normalised)") };
  }
}

function indices(values: number[], repeats: boolean): Parsed {
  const bad = values.find((v) => !Number.isInteger(v) || v < 0 || v > 0xffffffff);
  if (bad !== undefined) return { error: `${bad} is not a feature index (a whole number from 0 to 4294967295)` };
  return { features: { sparse: sparseIndices(values, repeats) } };
}

/** The features of what the user typed, or what is wrong with it. */
export function parseInput(stack: Stack, raw: string): Parsed {
  const encoder = stack.info.encoder;
  if (encoder === "murmurhash3") {
    if (raw.trim() === "") return { error: "enter some text" };
    return { features: features(encoder, stack.modelContract, { text: raw }) };
  }
  const values = numbers(raw);
  if (typeof values === "string") return { error: values };
  if (typeof encoder === "object" && "embedding" in encoder) {
    const { dimension } = encoder.embedding;
    if (values.length !== dimension) return { error: `this embedding has ${dimension} numbers, you gave ${values.length}` };
    return encoded(stack, values);
  }
  const dimension = stack.model.dimension;
  if (!dimension) return indices(values, countsRepeats(stack.modelContract));
  if (values.length !== dimension) return { error: `this model takes ${dimension} numbers, you gave ${values.length}` };
  if (encoder === "none" && !values.every(Number.isInteger)) return { error: "this model takes whole numbers (its encoder is none)" };
  return encoded(stack, values);
}
