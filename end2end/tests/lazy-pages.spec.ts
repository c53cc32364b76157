import { expect, Page } from "@playwright/test";
import { ready, test } from "./helpers";

/**
 * Complaints that mean the app itself broke: a Rust panic aborts the whole wasm module; and any
 * error left unhandled (the chunk loader's failed fetches once were). The loader also logs each
 * failure it handles; that log is its own, not a complaint.
 */
function watchCrashes(page: Page): string[] {
  const crashes: string[] = [];
  const crash = /panicked|unreachable|RuntimeError/;
  page.on("pageerror", (e) => crashes.push(e.message));
  page.on("console", (m) => crash.test(m.text()) && crashes.push(m.text()));
  return crashes;
}

const CHUNKS = /\/pkg\/(split_|chunk_)[^/]*\.wasm$/;

test("a page whose code cannot load says it needs a connection once, and the app keeps working", async ({
  browser,
}) => {
  // Without the service worker, the chunks can only come from the network, which fails here.
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const crashes = watchCrashes(page);
  await page.goto("/");
  await ready(page);
  await page.route(CHUNKS, (route) => route.abort());

  await page.getByRole("link", { name: "Sign in" }).first().click();
  await expect(page.getByRole("heading", { name: "This page needs a connection once" })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText("Connect to the internet and try again");

  // The app is still alive: it switches language, in the message too.
  await page.getByLabel("Language").selectOption("nl");
  await expect(page.getByRole("heading", { name: "Deze pagina heeft één keer een verbinding nodig" })).toBeVisible();

  // With the network back, trying again opens the page.
  await page.unroute(CHUNKS);
  await page.getByRole("button", { name: "Opnieuw proberen" }).click();
  await ready(page);
  await expect(page.getByRole("heading", { name: "Inloggen bij Tandem" })).toBeVisible();
  expect(crashes).toEqual([]);
  await context.close();
});

test("after one online visit, pages never opened before open offline", async ({ page, context }) => {
  await page.goto("/");
  await ready(page);
  // The worker controls the page once it has installed, which is once it has stored every file.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });

  await context.setOffline(true);
  await page.getByRole("link", { name: "Create account" }).first().click();
  await expect(page.getByRole("heading", { name: "Create your Tandem account" })).toBeVisible();
  await page.getByRole("link", { name: "Sign in" }).last().click();
  await expect(page.getByRole("heading", { name: "Sign in to Tandem" })).toBeVisible();
  await page.getByRole("link", { name: "Tandem" }).click();
  await expect(page.getByRole("link", { name: "Create account" }).first()).toBeVisible();
  await context.setOffline(false);
});

test("landing on a page that loads later shows it at once and takes it over without complaint", async ({ page }) => {
  // The server's HTML is the page: no loading state, and the console stays clean (checked by `test`).
  await page.goto("/signin?next=/");
  await expect(page.getByRole("heading", { name: "Sign in to Tandem" })).toBeVisible();
  await ready(page);
  await expect(page.getByRole("heading", { name: "Sign in to Tandem" })).toBeVisible();
});

test("landing on a page whose code cannot load keeps the server's page and says it needs a connection once", async ({
  browser,
}) => {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const crashes = watchCrashes(page);
  await page.route(CHUNKS, (route) => route.abort());

  await page.goto("/signin");
  await expect(page.getByRole("heading", { name: "This page needs a connection once" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Connect to the internet" })).toBeVisible();
  // What the server sent stays readable; its form still posts without the app.
  await expect(page.getByRole("heading", { name: "Sign in to Tandem" })).toBeVisible();
  await expect(page.getByLabel("Email address")).toBeVisible();

  await page.unroute(CHUNKS);
  await page.getByRole("button", { name: "Try again" }).click();
  await ready(page);
  await expect(page.getByRole("heading", { name: "Sign in to Tandem" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "This page needs a connection once" })).toHaveCount(0);
  expect(crashes).toEqual([]);
  await context.close();
});
