import { expect } from "@playwright/test";
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
