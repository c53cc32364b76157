// Renders the PNG app icons from their SVG sources with Chromium: cd end2end && node icons.mjs
// Lives in end2end/ so that @playwright/test resolves.
import { chromium } from "@playwright/test";
import { readFileSync } from "node:fs";

const dir = new URL("../public/icons/", import.meta.url).pathname;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
for (const [source, size, out] of [["icon.svg", 192, "icon-192.png"], ["icon.svg", 512, "icon-512.png"], ["maskable.svg", 512, "maskable-512.png"]]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const svg = readFileSync(dir + source, "utf8");
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
  await page.screenshot({ path: dir + out, omitBackground: true });
  await page.close();
}
await browser.close();
