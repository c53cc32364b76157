import { expect, Page } from "@playwright/test";
import { pairUp, ready, test } from "./helpers";

async function openAgreement(page: Page) {
  await page.getByRole("link", { name: "Open the agreement" }).click();
  await expect(page).toHaveURL(/\/agreement$/);
  await ready(page);
  await expect(page.getByLabel("What do I see as my role?", { exact: true })).toBeEditable();
}

test("both fill in and sign the agreement, and a later change withdraws both signatures and shows what changed", async ({
  browser,
}) => {
  const { mentor, mentee, problems } = await pairUp(browser);
  await openAgreement(mentor);
  await openAgreement(mentee);

  await mentee.getByLabel("What do I see as my role?", { exact: true }).fill("Bring questions and do the homework");
  await mentee.getByLabel("Which areas does the mentoring cover?").fill("Moving into a lead role");
  await mentee.getByLabel("How often").selectOption({ label: "Weekly" });
  await mentee.getByLabel("Preferred day").selectOption({ label: "Tuesday" });
  await mentee.getByLabel("Preferred time").fill("18:00");
  await mentee.getByLabel("How long").selectOption({ label: "60 minutes" });
  await mentee.getByLabel("Place or video link").fill("Café Noord");
  await mentee.getByLabel("E-mail").check();
  await mentor.getByLabel("What do I see as my role?", { exact: true }).fill("Listen, ask, share what I learned");

  // Each sees the other's edits, then signs what they see.
  await expect(mentor.getByLabel("How often")).toHaveValue('"weekly"', { timeout: 10_000 });
  await expect(mentor.getByLabel("Menno Mentee — What do I see as my role?")).toHaveValue(
    "Bring questions and do the homework",
  );
  await expect(mentee.getByLabel("Mira Mentor — What do I see as my role?")).toHaveValue(
    "Listen, ask, share what I learned",
    { timeout: 10_000 },
  );
  // Signing the moment the partner's change arrives signs what was there before it.
  await expect(mentor.getByLabel("E-mail")).toBeChecked({ timeout: 10_000 });
  await mentee.getByLabel("Preferred day").selectOption({ label: "Thursday" });
  await expect(mentor.getByLabel("Preferred day")).toHaveValue('"thu"', { timeout: 10_000 });
  await mentor.getByRole("button", { name: "Sign this version" }).click();
  await expect(
    mentor.getByText("Your signature is for an earlier version: the day changed since. Read it again and sign if it is right."),
  ).toBeVisible();
  await expect(mentor.getByText("You: signed an earlier version.")).toBeVisible();
  // Read, then signed.
  await mentor.waitForTimeout(3000);
  await mentor.getByRole("button", { name: "Sign this version" }).click();
  await expect(mentee.getByText("Mira Mentor: signed this version on")).toBeVisible({ timeout: 10_000 });
  await mentee.getByRole("button", { name: "Sign this version" }).click();
  for (const page of [mentor, mentee]) {
    await expect(page.getByText("Signed by both: this is your agreement.")).toBeVisible({ timeout: 10_000 });
  }

  await mentor.getByLabel("How often").selectOption({ label: "Every 2 weeks" });
  for (const page of [mentor, mentee]) {
    await expect(page.getByText(/^Changed since you both signed on .*: how often you meet\. Both signatures are withdrawn/)).toBeVisible({
      timeout: 10_000,
    });
    await expect(page.getByRole("button", { name: "Sign this version" })).toBeVisible();
    await expect(page.getByText("Versions you both signed")).toBeVisible();
  }
  await expect(mentee.getByText("You: signed an earlier version.")).toBeVisible();
  await mentee.getByText(/^Signed by both on /).click();
  await expect(mentee.getByText("how often you meet: Weekly")).toBeVisible();
  await expect(mentee.getByText("how long you meet: 60 minutes")).toBeVisible();
  expect(problems.flat()).toEqual([]);
});
