/**
 * Deploying a model description whose model is too large for one transaction, as
 * `sumctl import` does (scripts/sumclient/deploy.py, docs/import.md): the model standalone
 * without a Wasm admin, its extension chunks, a trainer taking it as its existing model,
 * and the hand-over to that trainer.
 */
import { toBinary, type SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { TrainerQueryClient } from "./generated/Trainer.client";
import type { ComponentInstantiation, InstantiateMsg as TrainerInstantiateMsg } from "./generated/Trainer.types";
import { DEFAULT_CHUNK_SIZE, splitIntoChunks } from "./chunks";
import type { ModelDescription } from "./original";
import { own } from "./own";

/** Code ids of the stored contracts, by contract name (as scripts/contracts.txt names them). */
export type CodeIds = Record<string, number>;

/** What `sumctl deploy` and `sumctl import` write to the deployment file. */
export interface Deployment {
  trainer: string;
  data_handler: string;
  model: string;
  incentive: string;
  owner: string;
  code_ids: CodeIds;
  description: ModelDescription;
}

/** Called after each transaction: `done` of `total` transactions, and what the last one did. */
export type OnProgress = (done: number, total: number, step: string) => void;

function codeId(codeIds: CodeIds, contract: string): number {
  const id = own(codeIds, contract);
  if (id === undefined) throw new Error(`no code id for the contract '${contract}'`);
  return id;
}

/** The trainer's instantiate message, taking the model at `model` (built in chunks). */
export function trainerWithExistingModel(
  owner: string, codeIds: CodeIds, description: ModelDescription, model: string,
): TrainerInstantiateMsg {
  const part = (role: string, contract: string, msg: object): ComponentInstantiation => ({
    code_id: codeId(codeIds, contract), msg: toBinary(msg), label: `${description.name} ${role}`,
  });
  return {
    name: description.name,
    description: description.description,
    encoder: description.encoder,
    owner,
    immutable: description.immutable,
    data_handler: part("data handler", "data-handler", {}),
    model: { existing: { address: model } },
    incentive: part("incentive", description.incentive.contract, description.incentive.instantiate),
  };
}

/** Deploys `description` in chunks of at most `chunkSize` values from `sender` (the owner),
 * calling `onProgress` after each transaction; answers the deployment. The client needs a
 * gas price: every transaction pays "auto" fees. */
export async function deployInChunks(
  client: SigningCosmWasmClient,
  sender: string,
  codeIds: CodeIds,
  description: ModelDescription,
  onProgress: OnProgress = () => {},
  chunkSize = DEFAULT_CHUNK_SIZE,
): Promise<Deployment> {
  const { contract, instantiate } = description.model;
  const [small, extensions] = splitIntoChunks(contract, instantiate, chunkSize);
  // Every code id is resolved before the first transaction, so a missing one leaves no
  // orphaned model on chain.
  const modelCodeId = codeId(codeIds, contract);
  const trainerCodeId = codeId(codeIds, "trainer");
  const pending = trainerWithExistingModel(sender, codeIds, description, "pending");
  const total = extensions.length + 3;
  let done = 0;
  const step = (what: string) => onProgress(++done, total, what);

  const label = `${description.name} model`;
  const { contractAddress: model } = await client.instantiate(sender, modelCodeId, small, label, "auto");
  step(`model ${model} instantiated`);
  for (const [k, chunk] of extensions.entries()) {
    await client.execute(sender, model, { extension: chunk }, "auto");
    step(`chunk ${k + 1} of ${extensions.length}: ${Object.keys(chunk)[0]}`);
  }
  const msg: TrainerInstantiateMsg = { ...pending, model: { existing: { address: model } } };
  const { contractAddress: trainer } = await client.instantiate(
    sender, trainerCodeId, msg, `${description.name} trainer`, "auto",
  );
  step(`trainer ${trainer} instantiated`);
  await client.execute(sender, model, { hand_over: { trainer } }, "auto");
  step(`model handed over to trainer ${trainer}`);
  const info = await new TrainerQueryClient(client, trainer).info();
  return {
    trainer, data_handler: info.data_handler, model, incentive: info.incentive,
    owner: sender, code_ids: codeIds, description,
  };
}
