/** The dashboard's configuration, from the server's /config.json (server/config.ts). */
import type { DashboardConfig, LocalAccount } from "../server/config.ts";

export type { DashboardConfig, LocalAccount };

export async function loadConfig(): Promise<DashboardConfig> {
  const response = await fetch("config.json", { cache: "no-store" });
  if (!response.ok) throw new Error(`config.json: ${response.status} ${await response.text()}`);
  return (await response.json()) as DashboardConfig;
}

/** The contract name (e.g. "dense-perceptron") stored under a code id, or "code N". */
export function contractName(config: DashboardConfig, codeId: number): string {
  const found = Object.entries(config.code_ids).find(([, id]) => id === codeId);
  return found ? found[0] : `code ${codeId}`;
}
