import { defineConfig } from "@playwright/test";

// `make e2e` picks a free port and a temporary database; these defaults serve a manual run.
const port = Number(process.env.TANDEM_E2E_PORT ?? 3100);
const database = process.env.TANDEM_E2E_DB ?? "sqlite://../target/e2e.db";
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "./tests",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // One retry in CI absorbs a slow machine; a test that needs it is still reported as flaky.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "off",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: "../target/debug/tandem",
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    // Warnings and errors of the server show in the test output, next to the test that caused them.
    stdout: "pipe",
    timeout: 60_000,
    env: {
      TANDEM_BIND: `127.0.0.1:${port}`,
      TANDEM_BASE_URL: baseURL,
      DATABASE_URL: database,
      LEPTOS_SITE_ROOT: "../target/site",
      TANDEM_LOG: "warn",
      // The whole suite signs its people up from this one address.
      TANDEM_SIGN_UPS_PER_HOUR: "10000",
    },
  },
});
