/** The read-only connection to the chain, through the server's /rpc proxy. */
import { CosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import type { DashboardConfig } from "./config.ts";

let connection: Promise<CosmWasmClient> | undefined;

/** The RPC address the page uses: the same origin, path /rpc. */
export function rpcUrl(config: DashboardConfig): string {
  return new URL(config.rpc, location.href).href;
}

export function queryClient(config: DashboardConfig): Promise<CosmWasmClient> {
  connection ??= CosmWasmClient.connect(rpcUrl(config));
  return connection;
}

/** The latest block's time, in seconds (what the contracts compare waits with). */
export async function blockTime(client: CosmWasmClient): Promise<number> {
  const block = await client.getBlock();
  return Math.floor(Date.parse(`${block.header.time.slice(0, 19)}Z`) / 1000);
}

/** A time in seconds as local date and time. */
export function formatTime(seconds: number): string {
  return new Date(seconds * 1000).toLocaleString();
}
