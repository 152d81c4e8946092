/** The chosen account's balances, read again every few seconds. */
import type { CosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { GasPrice } from "@cosmjs/stargate";
import type { DashboardConfig } from "../config.ts";
import { facts, fill, h, section, status } from "../dom.ts";
import type { Refresh } from "../refresh.ts";
import type { Account } from "../wallet.ts";

/** The denoms shown: the chain's deposit denom and its fee denom, once each. */
function denoms(config: DashboardConfig): string[] {
  return [...new Set([config.denom, GasPrice.fromString(config.gas_price).denom])];
}

export function balancesSection(client: CosmWasmClient, config: DashboardConfig, account: Account | null, refresh: Refresh): HTMLElement {
  if (!account) return section("Balances", status("Choose an account above to see its balances."));
  const table = h("div", { "data-testid": "balances" });
  refresh.every(async () => {
    const coins = await Promise.all(denoms(config).map((denom) => client.getBalance(account.address, denom)));
    fill(table, facts([["account", `${account.name} (${account.address})`], ...coins.map((c): [string, string] => [c.denom, c.amount])]));
  });
  return section("Balances", table);
}
