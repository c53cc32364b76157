import { expect, Page, test } from "@playwright/test";
import { ready, uniqueEmail } from "./helpers";

const SECRET = "Early-secret-4417";

/** Every address the page asked for or went to (which is what its history holds), to look for the password in. */
function watchUrls(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  page.on("framenavigated", (f) => urls.push(f.url()));
  return urls;
}

test("sign-up, sign-out and sign-in work before the app has loaded, and no password reaches a URL", async ({
  browser,
}) => {
  // No service worker: every request is the page's own, and the wasm stays blocked.
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const urls = watchUrls(page);
  await page.route(/\.wasm$/, (route) => route.abort());
  const email = uniqueEmail("early");

  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Early Bird");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(SECRET);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Your mentoring relationships" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/");
  expect(await page.locator("body[data-hydrated]").count(), "the app never ran").toBe(0);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("navigation").getByRole("link", { name: "Sign in" })).toBeVisible();

  // A wrong password comes back as a message at the form, not in the address.
  await page.goto("/signin");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(SECRET + "x");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("Email or password is wrong.");

  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(SECRET);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Your mentoring relationships" })).toBeVisible();

  const leaks = urls.filter((u) => u.includes(SECRET) || decodeURIComponent(u).includes(SECRET) || u.includes("password="));
  expect(leaks, "no address holds the password").toEqual([]);

  // Once the app may load, the person is simply signed in.
  await page.unroute(/\.wasm$/);
  await page.reload();
  await ready(page);
  await expect(page.getByText("Early Bird")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await context.close();
});
