/** The dashboard's server, over HTTP: it answers only requests addressed to itself (against
 * DNS rebinding), serves nothing outside dist/, proxies /rpc to the chain, serves no key in
 * remote mode, and refuses bad settings in words. */
import { expect, test } from "@playwright/test";
import type { DashboardConfig } from "../server/config.ts";
import { dashboardUrl, localAccount } from "./chain.ts";
import { rawGet, runServer, startRemoteServer, testChainDescription } from "./server.ts";

const FOREIGN_HOST = "rebound.example";
const TRAVERSALS = ["/../package.json", "/%2e%2e/package.json", "/..%2fpackage.json", "/%2e%2e%2fserver/config.ts"];

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

test("paths outside dist/ are not found", async () => {
  for (const path of TRAVERSALS) expect((await rawGet(dashboardUrl(), path)).status, path).toBe(404);
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
    expect(JSON.parse(body)).toMatchObject({ local_only: false, accounts: [], chain_rpc: description.rpc, chain_id: description.chain_id });
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
});
