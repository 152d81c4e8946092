/** Chain errors in words: what CosmJS reports for real refusals of wasmd v0.61 (captured
 * from a simulation, a broadcast and a smart query on the local chain) becomes the
 * contract's own message. No browser needed. */
import { expect, test } from "@playwright/test";
import { errorMessage } from "../src/errors.ts";

const NO_CONTRIBUTION = "no contribution with id 99";

const CASES: [string, string][] = [
  [
    "Query failed with (6): rpc error: code = Unknown desc = failed to execute message; message index: 0: insufficient deposit: adding data costs 1800000usum now, got 0usum: execute wasm contract failed [CosmWasm/wasmd/x/wasm/keeper/keeper.go:452] with gas used: '179117': unknown request",
    "insufficient deposit: adding data costs 1800000usum now, got 0usum",
  ],
  [
    "Query failed with (6): rpc error: code = Unknown desc = failed to execute message; message index: 0: kind: Other, error: Querier contract error: no contribution with id 99: query wasm contract failed: execute wasm contract failed [CosmWasm/wasmd/x/wasm/keeper/keeper.go:452] with gas used: '177106': unknown request",
    NO_CONTRIBUTION,
  ],
  [
    "Query failed with (6): rpc error: code = Unknown desc = failed to execute message; message index: 0: features must be normalised: squared L2 norm 1 is not within 10^11 of 10^18: execute wasm contract failed [CosmWasm/wasmd/x/wasm/keeper/keeper.go:452] with gas used: '318566': unknown request",
    "features must be normalised: squared L2 norm 1 is not within 10^11 of 10^18",
  ],
  [
    "Error when broadcasting tx 2C077848DDBCE1AE20E9DD78C8B8F5CFE785951F35ED91CE99854C6810F9B944 at height 2102. Code: 5; Raw log: failed to execute message; message index: 0: kind: Other, error: Querier contract error: no contribution with id 99: query wasm contract failed: execute wasm contract failed",
    NO_CONTRIBUTION,
  ],
  ["Query failed with (6): kind: Other, error: Querier contract error: no contribution with id 99: query wasm contract failed: query wasm contract failed: unknown request", NO_CONTRIBUTION],
  ["the chain's RPC does not answer: connect ECONNREFUSED 127.0.0.1:26657", "the chain's RPC does not answer: connect ECONNREFUSED 127.0.0.1:26657"],
];

test("chain errors become the contract's message", () => {
  for (const [raw, words] of CASES) expect(errorMessage(new Error(raw))).toBe(words);
  expect(errorMessage("plain text")).toBe("plain text");
});
