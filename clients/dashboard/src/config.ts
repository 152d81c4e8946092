/** The dashboard's configuration, from the server's /config.json (server/config.ts). */
import type { DashboardConfig, LocalAccount } from "../server/config.ts";

export type { DashboardConfig, LocalAccount };

let loaded: Promise<DashboardConfig> | undefined;

async function fetchConfig(): Promise<DashboardConfig> {
  const response = await fetch("config.json", { cache: "no-store" });
  if (!response.ok) throw new Error(`config.json: ${response.status} ${await response.text()}`);
  return (await response.json()) as DashboardConfig;
}

/** The configuration, fetched once per page load. */
export function loadConfig(): Promise<DashboardConfig> {
  loaded ??= fetchConfig();
  return loaded;
}
