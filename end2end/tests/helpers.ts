import { expect, Page } from "@playwright/test";

/** Waits until the app has hydrated: clicks before that would be lost. */
export async function ready(page: Page) {
  await page.waitForSelector("body[data-hydrated]");
}

export function uniqueEmail(who: string) {
  return `${who}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}

export async function signUp(page: Page, name: string, email: string, password = "correct horse battery") {
  await ready(page);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}
