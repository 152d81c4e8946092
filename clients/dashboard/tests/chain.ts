/** The chain as the tests see it, directly (not through the page): a CosmWasmClient on the
 * node's RPC, the local accounts and code ids the dashboard uses, and trainer queries. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { TrainerQueryClient } from "sum-client/src/generated/Trainer.client.ts";
import { ACCOUNTS_FILE, CODE_IDS_FILE, type LocalAccount } from "../server/config.ts";

function chainDir(): string {
  return process.env.SUM_CHAIN_DIR!;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(chainDir(), file), "utf8")) as T;
}

export function dashboardUrl(): string {
  return process.env.SUM_DASHBOARD_URL!;
}

/** The local chain's CometBFT RPC, directly (not through the dashboard's proxy). */
export function chainRpcUrl(): string {
  const port = readFileSync(join(chainDir(), "node", "rpc_port"), "utf8").trim();
  return `http://127.0.0.1:${port}`;
}

export function connectChain(): Promise<CosmWasmClient> {
  return CosmWasmClient.connect(chainRpcUrl());
}

/** A local test account, with its key. */
export function localAccount(name: string): LocalAccount {
  const { accounts } = readJson<{ accounts: LocalAccount[] }>(ACCOUNTS_FILE);
  return accounts.find((a) => a.name === name)!;
}

export function address(name: string): string {
  return localAccount(name).address;
}

/** Every contract of one of the stored contracts' code, e.g. "trainer". */
export function contractsOf(client: CosmWasmClient, contract: string): Promise<readonly string[]> {
  return client.getContracts(readJson<Record<string, number>>(CODE_IDS_FILE)[contract]);
}

/** Every trainer on the chain. */
export function trainers(client: CosmWasmClient): Promise<readonly string[]> {
  return contractsOf(client, "trainer");
}

/** The trainer whose info names `name`. */
export async function trainerNamed(client: CosmWasmClient, name: string): Promise<TrainerQueryClient> {
  for (const address of await trainers(client)) {
    const trainer = new TrainerQueryClient(client, address);
    if ((await trainer.info()).name === name) return trainer;
  }
  throw new Error(`no trainer named ${name}`);
}
