// Takes the README screenshot: a mentor and a mentee paired, seen by the mentor on a phone.
// Usage: node screenshot.mjs <base-url> <output.png>
import { chromium } from "@playwright/test";

const [base, out] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const stamp = Date.now();
async function signUp(page, name, email) {
  await page.waitForSelector("body[data-hydrated]");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}
const mentor = await (await browser.newContext({ viewport: { width: 390, height: 760 }, deviceScaleFactor: 2 })).newPage();
await mentor.goto(`${base}/signup`);
await signUp(mentor, "Mira Jansen", `mira-${stamp}@example.com`);
await mentor.getByLabel("I am the mentor").check();
await mentor.getByLabel("Title (optional)").fill("Leadership 2027");
await mentor.getByRole("button", { name: "Create invite link" }).click();
const link = await mentor.getByLabel("Invite link").inputValue();
const mentee = await (await browser.newContext()).newPage();
await mentee.goto(`${base}/signup?next=${new URL(link).pathname}`);
await signUp(mentee, "Sam de Boer", `sam-${stamp}@example.com`);
await mentee.getByRole("button", { name: "Accept" }).click();
await mentee.waitForURL(/\/r\//);
await mentor.goto(`${base}/`);
await mentor.waitForSelector("body[data-hydrated]");
await mentor.getByText("Sam de Boer is mentee").waitFor();
await mentor.screenshot({ path: out, fullPage: true });
await browser.close();
