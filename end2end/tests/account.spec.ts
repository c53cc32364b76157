import { expect } from "@playwright/test";
import { ready, signUp, test, uniqueEmail } from "./helpers";

test("a person changes their password on the account page, and their other browser is signed out", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("ada");
  await page.goto("/signup");
  await signUp(page, "Ada", email);
  const other = await browser.newContext();
  const laptop = await other.newPage();
  await laptop.goto("/signin");
  await ready(laptop);
  await laptop.getByLabel("Email address").fill(email);
  await laptop.getByLabel("Password").fill("correct horse battery");
  await laptop.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(laptop.getByRole("button", { name: "Sign out" })).toBeVisible();

  await page.getByRole("link", { name: "Ada", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password").fill("a brand new secret");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That is not your current password.")).toBeVisible();
  await expect(page.getByLabel("New password")).toHaveValue("a brand new secret");

  await page.getByLabel("Current password").fill("correct horse battery");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Password changed" })).toBeVisible();

  await laptop.reload();
  await ready(laptop);
  await expect(laptop.getByRole("navigation").getByRole("link", { name: "Sign in" })).toBeVisible();
  await other.close();
});

test("signing out everywhere, in Dutch on a phone, signs out this browser too", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "nl-NL" });
  const page = await context.newPage();
  await page.goto("/signup");
  await ready(page);
  await page.getByLabel("Je naam").fill("Bo");
  await page.getByLabel("E-mailadres").fill(uniqueEmail("bo"));
  await page.getByLabel("Wachtwoord").fill("correct horse battery");
  await page.getByRole("button", { name: "Account aanmaken" }).click();
  await page.getByRole("link", { name: "Bo", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Overal uitloggen" })).toBeVisible();
  await page.getByRole("button", { name: "Op alle apparaten uitloggen" }).click();
  await expect(page.getByRole("navigation").getByRole("link", { name: "Inloggen" })).toBeVisible();
  await page.goto("/account");
  await ready(page);
  await expect(page.getByRole("link", { name: "Inloggen" }).last()).toBeVisible();
  await context.close();
});
