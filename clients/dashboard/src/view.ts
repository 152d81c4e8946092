/** What every page is drawn with: the chain, the configuration, the signing account (if
 * any) and the page's live jobs. */
import type { CosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import type { DashboardConfig } from "./config.ts";
import type { Refresh } from "./refresh.ts";
import type { Account } from "./wallet.ts";

export interface View {
  client: CosmWasmClient;
  config: DashboardConfig;
  account: Account | null;
  refresh: Refresh;
}
