/** Which SUM contract an address runs, and every trainer on the chain. A contract is one of
 * ours when its code has the checksum of a code the configuration names (`code_ids`): so
 * stacks deployed from the same Wasm by anyone (`sumctl` included) are found, and a
 * contract that merely calls itself a trainer is not. */
import type { CosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import type { DashboardConfig } from "./config.ts";

const TRAINER = "trainer";
/** What a contract whose code is none of the configured ones is called. */
const UNKNOWN = "unknown";

/** Contract names by code id, for every code with a configured code's checksum. */
type CodeNames = Map<number, string>;

let cached: Promise<CodeNames> | undefined;

async function readCodeNames(client: CosmWasmClient, config: DashboardConfig): Promise<CodeNames> {
  const codes = await client.getCodes();
  const checksumOf = new Map(codes.map((code) => [code.id, code.checksum]));
  const nameOf = new Map<string, string>();
  for (const [name, id] of Object.entries(config.code_ids)) {
    const checksum = checksumOf.get(id);
    if (checksum !== undefined) nameOf.set(checksum, name);
  }
  return new Map(codes.filter((code) => nameOf.has(code.checksum)).map((code) => [code.id, nameOf.get(code.checksum)!]));
}

/** The code names, read once and again when `fresh` (codes stored since) or after a failure. */
function codeNames(client: CosmWasmClient, config: DashboardConfig, fresh = false): Promise<CodeNames> {
  if (fresh || !cached) {
    const reading = readCodeNames(client, config);
    cached = reading;
    reading.catch(() => {
      if (cached === reading) cached = undefined;
    });
  }
  return cached;
}

/** The SUM contract at an address, e.g. "dense-perceptron" or "stakeable", or UNKNOWN. */
export async function contractName(client: CosmWasmClient, config: DashboardConfig, address: string): Promise<string> {
  const { codeId } = await client.getContract(address);
  const names = await codeNames(client, config);
  return (names.has(codeId) ? names : await codeNames(client, config, true)).get(codeId) ?? UNKNOWN;
}

/** Every trainer on the chain: the contracts of every code that is the trainer's. */
export async function trainers(client: CosmWasmClient, config: DashboardConfig): Promise<string[]> {
  const names = await codeNames(client, config, true);
  const codes = [...names].filter(([, name]) => name === TRAINER).map(([id]) => id);
  return (await Promise.all(codes.map((id) => client.getContracts(id)))).flat();
}
