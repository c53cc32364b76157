import { expect } from "@playwright/test";
import { addItem, pairUp, ready, storedRecords, test } from "./helpers";

test("a mentee deletes their account with the password, and the mentor sees a former member's shared item in an ended relationship", async ({
  browser,
}) => {
  const { mentor, mentee, mentorContext, menteeContext, problems } = await pairUp(browser);
  await addItem(mentee, "Read the leadership book");
  await expect(mentor.getByText("Read the leadership book")).toBeVisible({ timeout: 10_000 });

  await mentee.getByRole("link", { name: "Menno Mentee", exact: true }).click();
  await expect(mentee.getByRole("heading", { name: "Delete account" })).toBeVisible();
  await expect(mentee.getByText("Your private notes and drafts are erased.")).toBeVisible();
  await mentee.getByLabel("Your password, to confirm").fill("not my password");
  await mentee.getByRole("button", { name: "Delete my account for good" }).click();
  await expect(mentee.getByText("That is not your current password.")).toBeVisible();

  await mentee.getByLabel("Your password, to confirm").fill("correct horse battery");
  await mentee.getByRole("button", { name: "Delete my account for good" }).click();
  await expect(mentee.getByRole("navigation").getByRole("link", { name: "Sign in" })).toBeVisible();
  // The device's clock id is no one's data; sign-out keeps it too.
  const kept = await mentee.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith("tandem.") && k !== "tandem.node"),
  );
  expect(kept).toEqual([]);
  await expect.poll(() => storedRecords(mentee)).toEqual([]);

  await expect(mentor.getByText("Former member (mentee)")).toBeVisible({ timeout: 10_000 });
  await expect(mentor.getByText(/This relationship ended on/)).toBeVisible();
  await expect(mentor.getByText("Read the leadership book")).toBeVisible();
  await mentor.reload();
  await ready(mentor);
  await expect(mentor.getByText("Former member (mentee)")).toBeVisible();

  expect(problems.flat()).toEqual([]);
  await mentorContext.close();
  await menteeContext.close();
});

test("an account is deleted from the account page in Dutch on a phone", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "nl-NL" });
  const page = await context.newPage();
  await page.goto("/signup");
  await ready(page);
  const email = `bo-${Date.now()}@example.com`;
  await page.getByLabel("Je naam").fill("Bo");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill("correct horse battery");
  await page.getByRole("button", { name: "Account aanmaken" }).click();
  await page.getByRole("link", { name: "Bo", exact: true }).click();
  await page.getByRole("button", { name: "Mijn account definitief verwijderen" }).click();
  await expect(page.getByText("Vul dit in.")).toBeVisible();
  await page.getByLabel("Je wachtwoord, ter bevestiging").fill("correct horse battery");
  await page.getByRole("button", { name: "Mijn account definitief verwijderen" }).click();
  await expect(page.getByRole("navigation").getByRole("link", { name: "Inloggen" })).toBeVisible();

  await page.goto("/signin");
  await ready(page);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill("correct horse battery");
  await page.getByRole("button", { name: "Inloggen", exact: true }).click();
  await expect(page.getByText("E-mailadres of wachtwoord is onjuist.")).toBeVisible();
  await context.close();
});
