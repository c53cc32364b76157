import { expect, Page } from "@playwright/test";
import { pairUp, ready, test } from "./helpers";

/** A date `days` from today as a date field takes it. */
function inDays(days: number) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function openGoals(page: Page, link = "Open the goals") {
  await page.getByRole("link", { name: link }).click();
  await expect(page).toHaveURL(/\/goals$/);
  await ready(page);
}

test("the mentee logs progress offline and the mentor sees the bar, the pace and the chart without reloading", async ({
  browser,
}) => {
  const { mentor, mentee, menteeContext, problems } = await pairUp(browser);
  await openGoals(mentor);
  await openGoals(mentee);

  await mentee.getByRole("button", { name: "New goal" }).click();
  const checklist = mentee.getByRole("group", { name: "SMART checklist" });
  await expect(checklist.getByText("Measurable: missing")).toBeVisible();
  await mentee.getByLabel("Short title").fill("Give talks");
  await mentee.getByLabel("What exactly do you want to achieve?").fill("Talks about testing at local meetups");
  await mentee.getByLabel("Start value").fill("0");
  await mentee.getByLabel("Target value").fill("six");
  await mentee.getByLabel("Measured in (such as talks or kg)").fill("talks");
  await mentee.getByLabel("Why is it achievable?").fill("Two meetups a month in town");
  await mentee.getByLabel("Why does it matter now?").fill("Speaking is part of the senior role");
  await mentee.getByLabel("Target date").fill(inDays(-1));
  await mentee.getByRole("button", { name: "Save goal" }).click();
  await expect(mentee.getByText("Enter a number, such as 6 or 79.5.")).toBeVisible();
  await mentee.getByLabel("Target value").fill("0");
  await mentee.getByRole("button", { name: "Save goal" }).click();
  await expect(mentee.getByText("The target must differ from the start value.")).toBeVisible();
  await mentee.getByLabel("Target value").fill("6");
  await mentee.getByRole("button", { name: "Save goal" }).click();
  await expect(mentee.getByText("A new goal needs a date in the future.")).toBeVisible();
  await expect(mentee.getByLabel("Short title")).toHaveValue("Give talks");
  await mentee.getByLabel("Target date").fill(inDays(60));
  await expect(checklist.getByText("Time-bound: done")).toBeVisible();
  await mentee.getByRole("button", { name: "Save goal" }).click();
  await expect(mentee.getByRole("heading", { name: "Give talks" })).toBeVisible();

  await menteeContext.setOffline(true);
  for (const value of ["1", "2"]) {
    await mentee.getByLabel("New value").fill(value);
    await mentee.getByRole("button", { name: "Save progress" }).click();
  }
  await expect(mentee.getByRole("progressbar", { name: "Progress" })).toHaveAttribute("aria-valuetext", "2 of 6 talks");
  await menteeContext.setOffline(false);
  await expect(mentee.getByRole("button", { name: "Sync status: All saved" })).toBeVisible({ timeout: 10_000 });

  await expect(mentor.getByRole("heading", { name: "Give talks" })).toBeVisible({ timeout: 10_000 });
  const bar = mentor.getByRole("progressbar", { name: "Progress" });
  await expect(bar).toHaveAttribute("aria-valuetext", "2 of 6 talks", { timeout: 10_000 });
  await expect(bar).toHaveAttribute("aria-valuenow", "33");
  await expect(mentor.getByText("On track: ahead by 2 talks")).toBeVisible();
  await expect(mentor.getByRole("img", { name: /^Progress over time: 0 on .*, 1 on .*, 2 on .*\. Aim: 6 talks by / })).toBeVisible();
  expect(problems.flat()).toEqual([]);
});

test("a goal measured by milestones is ticked in updates, and updates and goals can be edited and deleted", async ({
  browser,
}) => {
  const { mentor, mentee, menteeContext, problems } = await pairUp(browser);
  await openGoals(mentor);
  await openGoals(mentee);

  await mentee.getByRole("button", { name: "New goal" }).click();
  await mentee.getByLabel("Short title").fill("Find a new role");
  await mentee.getByRole("radio", { name: "Milestones" }).check();
  await mentee.getByLabel("Milestone 1").fill("Update the CV");
  await mentee.getByRole("button", { name: "Add a milestone" }).click();
  await mentee.getByLabel("Milestone 2").fill("Apply to five places");
  await mentee.getByRole("button", { name: "Add a milestone" }).click();
  await mentee.getByLabel("Milestone 3").fill("Not this one");
  await mentee.getByRole("button", { name: "Remove milestone number 3" }).click();
  await expect(mentee.getByRole("group", { name: "SMART checklist" }).getByText("Measurable: done")).toBeVisible();
  await mentee.getByLabel("Target date").fill(inDays(90));
  await mentee.getByRole("button", { name: "Save goal" }).click();
  const bar = (page: Page) => page.getByRole("progressbar", { name: "Progress" });
  await expect(bar(mentee)).toHaveAttribute("aria-valuetext", "0 of 2 milestones");
  await expect(mentee.getByRole("listitem").filter({ hasText: "Not this one" })).toHaveCount(0);

  await menteeContext.setOffline(true);
  await mentee.getByRole("button", { name: "Save progress" }).click();
  await expect(mentee.getByText("Give a new value, tick a milestone or write a note.")).toBeVisible();
  await mentee.getByRole("checkbox", { name: "Update the CV" }).check();
  await mentee.getByLabel("Note (optional)").fill("Sent it to three friends");
  await mentee.getByRole("button", { name: "Save progress" }).click();
  await expect(bar(mentee)).toHaveAttribute("aria-valuetext", "1 of 2 milestones");
  await expect(mentee.getByRole("checkbox", { name: "Update the CV" })).toHaveCount(0);
  await mentee.getByLabel("Note (optional)").fill("Talked about interviews");
  await mentee.getByRole("button", { name: "Save progress" }).click();
  await menteeContext.setOffline(false);

  const update = (page: Page, text: string) => page.getByRole("listitem").filter({ hasText: text });
  await expect(update(mentor, "reached: Update the CV · Sent it to three friends")).toBeVisible({ timeout: 10_000 });
  await expect(bar(mentor)).toHaveAttribute("aria-valuetext", "1 of 2 milestones");
  await expect(mentor.getByText(/^Update the CV: done on /)).toBeVisible();

  await update(mentor, "Talked about interviews").getByRole("button", { name: /^Edit the update of / }).click();
  await mentor.getByLabel("Note (optional)").fill("Talked about interviews and salaries");
  await mentor.getByRole("button", { name: "Save progress" }).click();
  await expect(update(mentee, "Talked about interviews and salaries")).toBeVisible({ timeout: 10_000 });

  await update(mentee, "reached: Update the CV").getByRole("button", { name: /^Delete the update of / }).click();
  await mentee.getByRole("button", { name: "Delete this update" }).click();
  await expect(bar(mentee)).toHaveAttribute("aria-valuetext", "0 of 2 milestones");
  await expect(bar(mentor)).toHaveAttribute("aria-valuetext", "0 of 2 milestones", { timeout: 10_000 });
  await expect(mentor.getByRole("checkbox", { name: "Update the CV" })).toBeVisible();

  await mentor.getByRole("button", { name: "Edit goal" }).click();
  await expect(mentor.getByLabel("Milestone 2")).toHaveValue("Apply to five places");
  await mentor.getByLabel("Milestone 2").fill("Apply to six places");
  await mentor.getByRole("button", { name: "Save goal" }).click();
  await expect(mentee.getByRole("checkbox", { name: "Apply to six places" })).toBeVisible({ timeout: 10_000 });

  // What is typed for the next update survives editing the goal meanwhile.
  await mentee.getByLabel("Note (optional)").fill("Half-written");
  await mentee.getByRole("button", { name: "Edit goal" }).click();
  await expect(mentee.getByLabel("Note (optional)")).toHaveCount(0);
  await mentee.getByRole("button", { name: "Cancel" }).click();
  await expect(mentee.getByLabel("Note (optional)")).toHaveValue("Half-written");

  await mentee.getByRole("button", { name: "Delete this goal" }).click();
  await mentee.getByRole("button", { name: "Delete the goal" }).click();
  await expect(mentee.getByText("No goals yet.")).toBeVisible();
  await expect(mentor.getByRole("heading", { name: "Find a new role" })).toHaveCount(0, { timeout: 10_000 });
  expect(problems.flat()).toEqual([]);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("in Dutch, a goal is made with a decreasing target, achieved, and kept in the history", async ({ browser }) => {
    const { mentee, problems } = await pairUp(browser);
    await mentee.setViewportSize({ width: 360, height: 740 });
    await mentee.getByLabel("Language").selectOption("nl");
    await openGoals(mentee, "Naar de doelen");
    await mentee.getByRole("button", { name: "Nieuw doel" }).click();
    await mentee.getByLabel("Korte titel").fill("Afvallen");
    await mentee.getByLabel("Beginwaarde").fill("80");
    await mentee.getByLabel("Streefwaarde").fill("75,5");
    await mentee.getByLabel("Gemeten in (zoals praatjes of kg)").fill("kg");
    await mentee.getByLabel("Streefdatum").fill(inDays(30));
    await mentee.getByRole("button", { name: "Doel opslaan" }).click();
    await expect(mentee.getByText(/^Ontbreekt nog: Specifiek, Haalbaar, Relevant$/)).toBeVisible();

    await mentee.getByLabel("Nieuwe waarde").fill("zes");
    await mentee.getByRole("button", { name: "Voortgang opslaan" }).click();
    await expect(mentee.getByText("Vul een getal in, zoals 6 of 79,5.")).toBeVisible();
    await mentee.getByLabel("Nieuwe waarde").fill("81");
    await mentee.getByRole("button", { name: "Voortgang opslaan" }).click();
    await expect(mentee.getByRole("progressbar", { name: "Voortgang" })).toHaveAttribute("aria-valuetext", "81 van 75.5 kg");
    await expect(mentee.getByText(/kg achter/)).toBeVisible();
    const width = await mentee.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);

    await mentee.getByRole("button", { name: "Markeren als bereikt" }).click();
    await expect(mentee.getByRole("heading", { name: "Bereikt en losgelaten" })).toBeVisible();
    await expect(mentee.getByText("Afvallen — Bereikt")).toBeVisible();
    await mentee.getByRole("button", { name: "Afvallen heropenen" }).click();
    await expect(mentee.getByRole("heading", { name: "Afvallen" })).toBeVisible();
    await expect(mentee.getByRole("heading", { name: "Bereikt en losgelaten" })).toHaveCount(0);
    expect(problems.flat()).toEqual([]);
  });
});
