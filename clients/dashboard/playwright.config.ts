import { defineConfig } from "@playwright/test";

/** Generous: the machine has two cores and may be loaded; every wait is on state. */
const STEP_TIMEOUT_MS = 120_000;

export default defineConfig({
  testDir: "tests",
  outputDir: "test-output/results",
  globalSetup: "./tests/global-setup.ts",
  timeout: 10 * STEP_TIMEOUT_MS,
  expect: { timeout: STEP_TIMEOUT_MS },
  workers: 1,
  reporter: "list",
  use: {
    actionTimeout: STEP_TIMEOUT_MS,
    navigationTimeout: STEP_TIMEOUT_MS,
    launchOptions: {
      // Debian's Chromium; Playwright's own browser download is never used.
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
