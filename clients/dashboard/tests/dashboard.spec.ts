/**
 * The dashboard in a browser against a real wasmd chain (started by global-setup.ts). Each
 * step asserts what the page shows and the state on chain, queried directly; every wait is
 * on state (Playwright's polling), never a fixed sleep. A screenshot follows each step.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import type { CosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { DEFAULT_AGREEMENT_SAMPLES } from "sum-client/src/agreement.ts";
import { fixedPointNormalised } from "sum-client/src/encoders.ts";
import { floatModel } from "sum-client/src/floatModels.ts";
import { DensePerceptronQueryClient } from "sum-client/src/generated/DensePerceptron.client.ts";
import type { TrainerQueryClient } from "sum-client/src/generated/Trainer.client.ts";
import { fromOriginal } from "sum-client/src/original.ts";
import { agreementSamples } from "sum-client/src/samples.ts";
import { blockTime } from "../src/chain.ts";
import { address, connectChain, contractsOf, dashboardUrl, trainerNamed, trainers } from "./chain.ts";
import { addData, chooseAccount, claimButton, openModel, shot } from "./ui.ts";

const MODEL_FILES = "test-output/model-files";
const MODELS = "../../scripts/models";
const ORIGINAL_MODEL = `${MODELS}/original/image-dense-perceptron-400.json`;
/** MobileNet v2's outputs, which the image model's featureIndices pick from. */
const IMAGE_EMBEDDING_DIMENSION = 1280;
/** fromOriginal names a model after its file. */
const ORIGINAL_NAME = "image-dense-perceptron-400";
const DENSE_MODEL = "east-west";
const DEPLOYED_NAME = "east-west-from-the-form";
/** Deploying in chunks takes many transactions. */
const DEPLOY_TIMEOUT_MS = 600_000;
/** What the deploy form's agreement check ends with. */
const AGREEMENT_DONE = /agreement: \d+ of \d+|No agreement check|agreement check failed/;
/** The page's check agrees on every sample. */
const FULL_AGREEMENT = `agreement: ${DEFAULT_AGREEMENT_SAMPLES} of ${DEFAULT_AGREEMENT_SAMPLES} (100.0%)`;
/** A perceptron's fourth sample (seed 0, as the page's) lies near its decision boundary. */
const NEAR_BOUNDARY_SAMPLE = 3;

// Points on the unit circle (as scripts/e2e/helpers.py): after alice's EAST (right), bob's
// EAST_NORTH_EAST labelled left trains the model to agree with bob, and alice's NORTH_EAST
// (right) trains it back, so the model disagrees with bob's contribution: reportable.
const EAST = "1, 0";
const NORTH_EAST = "0.6, 0.8";
const EAST_NORTH_EAST = "0.8, 0.6";

test.describe.configure({ mode: "serial" });

let page: Page;
let chain: CosmWasmClient;
let trainer: TrainerQueryClient;

test.beforeAll(async ({ browser }) => {
  mkdirSync(MODEL_FILES, { recursive: true });
  page = await browser.newPage();
  chain = await connectChain();
  trainer = await trainerNamed(chain, DENSE_MODEL);
});

test("the list shows every model stack on the chain", async () => {
  await page.goto(dashboardUrl());
  const onChain = await trainers(chain);
  await expect(page.getByTestId("stack")).toHaveCount(onChain.length);
  await expect(page.getByTestId("stack").filter({ hasText: DENSE_MODEL }).first()).toContainText("stakeable");
  await shot(page, "01-models");
});

test("a model page shows its info", async () => {
  await openModel(page, DENSE_MODEL);
  const summary = page.locator("section", { hasText: "Parameters" });
  await expect(summary).toContainText(trainer.contractAddress);
  await expect(summary).toContainText((await trainer.info()).owner);
  await expect(page.getByTestId("contribution-count")).toHaveText("0");
  await shot(page, "02-model-page");
});

test("predict shows the class name, and bad input a message", async () => {
  const form = page.locator("section", { hasText: "Predict" });
  const out = page.getByTestId("prediction");
  for (const [input, message] of [["", "enter some numbers"], ["1, x", '"x" is not a number'], ["1", "takes 2 numbers"], ["0, 0", "must not all be zero"]]) {
    await form.locator('input[name="predict"]').fill(input);
    await form.getByRole("button", { name: "Predict" }).click();
    await expect(out).toContainText(message);
  }
  await form.locator('input[name="predict"]').fill(EAST);
  await form.getByRole("button", { name: "Predict" }).click();
  const { classification } = await trainer.predict({ data: { dense: fixedPointNormalised([1, 0]) } });
  const classes = ["left", "right"];
  await expect(out).toHaveText(`prediction: ${classes[classification]} (class ${classification})`);
  await shot(page, "03-predict");
});

let aliceId: number;

test("alice adds data and pays the deposit shown", async () => {
  await chooseAccount(page, "alice");
  await expect(page.getByTestId("deposit")).toHaveText(/^\d+ usum$/);
  aliceId = await addData(page, EAST, "right");
  const stored = await trainer.contribution({ id: aliceId });
  expect(stored.contribution.contributor).toBe(address("alice"));
  expect(stored.contribution.classification).toBe(1);
  expect(Number(stored.claims.initial_deposit)).toBeGreaterThan(0);
  await expect(page.getByTestId("add-data-status")).toContainText(`deposit: ${stored.claims.initial_deposit} usum`);
  await expect(page.getByTestId("mine").getByTestId(`contribution-${aliceId}`)).toBeVisible();
  await shot(page, "04-add-data");
});

test("refund becomes possible after the refund wait", async () => {
  const refund = claimButton(page, "mine", aliceId, "Refund");
  await expect(refund).toBeEnabled();
  const { contribution } = await trainer.contribution({ id: aliceId });
  const wait = JSON.parse(readFileSync(`${MODELS}/dense-perceptron.json`, "utf8")).incentive.instantiate.refund_wait;
  expect(await blockTime(chain)).toBeGreaterThanOrEqual(contribution.added_at + wait);
  const possible = page.getByTestId("mine").getByTestId(`contribution-${aliceId}`).getByTestId("claim-possible");
  await expect(possible).toHaveText(new RegExp(`^since `));
  await shot(page, "05-refund-possible");
});

test("alice's refund pays the deposit back", async () => {
  const before = Number((await chain.getBalance(address("alice"), "usum")).amount);
  await claimButton(page, "mine", aliceId, "Refund").click();
  await expect(page.getByTestId("claim-status")).toContainText(`refund of contribution ${aliceId}: done`);
  const { claims } = await trainer.contribution({ id: aliceId });
  expect(claims.claimed_by).toEqual([address("alice")]);
  expect(claims.claimable).toBe("0");
  expect(Number((await chain.getBalance(address("alice"), "usum")).amount)).toBe(before + Number(claims.initial_deposit));
  const row = page.getByTestId("mine").getByTestId(`contribution-${aliceId}`);
  await expect(row).toContainText("has already claimed");
  await expect(claimButton(page, "mine", aliceId, "Refund")).toBeDisabled();
  await shot(page, "06-refund");
});

test("alice reports bob's contribution that the model disagrees with", async () => {
  await chooseAccount(page, "bob");
  const bobId = await addData(page, EAST_NORTH_EAST, "left");
  await chooseAccount(page, "alice");
  await addData(page, NORTH_EAST, "right");
  const disagreement = await trainer.predict({ data: { dense: fixedPointNormalised([0.8, 0.6]) } });
  expect(disagreement.classification).toBe(1);
  const report = claimButton(page, "others", bobId, "Report");
  await expect(report).toBeEnabled();
  await report.click();
  await expect(page.getByTestId("claim-status")).toContainText(`report of contribution ${bobId}: done`);
  const { claims } = await trainer.contribution({ id: bobId });
  expect(claims.claimed_by).toEqual([address("alice")]);
  await expect(claimButton(page, "others", bobId, "Report")).toBeDisabled();
  await shot(page, "07-report");
});

/** Deploys a model file through the form as alice (chosen in the steps before), checks the
 * agreement check's outcome is `agreement` (any disagreement shown fails it), opens the new
 * model's page and checks its trainer on chain; answers the trainer. */
async function deployFile(file: string, name: string, agreement: string, screenshot: string, embeddingDimension = ""): Promise<TrainerQueryClient> {
  await page.goto(`${dashboardUrl()}#/deploy`);
  await expect(page.locator('select[name="account"]')).toHaveValue(address("alice"));
  await page.locator('input[name="model file"]').setInputFiles(file);
  await page.locator('input[name="embedding dimension"]').fill(embeddingDimension);
  await page.getByRole("button", { name: "Deploy" }).click();
  const link = page.getByTestId("new-model");
  await expect(link).toBeVisible({ timeout: DEPLOY_TIMEOUT_MS });
  const checked = page.getByTestId("agreement");
  await expect(checked).toContainText(AGREEMENT_DONE, { timeout: DEPLOY_TIMEOUT_MS });
  expect(await checked.innerText()).toBe(agreement);
  const progress = page.locator("progress");
  expect(await progress.evaluate((bar: HTMLProgressElement) => bar.value === bar.max)).toBe(true);
  await shot(page, screenshot);
  await link.click();
  await expect(page.getByTestId("model-name")).toHaveText(name);
  const deployed = await trainerNamed(chain, name);
  expect((await deployed.info()).owner).toBe(address("alice"));
  return deployed;
}

test("a model description deploys through the form", async () => {
  const description = JSON.parse(readFileSync(`${MODELS}/dense-perceptron.json`, "utf8"));
  const file = `${MODEL_FILES}/renamed-dense-perceptron.json`;
  writeFileSync(file, JSON.stringify({ ...description, name: DEPLOYED_NAME }));
  await deployFile(file, DEPLOYED_NAME, "No agreement check: a model description has no float model to compare with.", "08-deploy-description");
});

test("an original-system file that picks features needs its embedding's dimension", async () => {
  // The model is the first transaction of a deployment: none may have been sent.
  const before = await contractsOf(chain, "dense-perceptron");
  await page.goto(`${dashboardUrl()}#/deploy`);
  await page.locator('input[name="model file"]').setInputFiles(ORIGINAL_MODEL);
  await page.getByRole("button", { name: "Deploy" }).click();
  await expect(page.getByTestId("deploy-status")).toContainText("give the embedding's dimension");
  for (const typed of ["1e3", "0x500", "12.5"]) {
    await page.locator('input[name="embedding dimension"]').fill(typed);
    await page.getByRole("button", { name: "Deploy" }).click();
    await expect(page.getByTestId("deploy-status")).toHaveText(`the embedding dimension must be a whole number, not "${typed}"`);
  }
  expect(await contractsOf(chain, "dense-perceptron")).toEqual(before);
});

test("an original-system model file deploys through the form", async () => {
  const deployed = await deployFile(ORIGINAL_MODEL, ORIGINAL_NAME, FULL_AGREEMENT, "09-deploy-original", String(IMAGE_EMBEDDING_DIMENSION));
  const data = JSON.parse(readFileSync(ORIGINAL_MODEL, "utf8"));
  const description = fromOriginal(data, { fileName: ORIGINAL_MODEL, embeddingDimension: IMAGE_EMBEDDING_DIMENSION });
  const { encoder } = await deployed.info();
  expect(encoder).toEqual({ embedding: { name: "image-dense-perceptron-400", dimension: IMAGE_EMBEDDING_DIMENSION, feature_indices: data.featureIndices } });
  const sample = agreementSamples(description, data, NEAR_BOUNDARY_SAMPLE + 1, 0)[NEAR_BOUNDARY_SAMPLE];
  expect(sample.kind).toBe("near boundary");
  const model = new DensePerceptronQueryClient(chain, (await deployed.info()).model);
  const [floatClass] = floatModel(description.model.contract, data)(sample.floatInput);
  expect((await model.predict({ data: sample.features })).classification).toBe(floatClass);
});

test("the list shows the new models", async () => {
  await page.goto(dashboardUrl());
  const onChain = await trainers(chain);
  await expect(page.getByTestId("stack")).toHaveCount(onChain.length);
  for (const name of [DEPLOYED_NAME, ORIGINAL_NAME]) await expect(page.getByTestId("stack").filter({ hasText: name })).toHaveCount(1);
  await shot(page, "10-models-after-deploy");
});
