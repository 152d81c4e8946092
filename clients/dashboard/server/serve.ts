/**
 * The dashboard's server, on 127.0.0.1 only: the built page (dist/), a same-origin proxy
 * `/rpc` to the chain's CometBFT RPC (proxy.ts), and `/config.json` (config.ts). It answers
 * only requests addressed to 127.0.0.1:PORT or localhost:PORT, so a page of another site
 * cannot reach it through DNS rebinding. Prints `dashboard: http://127.0.0.1:PORT/` once it
 * listens.
 *
 *   SUM_CHAIN_DIR=.chain SUM_DASHBOARD_PORT=8640 tsx server/serve.ts          # the local chain
 *   SUM_DASHBOARD_CHAIN=chain.json SUM_DASHBOARD_PORT=8640 tsx server/serve.ts # another chain
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";
import { localChain, remoteChain, RPC_PATH, type ChainSource } from "./config.ts";
import { proxyRpc } from "./proxy.ts";

const HOST = "127.0.0.1";
/** The names a request may address this server by (with its port). */
const HOST_NAMES = [HOST, "localhost"];
const DEFAULT_PORT = "8640";
const MAX_PORT = 65535;
const DIST = join(__dirname, "..", "dist") + sep;
const REPO_ROOT = join(__dirname, "..", "..", "..");

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

function answer(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end(text);
}

/** $SUM_DASHBOARD_PORT as a port number (0: any free one). */
function parsePort(text: string): number {
  const port = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(port <= MAX_PORT)) throw new Error(`SUM_DASHBOARD_PORT must be a port number from 0 to ${MAX_PORT} (0: any free port), not ${JSON.stringify(text)}`);
  return port;
}

/** The path of `url` decoded, or null when it does not decode. */
function decodedPath(url: string): string | null {
  try {
    return normalize(decodeURIComponent(url.split("?")[0]));
  } catch {
    return null;
  }
}

/** Serves a file of dist/ (index.html for /); 404 outside it. */
async function serveStatic(url: string, res: ServerResponse): Promise<void> {
  const path = decodedPath(url);
  const file = path === null ? "" : join(DIST, path === "/" ? "index.html" : path);
  if (!file.startsWith(DIST)) return answer(res, 404, "not found");
  try {
    const body = await readFile(file);
    res.writeHead(200, { "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(body);
  } catch {
    answer(res, 404, "not found");
  }
}

async function handle(chain: ChainSource, allowedHosts: string[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  const host = (req.headers.host ?? "").toLowerCase();
  if (!allowedHosts.includes(host)) {
    return answer(res, 403, `refused: this dashboard answers only requests addressed to ${allowedHosts.join(" or ")}, not to ${JSON.stringify(host)}`);
  }
  const url = req.url ?? "/";
  if (url === RPC_PATH || url.startsWith(`${RPC_PATH}/`)) return proxyRpc(req, res, await chain.rpcTarget(), url.slice(RPC_PATH.length));
  if (url === "/config.json") {
    const body = JSON.stringify(await chain.config());
    res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(body);
    return;
  }
  return serveStatic(url, res);
}

/** Serves `chain` on 127.0.0.1:`port`; resolves with the port it listens on. */
function serve(chain: ChainSource, port: number): Promise<number> {
  let allowedHosts: string[] = [];
  const server = createServer((req, res) => {
    // Once the answer has begun, only ending it is left.
    handle(chain, allowedHosts, req, res).catch((error: Error) => (res.headersSent ? res.end() : answer(res, 500, error.message)));
  });
  return new Promise((resolve, reject) => {
    server.once("error", (error) => reject(new Error(`cannot listen on ${HOST}:${port}: ${error.message}`)));
    server.listen(port, HOST, () => {
      const listening = (server.address() as AddressInfo).port;
      allowedHosts = HOST_NAMES.map((name) => `${name}:${listening}`);
      resolve(listening);
    });
  });
}

async function main(): Promise<void> {
  const port = parsePort(process.env.SUM_DASHBOARD_PORT ?? DEFAULT_PORT);
  const chainFile = process.env.SUM_DASHBOARD_CHAIN;
  const chain = chainFile ? await remoteChain(chainFile) : localChain(process.env.SUM_CHAIN_DIR || join(REPO_ROOT, ".chain"));
  console.log(`dashboard: http://${HOST}:${await serve(chain, port)}/`);
}

main().catch((error: Error) => {
  console.error(`error: ${error.message}`);
  process.exit(1);
});
