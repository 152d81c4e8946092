/** `table[key]` when `key` is one of the table's own keys, never a property every object
 * inherits ("constructor", "toString", "__proto__"): names from files and users index
 * tables safely. */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
