import { chromium, expect } from "@playwright/test";
import { ready, test } from "./helpers";

test("the app's code is served under hashed names, compressed, and cached for good", async ({ page, request }) => {
  await page.goto("/");
  await ready(page);
  const urls = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.startsWith("/pkg/")),
  );
  const wasm = urls.find((u) => u.endsWith(".wasm"));
  const css = urls.find((u) => u.endsWith(".css"));
  expect(wasm).toMatch(/^\/pkg\/tandem\.[\w-]+\.wasm$/);
  expect(css).toMatch(/^\/pkg\/tandem\.[\w-]+\.css$/);
  for (const url of [wasm!, css!]) {
    const response = await request.get(url, { headers: { "Accept-Encoding": "br" } });
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(response.headers()["content-encoding"]).toBe("br");
  }
});

test("Chromium reports the app installable", async ({ baseURL }, testInfo) => {
  // Incognito contexts are never installable, so this one keeps a profile.
  const { launchOptions } = testInfo.project.use;
  const context = await chromium.launchPersistentContext(testInfo.outputPath("profile"), { ...launchOptions, baseURL });
  const page = await context.newPage();
  await page.goto("/");
  await ready(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  expect(installabilityErrors).toEqual([]);
  const manifest = await (await page.request.get("/manifest.webmanifest")).json();
  expect(manifest.display).toBe("standalone");
  expect(manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`)).toEqual(
    expect.arrayContaining(["192x192 any", "512x512 any", "512x512 maskable"]),
  );
  await context.close();
});

test("server functions are never answered from the cache", async ({ page }) => {
  await page.goto("/");
  await ready(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
  await page.context().setOffline(true);
  const outcome = await page.evaluate(() =>
    fetch("/api/me", { method: "POST" }).then(
      () => "answered",
      () => "network error",
    ),
  );
  expect(outcome).toBe("network error");
});

test("a newly activated worker removes older caches, and the worker script is never cached", async ({ page }) => {
  // A cache left by an earlier deployment, there before this build's worker activates.
  await page.addInitScript(() => {
    void caches.open("tandem-an-older-build");
  });
  await page.goto("/");
  await ready(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
  await expect
    .poll(() => page.evaluate(() => caches.keys()))
    .toEqual([expect.stringMatching(/^tandem-[\w-]+$/)]);
  const keys = await page.evaluate(() => caches.keys());
  expect(keys).not.toContain("tandem-an-older-build");
  const script = await page.request.get("/sw.js");
  expect(script.headers()["cache-control"]).toBe("no-cache");
});
