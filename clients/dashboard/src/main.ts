/** The dashboard's entry: loads /config.json, draws the header, and shows the page the
 * location's hash names (#/, #/model/ADDRESS, #/deploy), again on every change of hash or
 * account. */
import { queryClient } from "./chain.ts";
import { loadConfig, type DashboardConfig } from "./config.ts";
import { fill, status } from "./dom.ts";
import { errorMessage } from "./errors.ts";
import { header } from "./header.ts";
import { deployPage } from "./pages/deploy.ts";
import { listPage } from "./pages/list.ts";
import { modelPage } from "./pages/model.ts";
import { Refresh } from "./refresh.ts";
import type { View } from "./view.ts";
import { currentAccount, onAccountChange, rememberedLocalKey, useLocalKey } from "./wallet.ts";

/** #/model/ADDRESS, for an address of the chain (its prefix, then "1" and the data part). */
function modelRoute(prefix: string): RegExp {
  return new RegExp(`^#/model/(${prefix}1[0-9a-z]+)$`);
}

function page(view: View): Promise<HTMLElement> {
  const model = modelRoute(view.config.bech32_prefix).exec(location.hash);
  if (model) return modelPage(view, model[1]);
  if (location.hash === "#/deploy") return deployPage(view);
  return listPage(view);
}

let shownRefresh = new Refresh();

/** Shows the current route, stopping the live jobs of the page before; a newer call wins
 * over an older one still loading. */
async function show(config: DashboardConfig): Promise<void> {
  const target = document.getElementById("page")!;
  shownRefresh.stop();
  const refresh = (shownRefresh = new Refresh());
  fill(target, status("loading…"));
  try {
    const element = await page({ client: await queryClient(config), config, account: currentAccount(), refresh });
    if (refresh === shownRefresh) fill(target, element);
  } catch (error) {
    if (refresh === shownRefresh) fill(target, status(errorMessage(error), "error"));
  }
}

async function start(): Promise<void> {
  try {
    const config = await loadConfig();
    const remembered = rememberedLocalKey(config);
    if (remembered) await useLocalKey(config, remembered);
    fill(document.getElementById("header")!, header(config));
    window.addEventListener("hashchange", () => void show(config));
    onAccountChange(() => void show(config));
    await show(config);
  } catch (error) {
    fill(document.getElementById("page")!, status(`the dashboard cannot start: ${errorMessage(error)}`, "error"));
  }
}

void start();
