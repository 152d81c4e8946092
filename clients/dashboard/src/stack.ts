/** A model stack as the page shows it: the trainer's and the model's info, which model and
 * mechanism contracts it runs, and the mechanism's figures. */
import type { CosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { DataHandlerQueryClient } from "sum-client/src/generated/DataHandler.client.ts";
// Every model answers the shell's queries (info, parameters, predict); this generated
// client serves them for all five.
import { DensePerceptronQueryClient as ModelQueryClient } from "sum-client/src/generated/DensePerceptron.client.ts";
import type { ModelInfoResponse } from "sum-client/src/generated/DensePerceptron.types.ts";
import { PointsQueryClient } from "sum-client/src/generated/Points.client.ts";
import { PredictionMarketQueryClient } from "sum-client/src/generated/PredictionMarket.client.ts";
import type { MarketResponse } from "sum-client/src/generated/PredictionMarket.types.ts";
import { StakeableQueryClient } from "sum-client/src/generated/Stakeable.client.ts";
import { TrainerQueryClient } from "sum-client/src/generated/Trainer.client.ts";
import type { InfoResponse } from "sum-client/src/generated/Trainer.types.ts";
import type { DashboardConfig } from "./config.ts";
import { contractName } from "./contracts.ts";

export const STAKEABLE = "stakeable";
export const POINTS = "points";
export const MARKET = "prediction-market";

export interface Stack {
  trainer: string;
  info: InfoResponse;
  model: ModelInfoResponse;
  /** The model contract's name, e.g. "dense-perceptron". */
  modelContract: string;
  /** The mechanism contract's name: STAKEABLE, POINTS or MARKET. */
  mechanism: string;
}

export async function loadStack(client: CosmWasmClient, config: DashboardConfig, trainer: string): Promise<Stack> {
  const info = await new TrainerQueryClient(client, trainer).info();
  const [model, modelContract, mechanism] = await Promise.all([
    new ModelQueryClient(client, info.model).info(),
    contractName(client, config, info.model),
    contractName(client, config, info.incentive),
  ]);
  return { trainer, info, model, modelContract, mechanism };
}

/** How many contributions the stack's data handler holds (of `contributor` alone, given one). */
export async function contributionCount(client: CosmWasmClient, stack: Stack, contributor?: string): Promise<number> {
  const counts = await new DataHandlerQueryClient(client, stack.info.data_handler).counts({ contributor });
  return contributor ? (counts.by_contributor ?? 0) : counts.total;
}

/** The prediction market's state (its `market` is null until opened). */
export function marketState(client: CosmWasmClient, stack: Stack): Promise<MarketResponse> {
  return new PredictionMarketQueryClient(client, stack.info.incentive).market();
}

/** The market's accuracy on its revealed test set, when it has one. */
export async function accuracy(client: CosmWasmClient, stack: Stack): Promise<string | null> {
  if (stack.mechanism !== MARKET) return null;
  const { market } = await marketState(client, stack);
  if (!market || market.test_size === 0) return null;
  return `${((100 * market.correct) / market.test_size).toFixed(1)} % (${market.correct}/${market.test_size})`;
}

/** A mechanism's waits after a contribution's addition, in seconds: before its refund (or
 * a report, if the model disagrees), and (stakeable only) before its owner or anyone may
 * take what is left. */
export interface ClaimWaits {
  refund: number;
  owner?: number;
  anyone?: number;
}

/** The mechanism's claim waits; null for a mechanism without refunds (the market). */
export async function claimWaits(client: CosmWasmClient, stack: Stack): Promise<ClaimWaits | null> {
  if (stack.mechanism === STAKEABLE) {
    const config = await new StakeableQueryClient(client, stack.info.incentive).config();
    return { refund: config.refund_wait, owner: config.owner_claim_wait, anyone: config.any_address_claim_wait };
  }
  if (stack.mechanism === POINTS) return { refund: (await new PointsQueryClient(client, stack.info.incentive).config()).refund_wait };
  return null;
}

/** The model variant's name in words, e.g. "dense perceptron". */
export function modelType(stack: Stack): string {
  return Object.keys(stack.model.variant)[0].replaceAll("_", " ");
}

/** The encoder as text: "fixed_point", "murmurhash3", or e.g. "embedding". */
export function encoderName(stack: Stack): string {
  return typeof stack.info.encoder === "string" ? stack.info.encoder : Object.keys(stack.info.encoder)[0];
}
