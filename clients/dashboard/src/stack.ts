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
import { contractName, type DashboardConfig } from "./config.ts";

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
  const [model, modelContract, incentiveContract] = await Promise.all([
    new ModelQueryClient(client, info.model).info(),
    client.getContract(info.model),
    client.getContract(info.incentive),
  ]);
  return {
    trainer,
    info,
    model,
    modelContract: contractName(config, modelContract.codeId),
    mechanism: contractName(config, incentiveContract.codeId),
  };
}

/** Every trainer of the configured trainer code ids, newest last. */
export async function trainers(client: CosmWasmClient, config: DashboardConfig): Promise<string[]> {
  const lists = await Promise.all(config.trainer_code_ids.map((id) => client.getContracts(id)));
  return lists.flat();
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

/** Seconds after its addition before a contribution may be refunded or reported; null for
 * a mechanism without refunds (the prediction market). */
export async function refundWait(client: CosmWasmClient, stack: Stack): Promise<number | null> {
  if (stack.mechanism === STAKEABLE) return (await new StakeableQueryClient(client, stack.info.incentive).config()).refund_wait;
  if (stack.mechanism === POINTS) return (await new PointsQueryClient(client, stack.info.incentive).config()).refund_wait;
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
