/** The input box for a sample's features, as the stack's encoder takes them. */
import { h } from "../dom.ts";
import { inputKind, parseInput, type Parsed } from "../input.ts";
import type { Stack } from "../stack.ts";

export interface FeatureField {
  element: HTMLElement;
  read(): Parsed;
}

export function featureField(stack: Stack, name: string): FeatureField {
  const kind = inputKind(stack);
  const box = kind.multiline
    ? h("textarea", { name, rows: 2, placeholder: kind.hint, "aria-label": `${name} (${kind.hint})` })
    : h("input", { name, placeholder: kind.hint, "aria-label": `${name} (${kind.hint})` });
  return {
    element: h("label", {}, `Input (${kind.hint}) `, box),
    read: () => parseInput(stack, box.value),
  };
}
