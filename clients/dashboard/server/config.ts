/**
 * The chain the server serves, in one of two modes, and what `/config.json` answers.
 *
 * - Local (the default): the chain of $SUM_CHAIN_DIR. Its settings and test accounts come
 *   from `scripts/chain.sh accounts` and its code ids from scripts/dashboard_setup.py (both
 *   written there by scripts/dashboard.sh), read again on every request. The accounts' keys
 *   are for the local chain only.
 * - Remote (`SUM_DASHBOARD_CHAIN=FILE`): the chain FILE describes (chainFile.ts); no local
 *   accounts, the page signs with Keplr.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { readChainDescription, type ChainDescription } from "./chainFile.ts";

/** Files in $SUM_CHAIN_DIR. */
export const CODE_IDS_FILE = "dashboard-code-ids.json";
export const ACCOUNTS_FILE = "dashboard-accounts.json";
/** The path of the server's proxy to the chain's CometBFT RPC. */
export const RPC_PATH = "/rpc";

export interface LocalAccount {
  name: string;
  address: string;
  private_key: string;
}

/** The chain's description, with its RPC reached through the proxy. */
export interface DashboardConfig extends Omit<ChainDescription, "rpc"> {
  /** The proxy path the page reaches the chain's RPC through (same origin). */
  rpc: string;
  /** The chain's own RPC URL, which Keplr is given (remote mode); null on the local chain,
   * whose RPC only the proxy reaches. */
  chain_rpc: string | null;
  local_only: boolean;
  accounts: LocalAccount[];
}

/** What the server needs of a chain: where /rpc goes, and the page's configuration. */
export interface ChainSource {
  rpcTarget(): Promise<URL>;
  config(): Promise<DashboardConfig>;
}

/** What `scripts/chain.sh accounts` prints. */
interface LocalChainAccounts {
  chain_id: string;
  bech32_prefix: string;
  denom: string;
  stake_denom: string;
  gas_price: string;
  local_only: boolean;
  accounts: LocalAccount[];
}

/** The JSON in `path`, a file scripts/dashboard.sh writes; errors name it. */
async function readJson<T>(path: string): Promise<T> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as T;
  } catch (error) {
    throw new Error(`cannot read the local chain's ${path} (scripts/dashboard.sh writes it): ${(error as Error).message}`);
  }
}

/** The chain of `chainDir`, started by scripts/chain.sh. */
export function localChain(chainDir: string): ChainSource {
  return {
    async rpcTarget() {
      const port = (await readFile(join(chainDir, "node", "rpc_port"), "utf8")).trim();
      return new URL(`http://127.0.0.1:${port}`);
    },
    async config() {
      const code_ids = await readJson<Record<string, number>>(join(chainDir, CODE_IDS_FILE));
      const local = await readJson<LocalChainAccounts>(join(chainDir, ACCOUNTS_FILE));
      return { ...local, chain_name: local.chain_id, rpc: RPC_PATH, chain_rpc: null, rest: null, code_ids };
    },
  };
}

/** The chain described in `file` (read and checked once, here). */
export async function remoteChain(file: string): Promise<ChainSource> {
  const chain = await readChainDescription(file);
  const config: DashboardConfig = { ...chain, rpc: RPC_PATH, chain_rpc: chain.rpc, local_only: false, accounts: [] };
  return {
    rpcTarget: async () => new URL(chain.rpc),
    config: async () => config,
  };
}
