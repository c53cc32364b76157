// Measures Today, the signed-in start screen, on a running release server: Lighthouse's mobile
// performance score with its figures (first visit on a phone, the device still empty), and how long
// Today takes to show the person's items, next session and goals when the app is opened offline
// after one online visit (from navigation start, so the app's own start is included).
// Usage: node scripts/today-speed.mjs <base url>   (`make speed` builds and starts the server)
// The last Lighthouse report is kept in target/today-lighthouse.json.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(new URL("../end2end/package.json", import.meta.url));
const { chromium } = require("@playwright/test");
const tools = createRequire(new URL("../.tools/package.json", import.meta.url));
const { default: lighthouse } = await import(tools.resolve("lighthouse"));

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const CHROMIUM = "/usr/bin/chromium";
const RUNS = 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const day = (offset) => {
  const d = new Date(Date.now() + offset * 86_400_000);
  return d.toISOString().slice(0, 10);
};

async function signUp(page, name, email, next = "") {
  await page.goto(`${base}/signup${next}`);
  await page.waitForSelector("body[data-hydrated]");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}

/** A mentor and a mentee with what Today shows: three items, a planned session, a goal. */
async function pair(browser) {
  const stamp = Date.now();
  const mentor = await (await browser.newContext({ ignoreHTTPSErrors: true })).newPage();
  const menteeContext = await browser.newContext({ viewport: { width: 390, height: 844 }, ignoreHTTPSErrors: true });
  const mentee = await menteeContext.newPage();
  await signUp(mentor, "Mira Mentor", `mira-${stamp}@example.com`);
  await mentor.getByLabel("I am the mentor").check();
  await mentor.getByRole("button", { name: "Create invite link" }).click();
  const link = await mentor.getByLabel("Invite link").inputValue();
  await signUp(mentee, "Menno Mentee", `menno-${stamp}@example.com`, `?next=${new URL(link).pathname}`);
  await mentee.getByRole("button", { name: "Accept" }).click();
  await mentee.getByRole("heading", { name: "Action items" }).waitFor();
  const relationship = mentee.url();
  for (const [title, due] of [["Late task", day(-1)], ["Read the book", day(5)], ["Undated task", ""]]) {
    await mentee.getByLabel("New action item").fill(title);
    await mentee.getByLabel("Due date (optional)").fill(due);
    await mentee.getByRole("button", { name: "Add", exact: true }).click();
  }
  await mentor.goto(`${relationship}/roadmap`);
  await mentor.waitForSelector("body[data-hydrated]");
  await mentor.getByRole("button", { name: "Add a session" }).click();
  await mentor.getByLabel("Date", { exact: true }).fill(day(2));
  await mentor.getByLabel("Starts").fill("09:00");
  await mentor.getByLabel("Ends").fill("10:00");
  await mentor.getByLabel("Theme of the new session").fill("Feedback");
  await mentor.getByRole("button", { name: "Save session" }).click();
  await mentor.getByRole("button", { name: "Sync status: All saved" }).waitFor();
  await mentee.goto(`${relationship}/goals`);
  await mentee.waitForSelector("body[data-hydrated]");
  await mentee.getByRole("button", { name: "New goal" }).click();
  await mentee.getByLabel("Short title").fill("Give talks");
  await mentee.getByLabel("Start value").fill("0");
  await mentee.getByLabel("Target value").fill("6");
  await mentee.getByLabel("Measured in (such as talks or kg)").fill("talks");
  await mentee.getByLabel("Target date").fill(day(60));
  await mentee.getByRole("button", { name: "Save goal" }).click();
  await mentee.getByRole("button", { name: "Sync status: All saved" }).waitFor();
  return { mentee, menteeContext };
}

/** Milliseconds from navigation start until Today shows the item, the session and the goal. */
async function todayShown(page) {
  await page.goto(`${base}/`);
  const handle = await page.waitForFunction(
    () => {
      const shown = document.querySelector("main")?.textContent ?? "";
      return ["Late task", "Feedback", "Give talks"].every((s) => shown.includes(s)) && performance.now();
    },
    undefined,
    { polling: "raf", timeout: 20_000 },
  );
  return Math.round(await handle.jsonValue());
}

async function offlineStart(menteeContext, mentee) {
  await todayShown(mentee);
  // Kept by the worker for this person (each person's pages under a key of their own).
  const kept = () =>
    mentee.evaluate(async () => {
      if (!navigator.serviceWorker.controller) return false;
      for (const key of await caches.keys()) {
        if (await (await caches.open(key)).match("/", { ignoreSearch: true })) return true;
      }
      return false;
    });
  for (let tries = 0; !(await kept()); tries++) {
    if (tries === 100) throw new Error("the worker never kept Today");
    await mentee.waitForTimeout(200);
  }
  await menteeContext.setOffline(true);
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await menteeContext.newPage();
    times.push(await todayShown(page));
    await page.close();
  }
  await menteeContext.setOffline(false);
  return times;
}

/** A free port for a browser's debugging protocol, which Lighthouse drives. */
async function freePort() {
  const server = createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// The person's cookies are set in the browser itself: sent as an extra header instead, the app's
// first requests went without them (401) and the figures were those of a retry.
async function lighthouseRuns(cookies) {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const port = await freePort();
    const profile = mkdtempSync(join(tmpdir(), "today-speed-"));
    const browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      ignoreHTTPSErrors: true,
      args: ["--no-sandbox", "--disable-gpu", "--ignore-certificate-errors", `--remote-debugging-port=${port}`],
    });
    try {
      await browser.addCookies(cookies);
      const { lhr } = await lighthouse(`${base}/`, { port, onlyCategories: ["performance"], logLevel: "error" });
      if (lhr.runtimeError || lhr.categories.performance.score === null) {
        throw new Error(`Lighthouse could not measure Today: ${lhr.runtimeError?.message ?? "no score"}`);
      }
      const ms = (id) => Math.round(lhr.audits[id].numericValue);
      runs.push({
        score: Math.round(lhr.categories.performance.score * 100),
        fcp: ms("first-contentful-paint"),
        lcp: ms("largest-contentful-paint"),
        tbt: ms("total-blocking-time"),
        si: ms("speed-index"),
        cls: lhr.audits["cumulative-layout-shift"].numericValue.toFixed(3),
        finalUrl: lhr.finalDisplayedUrl,
      });
      // The whole report of the last run, for what each figure is made of.
      writeFileSync(new URL("../target/today-lighthouse.json", import.meta.url), JSON.stringify(lhr));
    } finally {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }
  return runs;
}

// An https address is that of a proxy with a certificate of its own making.
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ["--no-sandbox", "--disable-gpu", "--ignore-certificate-errors"],
});
try {
  const { mentee, menteeContext } = await pair(browser);
  const offline = await offlineStart(menteeContext, mentee);
  const runs = await lighthouseRuns(await menteeContext.cookies(base));
  console.log(`Today offline, from navigation start to items, session and goal shown (ms): ${offline.join(", ")}`);
  console.log(`  median ${median(offline)} ms`);
  console.log("Lighthouse mobile performance on Today (score; FCP, LCP, TBT, Speed Index in ms; CLS):");
  for (const r of runs) {
    console.log(`  ${r.score}; FCP ${r.fcp}, LCP ${r.lcp}, TBT ${r.tbt}, SI ${r.si}; CLS ${r.cls} (${r.finalUrl})`);
  }
  console.log(`  median score ${median(runs.map((r) => r.score))}`);
} finally {
  await browser.close();
}
