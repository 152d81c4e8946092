/** What the tests do on the page, as a person would: open a model, choose an account, add
 * data, find a claim button, take a screenshot. */
import { mkdirSync } from "node:fs";
import { expect, type Page } from "@playwright/test";
import { address, dashboardUrl } from "./chain.ts";

const SCREENSHOTS = "test-output/screenshots";

/** Saves a full-page screenshot as test-output/screenshots/NAME.png. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

export async function chooseAccount(page: Page, name: string): Promise<void> {
  await page.locator('select[name="account"]').selectOption(address(name));
  await expect(page.getByTestId("balances")).toContainText(address(name));
}

/** Opens the model named `name` from the list of the dashboard at `url`. */
export async function openModel(page: Page, name: string, url = dashboardUrl()): Promise<void> {
  await page.goto(url);
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByTestId("model-name")).toHaveText(name);
}

/** Adds a sample through the form; answers the contribution id the page reports. */
export async function addData(page: Page, features: string, label: string): Promise<number> {
  const form = page.locator("section", { hasText: "Deposit now" });
  await form.locator('input[name="add data"]').fill(features);
  await form.locator('select[name="label"]').selectOption({ label });
  await form.getByRole("button", { name: "Add data" }).click();
  const done = page.getByTestId("add-data-status");
  await expect(done).toContainText(/added contribution \d+/);
  return Number(/added contribution (\d+)/.exec((await done.textContent())!)![1]);
}

/** The Refund (in the account's table, "mine") or Report ("others") button of a contribution. */
export function claimButton(page: Page, table: "mine" | "others", id: number, name: "Refund" | "Report") {
  return page.getByTestId(table).getByTestId(`contribution-${id}`).getByRole("button", { name });
}
