/** The page header: navigation and the account picker (local test keys, clearly marked, on
 * the local chain only; Keplr where the browser has it). */
import type { DashboardConfig } from "./config.ts";
import { fill, h, status } from "./dom.ts";
import { errorMessage } from "./errors.ts";
import { currentAccount, keplrAvailable, useKeplr, useLocalKey } from "./wallet.ts";

function localPicker(config: DashboardConfig, out: HTMLElement): HTMLElement {
  const select = h(
    "select",
    {
      name: "account",
      "aria-label": "account",
      onChange: () => {
        useLocalKey(config, config.accounts.find((a) => a.address === select.value)).catch((e) => fill(out, status(errorMessage(e), "error")));
      },
    },
    h("option", { value: "" }, "— no account —"),
    ...config.accounts.map((a) => h("option", { value: a.address, selected: currentAccount()?.address === a.address }, `${a.name} (${a.address.slice(0, 12)}…)`)),
  );
  return h("label", { class: "picker" }, "Account ", select, h("span", { class: "warning" }, "local test keys — local chain only"));
}

function keplrButton(config: DashboardConfig, out: HTMLElement): HTMLElement {
  return h("button", { onClick: () => useKeplr(config).catch((e) => fill(out, status(errorMessage(e), "error"))) }, "Connect Keplr");
}

/** The ways to sign this page offers. */
function signers(config: DashboardConfig, out: HTMLElement): HTMLElement[] {
  const local = config.local_only && config.accounts.length > 0 ? [localPicker(config, out)] : [];
  if (keplrAvailable()) return [...local, keplrButton(config, out)];
  return local.length > 0 ? local : [status("To sign on this chain, open the page in a browser with Keplr.")];
}

export function header(config: DashboardConfig): HTMLElement {
  const out = h("span", {});
  return h(
    "div",
    { class: "header" },
    h("a", { href: "#/", class: "title" }, "SUM — Sharing Updatable Models"),
    h("nav", {}, h("a", { href: "#/" }, "Models"), h("a", { href: "#/deploy" }, "Deploy a model")),
    h("div", { class: "accounts" }, ...signers(config, out), out),
    h("span", { class: "chain" }, `chain ${config.chain_id}`),
  );
}
