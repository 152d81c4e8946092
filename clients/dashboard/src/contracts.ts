/** Which SUM contract an address runs, read from its cw2 record, and every trainer on the
 * chain: stacks deployed by anyone, from any stored code (`sumctl deploy` and `sumctl
 * import` included), are found without a list of code ids. */
import type { CosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { fromUtf8, toUtf8 } from "@cosmjs/encoding";

/** cw2's storage key of a contract's name and version. */
const CW2_KEY = toUtf8("contract_info");
/** Our contracts record their crate's name: this prefix, then the contract's name. */
const CRATE_PREFIX = "sum-";
const TRAINER = "trainer";
/** What a contract without a cw2 record, or not one of ours, is called. */
export const UNKNOWN = "unknown";

const names = new Map<string, Promise<string>>();

async function readName(client: CosmWasmClient, address: string): Promise<string> {
  const raw = await client.queryContractRaw(address, CW2_KEY);
  if (!raw) return UNKNOWN;
  const { contract } = JSON.parse(fromUtf8(raw)) as { contract?: unknown };
  return typeof contract === "string" && contract.startsWith(CRATE_PREFIX) ? contract.slice(CRATE_PREFIX.length) : UNKNOWN;
}

/** The SUM contract at an address, e.g. "dense-perceptron" or "stakeable" (remembered). */
export function contractName(client: CosmWasmClient, address: string): Promise<string> {
  let name = names.get(address);
  if (!name) {
    name = readName(client, address);
    names.set(address, name);
  }
  return name;
}

/** Every trainer on the chain: the contracts of each code whose contracts are trainers,
 * oldest code first. */
export async function trainers(client: CosmWasmClient): Promise<string[]> {
  const codes = await client.getCodes();
  const lists = await Promise.all(
    codes.map(async ({ id }) => {
      const contracts = await client.getContracts(id);
      const isTrainer = contracts.length > 0 && (await contractName(client, contracts[0])) === TRAINER;
      return isTrainer ? contracts : [];
    }),
  );
  return lists.flat();
}
