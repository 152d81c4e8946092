/** The account that signs: a local test key (local chain only) or Keplr. Listeners hear
 * every change. */
import { SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { fromHex } from "@cosmjs/encoding";
import { DirectSecp256k1Wallet, type OfflineSigner } from "@cosmjs/proto-signing";
import { GasPrice } from "@cosmjs/stargate";
import { rpcUrl } from "./chain.ts";
import type { DashboardConfig, LocalAccount } from "./config.ts";
import { keplrChainInfo } from "./keplr.ts";

export interface Account {
  /** The key's name ("alice"), or "Keplr". */
  name: string;
  address: string;
  client: SigningCosmWasmClient;
}

let current: Account | null = null;
const listeners = new Set<() => void>();

export function currentAccount(): Account | null {
  return current;
}

/** Calls `listener` on every change of account; returns a function that stops it. */
export function onAccountChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function setAccount(account: Account | null): void {
  current = account;
  listeners.forEach((listener) => listener());
}

async function connect(config: DashboardConfig, name: string, signer: OfflineSigner): Promise<void> {
  const [{ address }] = await signer.getAccounts();
  const client = await SigningCosmWasmClient.connectWithSigner(rpcUrl(config), signer, {
    gasPrice: GasPrice.fromString(config.gas_price),
  });
  setAccount({ name, address, client });
}

/** Where the tab remembers the chosen local key's name, so a reload keeps it. */
const LOCAL_KEY_STORAGE = "sum-dashboard-local-key";

/** Signs with a local test key from /config.json (local chain only). */
export async function useLocalKey(config: DashboardConfig, account: LocalAccount | undefined): Promise<void> {
  sessionStorage.setItem(LOCAL_KEY_STORAGE, account?.name ?? "");
  if (!account) return setAccount(null);
  return connect(config, account.name, await DirectSecp256k1Wallet.fromKey(fromHex(account.private_key), config.bech32_prefix));
}

/** The local key this tab chose before, if any. */
export function rememberedLocalKey(config: DashboardConfig): LocalAccount | undefined {
  const name = sessionStorage.getItem(LOCAL_KEY_STORAGE);
  return config.accounts.find((a) => a.name === name);
}

export function keplrAvailable(): boolean {
  return window.keplr !== undefined;
}

/** Signs with Keplr's key for the configured chain, first suggesting the chain to Keplr
 * where it can (Keplr needs a REST address for that). */
export async function useKeplr(config: DashboardConfig): Promise<void> {
  const keplr = window.keplr!;
  if (keplr.experimentalSuggestChain && config.rest) await keplr.experimentalSuggestChain(keplrChainInfo(config, config.rest));
  await keplr.enable(config.chain_id);
  return connect(config, "Keplr", keplr.getOfflineSigner(config.chain_id));
}
