/**
 * The prediction market on the dashboard (opened by scripts/dashboard_setup.py with alice
 * as the provider): its phase, stakes and actions, each enabled only when the chain would
 * accept it; end, reveal, process and withdraw through the page, checked on chain.
 */
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { PredictionMarketQueryClient } from "sum-client/src/generated/PredictionMarket.client.ts";
import type { Phase } from "sum-client/src/generated/PredictionMarket.types.ts";
import { address, connectChain, trainerNamed } from "./chain.ts";
import { addData, chooseAccount, openModel, shot } from "./ui.ts";

const MARKET_MODEL = "east-west-market";
/** Written by scripts/dashboard_setup.py. */
const TEST_SET_FILE = "market-test-set.json";

test.describe.configure({ mode: "serial" });

let page: Page;
let market: PredictionMarketQueryClient;

function action(name: string) {
  return page.getByTestId("market").getByRole("button", { name });
}

/** The phase on chain and on the page, once both show `phase`. */
async function expectPhase(phase: Phase): Promise<void> {
  await expect.poll(async () => (await market.market()).market?.phase).toBe(phase);
  await expect(page.getByTestId("market-phase")).toHaveText(phase);
}

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  const chain = await connectChain();
  const trainer = await trainerNamed(chain, MARKET_MODEL);
  market = new PredictionMarketQueryClient(chain, (await trainer.info()).incentive);
});

test("the market shows its phase and refuses to end before enough contributions", async () => {
  await openModel(page, MARKET_MODEL);
  await chooseAccount(page, "alice");
  await expectPhase("participation");
  await expect(action("End participation")).toBeDisabled();
  await expect(action("Withdraw")).toBeDisabled();
  await shot(page, "11-market-participation");
});

test("two staked contributions let participation end", async () => {
  await addData(page, "1, 0", "right");
  await chooseAccount(page, "bob");
  await addData(page, "-1, 0", "left");
  const state = (await market.market()).market!;
  expect(state.contributions).toBe(2);
  await expect(page.getByTestId("market")).toContainText(`${state.total_stake} usum from 2 contribution(s)`);
  await expect(action("End participation")).toBeEnabled();
  await action("End participation").click();
  await expectPhase("reveal");
  await shot(page, "12-market-ended");
});

test("the provider reveals the test set through the page", async () => {
  await chooseAccount(page, "alice");
  await page.locator('input[name="test set"]').setInputFiles(join(process.env.SUM_CHAIN_DIR!, TEST_SET_FILE));
  await expect(page.getByTestId("market-status")).toContainText("test set loaded");
  const { revealed } = (await market.market()).market!;
  for (const index of revealed.flatMap((done, i) => (done ? [] : [i]))) {
    await expect(action(`Reveal piece ${index}`)).toBeEnabled();
    await action(`Reveal piece ${index}`).click();
    await expect.poll(async () => (await market.market()).market!.revealed[index]).toBe(true);
  }
  await expectPhase("rewards");
  await shot(page, "13-market-revealed");
});

test("processing scores the contributions, then a contributor withdraws", async () => {
  await expect(action("Process a batch")).toBeEnabled();
  await action("Process a batch").click();
  await expectPhase("collection");
  await expect(action("Withdraw")).toBeEnabled();
  await action("Withdraw").click();
  await expect(page.getByTestId("market-status")).toContainText("Withdraw: done");
  await expect.poll(async () => (await market.standing({ address: address("alice") })).standing.withdrawn).toBe(true);
  await expect(action("Withdraw")).toBeDisabled();
  await shot(page, "14-market-withdrawn");
});
