/** What the page needs of Keplr's `window.keplr`, and the chain as Keplr is told about it
 * (`experimentalSuggestChain`), from the dashboard's configuration. */
import type { OfflineSigner } from "@cosmjs/proto-signing";
import { GasPrice } from "@cosmjs/stargate";
import type { DashboardConfig } from "./config.ts";

/** Keplr's key derivation for Cosmos chains (BIP-44 coin type of the ATOM). */
const COSMOS_COIN_TYPE = 118;

export interface KeplrCurrency {
  coinDenom: string;
  coinMinimalDenom: string;
  coinDecimals: number;
}

/** The parts of Keplr's ChainInfo the page fills in. */
export interface KeplrChainInfo {
  chainId: string;
  chainName: string;
  rpc: string;
  rest: string;
  bip44: { coinType: number };
  bech32Config: Record<string, string>;
  currencies: KeplrCurrency[];
  feeCurrencies: (KeplrCurrency & { gasPriceStep: { low: number; average: number; high: number } })[];
  stakeCurrency: KeplrCurrency;
}

export interface Keplr {
  experimentalSuggestChain?(chainInfo: KeplrChainInfo): Promise<void>;
  enable(chainId: string): Promise<void>;
  getOfflineSigner(chainId: string): OfflineSigner;
}

declare global {
  interface Window {
    keplr?: Keplr;
  }
}

/** A denom as Keplr shows it: amounts in the base denom (no decimals). */
function currency(denom: string): KeplrCurrency {
  return { coinDenom: denom, coinMinimalDenom: denom, coinDecimals: 0 };
}

/** The bech32 prefixes of a Cosmos SDK chain whose account prefix is `prefix`. */
function bech32Config(prefix: string): Record<string, string> {
  return {
    bech32PrefixAccAddr: prefix,
    bech32PrefixAccPub: `${prefix}pub`,
    bech32PrefixValAddr: `${prefix}valoper`,
    bech32PrefixValPub: `${prefix}valoperpub`,
    bech32PrefixConsAddr: `${prefix}valcons`,
    bech32PrefixConsPub: `${prefix}valconspub`,
  };
}

/** The chain for Keplr, with its own RPC and the REST address `rest`: a chain described in
 * remote mode (only there has the configuration a REST address, without which the page
 * suggests no chain). */
export function keplrChainInfo(config: DashboardConfig, rest: string): KeplrChainInfo {
  if (config.chain_rpc === null) throw new Error("only a chain described in remote mode (SUM_DASHBOARD_CHAIN) is suggested to Keplr: this one has no RPC of its own to give it");
  const gasPrice = GasPrice.fromString(config.gas_price);
  const price = gasPrice.amount.toFloatApproximation();
  return {
    chainId: config.chain_id,
    chainName: config.chain_name,
    rpc: config.chain_rpc,
    rest,
    bip44: { coinType: COSMOS_COIN_TYPE },
    bech32Config: bech32Config(config.bech32_prefix),
    currencies: [currency(config.denom)],
    feeCurrencies: [{ ...currency(gasPrice.denom), gasPriceStep: { low: price, average: price, high: price } }],
    stakeCurrency: currency(config.stake_denom),
  };
}
