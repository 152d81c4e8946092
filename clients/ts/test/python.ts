/** Runs test/oracle.py on the Python reference encoders (scripts/sumclient). */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import * as path from "node:path";

/** The repository root, relative to this file. */
export const REPO_ROOT = path.resolve(__dirname, "../../..");

/** SUM_PYTHON (scripts/ts-client.sh sets it from scripts/python-env.sh), else the repo's
 * .venv, else python3; it must import mmh3. */
function python(): string {
  if (process.env.SUM_PYTHON) return process.env.SUM_PYTHON;
  const venv = path.join(REPO_ROOT, ".venv/bin/python");
  return existsSync(venv) ? venv : "python3";
}

export interface Case {
  op: string;
  args: unknown;
}

/** The Python answers to `cases`, in order; throws if Python fails. */
export function askPython(cases: Case[]): unknown[] {
  const out = execFileSync(python(), [path.join(__dirname, "oracle.py")], {
    input: JSON.stringify(cases),
    env: { ...process.env, PYTHONPATH: path.join(REPO_ROOT, "scripts") },
    encoding: "utf8",
    stdio: ["pipe", "pipe", "inherit"],
  });
  return JSON.parse(out);
}
