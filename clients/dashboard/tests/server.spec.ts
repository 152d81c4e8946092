/** The dashboard's server, over HTTP: it answers only requests addressed to itself (against
 * DNS rebinding), serves nothing outside dist/, proxies /rpc to the chain, serves no key in
 * remote mode, and refuses bad settings in words. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { ACCOUNTS_FILE, CODE_IDS_FILE, type DashboardConfig } from "../server/config.ts";
import { dashboardUrl, localAccount } from "./chain.ts";
import { rawGet, runServer, startLocalServer, startRemoteServer, testChainDescription } from "./server.ts";

const FOREIGN_HOST = "rebound.example";
/** Paths that a path starting with / keeps inside dist/ once normalised. */
const TRAVERSALS = ["/../package.json", "/%2e%2e/package.json", "/..%2fpackage.json", "/%2e%2e%2fserver/config.ts"];
/** Request targets in absolute form (RFC 9112 3.2.2), which Node's server passes on as the
 * request's url: normalised, these leave dist/ for the dashboard's package.json, so only the
 * server's check that a file is inside dist/ keeps them out. (A target without a leading / or
 * scheme Node refuses itself, with 400.) */
const ESCAPES = ["http://x/../../../package.json", "http://x/%2e%2e/%2e%2e/%2e%2e/package.json", "http://x/..%2f..%2f..%2fpackage.json"];

async function config(url: string): Promise<DashboardConfig> {
  const { status, body } = await rawGet(url, "/config.json");
  expect(status).toBe(200);
  return JSON.parse(body) as DashboardConfig;
}

test("a request addressed to another host is refused, without keys", async () => {
  const port = new URL(dashboardUrl()).port;
  for (const path of ["/config.json", "/rpc/status", "/"]) {
    const { status, body } = await rawGet(dashboardUrl(), path, `${FOREIGN_HOST}:${port}`);
    expect(status).toBe(403);
    expect(body).toContain(`only requests addressed to 127.0.0.1:${port} or localhost:${port}`);
    expect(body).not.toContain(localAccount("alice").private_key);
  }
  expect((await rawGet(dashboardUrl(), "/config.json", `localhost:${port}`)).status).toBe(200);
});

test("paths outside dist/ are not found; files inside it are served", async () => {
  for (const path of [...TRAVERSALS, ...ESCAPES]) {
    const { status, body } = await rawGet(dashboardUrl(), path);
    expect(status, path).toBe(404);
    expect(body, path).not.toContain("sum-dashboard");
  }
  for (const path of ["/", "/index.html"]) {
    const { status, body } = await rawGet(dashboardUrl(), path);
    expect(status, path).toBe(200);
    expect(body, path).toContain("<title>SUM dashboard</title>");
  }
});

test("a chain directory it cannot read is answered in words, and the server goes on", async () => {
  const server = await startLocalServer();
  try {
    const missing = await rawGet(server.url, "/config.json");
    expect(missing.status).toBe(500);
    expect(missing.body).toContain(`cannot read the local chain's ${join(server.dir, CODE_IDS_FILE)} (scripts/dashboard.sh writes it)`);
    writeFileSync(join(server.dir, CODE_IDS_FILE), JSON.stringify({ trainer: 1, "data-handler": 2 }));
    writeFileSync(join(server.dir, ACCOUNTS_FILE), "{ broken");
    const broken = await rawGet(server.url, "/config.json");
    expect(broken.status).toBe(500);
    expect(broken.body).toContain(`cannot read the local chain's ${join(server.dir, ACCOUNTS_FILE)} (scripts/dashboard.sh writes it)`);
    expect((await rawGet(server.url, "/index.html")).status).toBe(200);
  } finally {
    server.stop();
  }
});

test("/rpc answers the configured chain's status", async () => {
  const { chain_id } = await config(dashboardUrl());
  const { status, body } = await rawGet(dashboardUrl(), "/rpc/status");
  expect(status).toBe(200);
  expect(JSON.parse(body).result.node_info.network).toBe(chain_id);
});

test("in remote mode /config.json has no key and /rpc reaches the described chain", async () => {
  const description = await testChainDescription();
  const server = await startRemoteServer(description);
  try {
    const { status, body } = await rawGet(server.url, "/config.json");
    expect(status).toBe(200);
    expect(body).not.toContain("private_key");
    expect(JSON.parse(body)).toMatchObject({ local_only: false, accounts: [], chain_rpc: description.rpc, chain_id: description.chain_id, stake_denom: "stake" });
    expect(JSON.parse((await rawGet(server.url, "/rpc/status")).body).result.node_info.network).toBe(description.chain_id);
  } finally {
    server.stop();
  }
});

test("bad settings stop the server with a sentence", async () => {
  const badPort = runServer({ SUM_DASHBOARD_PORT: "abc" });
  expect(badPort.status).not.toBe(0);
  expect(badPort.stderr).toContain('SUM_DASHBOARD_PORT must be a port number from 0 to 65535 (0: any free port), not "abc"');
  const missing = runServer({ SUM_DASHBOARD_CHAIN: "/nonexistent/chain.json" });
  expect(missing.status).not.toBe(0);
  expect(missing.stderr).toContain("the chain description /nonexistent/chain.json:");
  const dir = mkdtempSync(join(tmpdir(), "sum-dashboard-chain-"));
  try {
    const description = await testChainDescription();
    const { "data-handler": _, ...codeIds } = description.code_ids;
    const file = join(dir, "chain.json");
    writeFileSync(file, JSON.stringify({ ...description, code_ids: codeIds }));
    const noDataHandler = runServer({ SUM_DASHBOARD_CHAIN: file });
    expect(noDataHandler.status).not.toBe(0);
    expect(noDataHandler.stderr).toContain(`"code_ids" must have the code ids of "trainer" and "data-handler", which every deployment instantiates; missing: "data-handler"`);
  } finally {
    rmSync(dir, { recursive: true });
  }
});
