/** Chain errors in words a user understands: the contract's own message, without the
 * CosmJS, gRPC and wasmd wrapping around it. */

/** Wrapping removed from an error message, in this order. */
const BOILERPLATE: RegExp[] = [
  /^Error when broadcasting tx [^]*?Raw log: /,
  /^Query failed with \(\d+\): /,
  /^rpc error: code = \w+ desc = /,
  /^failed to execute message; message index: \d+: /,
  /^dispatch: submessages: /,
  /^kind: \w+, error: /,
  /^Generic error: /,
  /^Querier contract error: /,
  /^Error parsing into type [^:]+: /,
  /: execute wasm contract failed[^]*$/,
  /: query wasm contract failed[^]*$/,
  /: unknown request$/,
  / \[[^\]]*\] with gas used: '\d+'$/,
];

export function errorMessage(error: unknown): string {
  let text = error instanceof Error ? error.message : String(error);
  for (let changed = true; changed; ) {
    changed = false;
    for (const pattern of BOILERPLATE) {
      const next = text.replace(pattern, "").trim();
      if (next !== text && next !== "") {
        text = next;
        changed = true;
      }
    }
  }
  return text;
}
