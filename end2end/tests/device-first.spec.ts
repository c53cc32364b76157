import { expect } from "@playwright/test";
import { addItem, pairUp, ready, test } from "./helpers";

test("after one online visit, every relationship opens offline from the home screen and back", async ({
  browser,
}) => {
  const { mentor, mentorContext, problems } = await pairUp(browser);
  // A second relationship, still waiting for its mentee.
  await mentor.goto("/");
  await ready(mentor);
  await mentor.getByLabel("I am the mentor").check();
  await mentor.getByLabel("Title (optional)").fill("Second cohort");
  await mentor.getByRole("button", { name: "Create invite link" }).click();
  await expect(mentor.getByRole("heading", { name: "Second cohort" })).toBeVisible();
  await mentor.getByRole("link", { name: "Back to your relationships" }).click();
  await expect(mentor.getByRole("link", { name: /^Second cohort/ })).toBeVisible();
  await mentor.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });

  await mentorContext.setOffline(true);
  const visits: [RegExp, string][] = [
    [/^Mentoring with Menno Mentee/, "Menno Mentee (mentee)"],
    [/^Second cohort/, "Not yet: the invite is still open"],
  ];
  for (const [card, partner] of visits) {
    await mentor.getByRole("link", { name: card }).click();
    await expect(mentor.getByText(partner)).toBeVisible();
    await expect(mentor.getByText("Could not reach Tandem", { exact: false })).toHaveCount(0);
    await mentor.getByRole("link", { name: "Back to your relationships" }).click();
    await expect(mentor.getByRole("link", { name: /^Second cohort/ })).toBeVisible();
    await expect(mentor.getByText("Could not reach Tandem", { exact: false })).toHaveCount(0);
  }
  // A reload offline shows what the device knows, not only what the kept page held.
  await mentor.reload();
  await ready(mentor);
  await expect(mentor.getByRole("link", { name: /^Second cohort/ })).toBeVisible();
  await expect(mentor.getByRole("link", { name: /^Mentoring with Menno Mentee/ })).toBeVisible();
  // The action items of the paired relationship are there too.
  await mentor.getByRole("link", { name: /^Mentoring with Menno Mentee/ }).click();
  await expect(mentor.getByRole("heading", { name: "Action items" })).toBeVisible();
  await expect(mentor.getByLabel("New action item")).toBeVisible();
  await mentorContext.setOffline(false);
  expect(problems.flat()).toEqual([]);
});

test("a relationship the partner ends turns read-only on the open page within seconds, without a reload", async ({ browser }) => {
  const { mentor, mentee } = await pairUp(browser);
  await addItem(mentee, "Read chapter 3");
  await expect(mentor.getByRole("checkbox", { name: "Read chapter 3" })).toBeVisible({ timeout: 5000 });

  // The mentee is editing the item when it happens.
  await mentee.getByRole("button", { name: "Edit “Read chapter 3”" }).click();
  await expect(mentee.getByLabel("Title", { exact: true })).toBeVisible();
  await mentor.getByRole("button", { name: "End relationship" }).click();
  await mentor.getByRole("button", { name: "Yes, end it" }).click();
  await expect(mentor.getByText(/^Ended /)).toBeVisible();

  // The server tells the partner's open devices at once: as fast as a record change, not at
  // the next refresh of the list (6.6–8.5 s before it did).
  await expect(mentee.getByText(/^Ended /)).toBeVisible({ timeout: 3_000 });
  await expect(mentee.getByLabel("New action item")).toHaveCount(0);
  await expect(mentee.getByLabel("Title", { exact: true })).toHaveCount(0);
  await expect(mentee.getByRole("checkbox", { name: "Read chapter 3" })).toBeDisabled();
  await expect(mentee.getByRole("button", { name: "Edit “Read chapter 3”" })).toHaveCount(0);
  await expect(mentee.getByRole("button", { name: "End relationship" })).toHaveCount(0);
  // Every page of it says why nothing can be changed, and its locked controls say so too.
  const why = /^This relationship ended on .*\. Everything stays readable; nothing more can be changed\.$/;
  await expect(mentee.getByRole("status").filter({ hasText: why })).toBeVisible();
  await mentee.getByRole("link", { name: "Open the agreement" }).click();
  await expect(mentee.getByRole("status").filter({ hasText: why })).toBeVisible();
  await expect(mentee.getByLabel("How often", { exact: true })).toHaveAccessibleDescription(why);
});
