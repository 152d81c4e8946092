/** The dashboard's server run by a test as its own process (as `npm run serve` runs it, on the
 * built dist/ of the global setup): started until stopped, or run to its refusal; and the
 * test chain described as another chain would be, for remote mode. */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ChainDescription } from "../server/chainFile.ts";
import { localChain } from "../server/config.ts";
import { chainRpcUrl } from "./chain.ts";

const DASHBOARD = join(__dirname, "..");
const SERVE = ["--import", "tsx", "server/serve.ts"];
const DASHBOARD_LINE = /^dashboard: (http:\/\/\S+)$/m;
const START_TIMEOUT_MS = 60_000;
/** Keplr needs a REST address to add a chain; the test chain serves none (its API is off),
 * and the stand-in Keplr of the tests never calls it. */
const UNUSED_REST = "http://127.0.0.1:1317";

export interface Server {
  url: string;
  stop(): void;
}

function serverEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, SUM_DASHBOARD_PORT: "0", ...env };
}

/** Starts the server with `env` (port 0 unless given); resolves once it prints its address. */
export function startServer(env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, SERVE, { cwd: DASHBOARD, env: serverEnv(env), stdio: ["ignore", "pipe", "inherit"] });
  const stop = () => void child.kill();
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => (stop(), reject(new Error("the server printed no dashboard line in time"))), START_TIMEOUT_MS);
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const found = DASHBOARD_LINE.exec(output);
      if (found) (clearTimeout(timer), resolve({ url: found[1], stop }));
    });
    child.on("exit", (code) => (clearTimeout(timer), reject(new Error(`the server exited with ${code}`))));
  });
}

/** Runs the server with `env` until it exits: its exit code and what it printed on stderr. */
export function runServer(env: Record<string, string>): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, SERVE, { cwd: DASHBOARD, env: serverEnv(env), encoding: "utf8", timeout: START_TIMEOUT_MS });
  return { status: result.status, stderr: result.stderr };
}

/** The test chain (its RPC directly, its code ids) as a remote chain's description. */
export async function testChainDescription(): Promise<ChainDescription> {
  const local = await localChain(process.env.SUM_CHAIN_DIR!).config();
  return {
    chain_id: local.chain_id,
    chain_name: "SUM test chain, described as a remote one",
    rpc: chainRpcUrl(),
    rest: UNUSED_REST,
    bech32_prefix: local.bech32_prefix,
    denom: local.denom,
    stake_denom: local.stake_denom,
    gas_price: local.gas_price,
    code_ids: local.code_ids,
  };
}

/** Starts a server in local mode on a temporary chain directory, empty (no chain: the test
 * writes what it needs to `dir`). */
export async function startLocalServer(): Promise<Server & { dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), "sum-dashboard-local-"));
  const server = await startServer({ SUM_CHAIN_DIR: dir }).catch((error) => (rmSync(dir, { recursive: true }), Promise.reject(error)));
  return { url: server.url, dir, stop: () => (server.stop(), rmSync(dir, { recursive: true })) };
}

/** Starts a server in remote mode on `description` (written to a temporary file). */
export async function startRemoteServer(description: ChainDescription): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), "sum-dashboard-chain-"));
  const file = join(dir, "chain.json");
  writeFileSync(file, JSON.stringify(description));
  const server = await startServer({ SUM_DASHBOARD_CHAIN: file }).catch((error) => (rmSync(dir, { recursive: true }), Promise.reject(error)));
  return { url: server.url, stop: () => (server.stop(), rmSync(dir, { recursive: true })) };
}

export interface RawAnswer {
  status: number;
  body: string;
}

/** A GET of `path` exactly as written (no URL normalising), with a chosen Host header. */
export function rawGet(url: string, path: string, host = new URL(url).host): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { path, headers: { host } }, (answer) => {
      let body = "";
      answer.setEncoding("utf8");
      answer.on("data", (chunk: string) => (body += chunk));
      answer.on("end", () => resolve({ status: answer.statusCode!, body }));
    });
    sent.on("error", reject);
    sent.end();
  });
}
