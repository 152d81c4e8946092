/** Small DOM builders: an element with attributes, listeners and children. */
export type Child = Node | string | number | null | undefined | false;
/** Attributes; `on…` keys add listeners; `false`/`undefined` leave an attribute out. */
export type Attrs = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (typeof value === "function") element.addEventListener(key.slice(2).toLowerCase(), value);
    else if (value === true) element.setAttribute(key, "");
    else if (value !== undefined && value !== false) element.setAttribute(key, String(value));
  }
  fill(element, ...children);
  return element;
}

/** Replaces an element's children. */
export function fill(element: Element, ...children: Child[]): void {
  element.replaceChildren(
    ...children.filter((c): c is Node | string | number => c !== null && c !== undefined && c !== false).map((c) =>
      typeof c === "number" ? String(c) : c,
    ),
  );
}

/** A section with a heading. */
export function section(title: string, ...children: Child[]): HTMLElement {
  return h("section", {}, h("h2", {}, title), ...children);
}

/** A two-column table of names and values. */
export function facts(rows: [string, Child][]): HTMLTableElement {
  return h("table", { class: "facts" }, ...rows.map(([name, value]) => h("tr", {}, h("th", {}, name), h("td", {}, value))));
}

/** A status line: a message, or an error in words. */
export function status(text: string, kind: "ok" | "error" | "info" = "info"): HTMLElement {
  return h("p", { class: `status ${kind}`, role: kind === "error" ? "alert" : "status" }, text);
}
