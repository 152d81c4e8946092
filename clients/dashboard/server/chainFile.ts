/**
 * The description of a chain other than the local one (remote mode, `SUM_DASHBOARD_CHAIN=FILE`):
 * a JSON object read once when the server starts and checked field by field, so a mistake
 * stops the server with a sentence naming the field.
 *
 *   {"chain_id": "…", "chain_name": "…", "rpc": "https://…", "rest": "https://…",
 *    "bech32_prefix": "wasm", "denom": "usum", "stake_denom": "stake", "gas_price": "0.025usum",
 *    "code_ids": {"trainer": 1, "data-handler": 2, …}}
 *
 * chain_name (default: chain_id), rest (needed only to suggest the chain to Keplr) and
 * stake_denom (the staking denom Keplr is told; default: denom) may be left out. code_ids must
 * have the trainer and data handler, which every deployment instantiates; the model and
 * incentive contracts a deployment names are the user's choice.
 */
import { readFile } from "node:fs/promises";
import { GasPrice } from "@cosmjs/stargate";

export interface ChainDescription {
  chain_id: string;
  chain_name: string;
  rpc: string;
  rest: string | null;
  bech32_prefix: string;
  denom: string;
  /** The chain's staking denom (Keplr's stake currency). */
  stake_denom: string;
  gas_price: string;
  code_ids: Record<string, number>;
}

/** A bech32 human-readable part as Cosmos chains use it. */
const BECH32_PREFIX = /^[a-z][a-z0-9]*$/;
/** The Cosmos SDK's rule for a coin denomination. */
const DENOM = /^[a-zA-Z][a-zA-Z0-9/:._-]{2,127}$/;
const URL_PROTOCOLS = ["http:", "https:"];
/** The contracts every deployment instantiates (clients/ts/src/deploy.ts). */
const REQUIRED_CODE_IDS = ["trainer", "data-handler"];
const DENOM_RULE = "a denom (a letter, then 2 to 127 letters, digits or /:._-)";

type Fields = Record<string, unknown>;

function text(fields: Fields, name: string): string {
  const value = fields[name];
  if (typeof value !== "string" || value === "") throw new Error(`"${name}" must be a non-empty string`);
  return value;
}

function optional<T>(fields: Fields, name: string, read: (fields: Fields, name: string) => T): T | null {
  return fields[name] === undefined ? null : read(fields, name);
}

function matching(fields: Fields, name: string, pattern: RegExp, what: string): string {
  const value = text(fields, name);
  if (!pattern.test(value)) throw new Error(`"${name}" must be ${what}, not ${JSON.stringify(value)}`);
  return value;
}

function httpUrl(fields: Fields, name: string): string {
  const value = text(fields, name);
  if (!URL.canParse(value) || !URL_PROTOCOLS.includes(new URL(value).protocol)) {
    throw new Error(`"${name}" must be an http:// or https:// URL, not ${JSON.stringify(value)}`);
  }
  return value;
}

function gasPrice(fields: Fields, name: string): string {
  const value = text(fields, name);
  try {
    GasPrice.fromString(value);
  } catch (error) {
    throw new Error(`"${name}" must be an amount and a denom like "0.025usum", not ${JSON.stringify(value)}: ${(error as Error).message}`);
  }
  return value;
}

function codeIds(fields: Fields, name: string): Record<string, number> {
  const value = fields[name];
  const entries = typeof value === "object" && value !== null && !Array.isArray(value) ? Object.entries(value) : [];
  if (entries.length === 0) throw new Error(`"${name}" must map contract names to code ids, e.g. {"trainer": 1, "data-handler": 2}`);
  for (const [contract, id] of entries) {
    if (!Number.isSafeInteger(id) || (id as number) < 1) throw new Error(`"${name}"."${contract}" must be a code id (a positive integer), not ${JSON.stringify(id)}`);
  }
  const missing = REQUIRED_CODE_IDS.filter((contract) => !entries.some(([known]) => known === contract));
  if (missing.length > 0) {
    throw new Error(`"${name}" must have the code ids of ${REQUIRED_CODE_IDS.map((c) => `"${c}"`).join(" and ")}, which every deployment instantiates; missing: ${missing.map((c) => `"${c}"`).join(", ")}`);
  }
  return value as Record<string, number>;
}

/** Checks a parsed description; throws a sentence naming the first wrong field. */
export function checkChainDescription(value: unknown): ChainDescription {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error("the chain description must be a JSON object");
  const fields = value as Fields;
  const chainId = text(fields, "chain_id");
  const denom = matching(fields, "denom", DENOM, DENOM_RULE);
  return {
    chain_id: chainId,
    chain_name: optional(fields, "chain_name", text) ?? chainId,
    rpc: httpUrl(fields, "rpc"),
    rest: optional(fields, "rest", httpUrl),
    bech32_prefix: matching(fields, "bech32_prefix", BECH32_PREFIX, "lower-case letters and digits, starting with a letter"),
    denom,
    stake_denom: optional(fields, "stake_denom", (f, n) => matching(f, n, DENOM, DENOM_RULE)) ?? denom,
    gas_price: gasPrice(fields, "gas_price"),
    code_ids: codeIds(fields, "code_ids"),
  };
}

/** Reads and checks the description in `path`; errors name the file. */
export async function readChainDescription(path: string): Promise<ChainDescription> {
  try {
    return checkChainDescription(JSON.parse(await readFile(path, "utf8")));
  } catch (error) {
    throw new Error(`the chain description ${path}: ${(error as Error).message}`);
  }
}
