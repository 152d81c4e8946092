/**
 * The dashboard's server, on 127.0.0.1 only: the built page (dist/), a same-origin proxy
 * `/rpc` to the local chain's CometBFT RPC, and `/config.json` (see config.ts). Prints
 * `dashboard: http://127.0.0.1:PORT/` once it listens.
 *
 *   SUM_CHAIN_DIR=.chain SUM_DASHBOARD_PORT=8640 tsx server/serve.ts
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { dashboardConfig, rpcPort } from "./config.ts";

const HOST = "127.0.0.1";
const DEFAULT_PORT = 8640;
const RPC_PREFIX = "/rpc";
const DIST = join(__dirname, "..", "dist") + sep;
const REPO_ROOT = join(__dirname, "..", "..", "..");
const CHAIN_DIR = process.env.SUM_CHAIN_DIR || join(REPO_ROOT, ".chain");
const PORT = Number(process.env.SUM_DASHBOARD_PORT ?? DEFAULT_PORT);

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/** Forwards a request under /rpc to the chain's RPC, streaming both ways. */
function proxyRpc(req: IncomingMessage, res: ServerResponse, port: number): void {
  const path = req.url!.slice(RPC_PREFIX.length) || "/";
  const upstream = request(
    { host: HOST, port, path, method: req.method, headers: { "content-type": req.headers["content-type"] ?? "application/json" } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, { "content-type": answer.headers["content-type"] ?? "application/json" });
      answer.pipe(res);
    },
  );
  upstream.on("error", (error) => {
    res.writeHead(502, { "content-type": "text/plain" });
    res.end(`the chain's RPC does not answer: ${error.message}`);
  });
  req.pipe(upstream);
}

/** Serves a file of dist/ (index.html for /); 404 outside it. */
async function serveStatic(url: string, res: ServerResponse): Promise<void> {
  const path = normalize(decodeURIComponent(url.split("?")[0]));
  const file = join(DIST, path === "/" ? "index.html" : path);
  if (!file.startsWith(DIST)) return notFound(res);
  try {
    const body = await readFile(file);
    res.writeHead(200, { "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(body);
  } catch {
    notFound(res);
  }
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { "content-type": "text/plain" });
  res.end("not found");
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = req.url ?? "/";
  if (url === RPC_PREFIX || url.startsWith(`${RPC_PREFIX}/`)) return proxyRpc(req, res, await rpcPort(CHAIN_DIR));
  if (url === "/config.json") {
    res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(JSON.stringify(await dashboardConfig(CHAIN_DIR)));
    return;
  }
  return serveStatic(url, res);
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: Error) => {
    res.writeHead(500, { "content-type": "text/plain" });
    res.end(error.message);
  });
});
server.listen(PORT, HOST, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : PORT;
  console.log(`dashboard: http://${HOST}:${port}/`);
});
