/**
 * Starts the whole dashboard on a fresh chain: scripts/dashboard.sh with a new temporary
 * SUM_CHAIN_DIR and SUM_DASHBOARD_PORT=0, waiting for its `dashboard: URL` line. The tests
 * read SUM_DASHBOARD_URL and SUM_CHAIN_DIR. The returned teardown stops the server and the
 * chain and removes the directory.
 */
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const REPO_ROOT = join(__dirname, "..", "..", "..");
const DASHBOARD_LINE = /^dashboard: (http:\/\/\S+)$/m;
/** Starting includes npm ci, storing every contract and deploying the example models. */
const START_TIMEOUT_MS = 900_000;

export default async function globalSetup(): Promise<() => void> {
  const chainDir = mkdtempSync(join(tmpdir(), "sum-dashboard-test-"));
  const env = { ...process.env, SUM_CHAIN_DIR: chainDir, SUM_DASHBOARD_PORT: "0" };
  const server = spawn(join(REPO_ROOT, "scripts/dashboard.sh"), { env, detached: true, stdio: ["ignore", "pipe", "inherit"] });
  const teardown = () => {
    if (server.exitCode === null) process.kill(-server.pid!, "SIGTERM");
    execFileSync(join(REPO_ROOT, "scripts/chain.sh"), ["stop"], { env, stdio: "inherit" });
    rmSync(chainDir, { recursive: true, force: true });
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = "";
      const timer = setTimeout(() => reject(new Error("scripts/dashboard.sh printed no dashboard line in time")), START_TIMEOUT_MS);
      server.stdout!.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        process.stdout.write(chunk);
        const found = DASHBOARD_LINE.exec(output);
        if (found) (clearTimeout(timer), resolve(found[1]));
      });
      server.on("exit", (code) => (clearTimeout(timer), reject(new Error(`scripts/dashboard.sh exited with ${code}`))));
    });
    process.env.SUM_DASHBOARD_URL = url;
    process.env.SUM_CHAIN_DIR = chainDir;
    return teardown;
  } catch (error) {
    teardown();
    throw error;
  }
}
