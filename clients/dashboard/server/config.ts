/**
 * What `/config.json` answers: the local chain's settings, the stored code ids (written by
 * scripts/dashboard_setup.py) and the local test accounts (`scripts/chain.sh accounts`,
 * written by scripts/dashboard.sh). The accounts' keys are for the local chain only.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";

/** Files in $SUM_CHAIN_DIR. */
export const CODE_IDS_FILE = "dashboard-code-ids.json";
export const ACCOUNTS_FILE = "dashboard-accounts.json";

export interface LocalAccount {
  name: string;
  address: string;
  private_key: string;
}

export interface DashboardConfig {
  chain_id: string;
  bech32_prefix: string;
  denom: string;
  gas_price: string;
  rpc: string;
  code_ids: Record<string, number>;
  trainer_code_ids: number[];
  local_only: boolean;
  accounts: LocalAccount[];
}

async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, "utf8")) as T;
}

/** The chain's CometBFT RPC port, as scripts/chain.sh records it. */
export async function rpcPort(chainDir: string): Promise<number> {
  return Number((await readFile(join(chainDir, "node", "rpc_port"), "utf8")).trim());
}

export async function dashboardConfig(chainDir: string): Promise<DashboardConfig> {
  const codeIds = await readJson<Record<string, number>>(join(chainDir, CODE_IDS_FILE));
  const local = await readJson<{ chain_id: string; local_only: boolean; accounts: LocalAccount[] }>(
    join(chainDir, ACCOUNTS_FILE),
  );
  return {
    chain_id: local.chain_id,
    bech32_prefix: "wasm",
    denom: "usum",
    gas_price: "0usum",
    rpc: "/rpc",
    code_ids: codeIds,
    trainer_code_ids: [codeIds.trainer],
    local_only: local.local_only,
    accounts: local.accounts,
  };
}
