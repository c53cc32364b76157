import { expect } from "@playwright/test";
import { pairUp, ready, test } from "./helpers";

test("a relationship ends with each goal's final status and a reflection the partner reads, and answers one of their own after the end", async ({
  browser,
}) => {
  const { mentor, mentee, problems } = await pairUp(browser);
  const relationship = mentee.url();
  await mentee.getByRole("link", { name: "Open the goals" }).click();
  await ready(mentee);
  for (const title of ["Give a talk", "Find a new role"]) {
    await mentee.getByRole("button", { name: "New goal" }).click();
    await mentee.getByLabel("Short title").fill(title);
    await mentee.getByRole("button", { name: "Save goal" }).click();
    await expect(mentee.getByRole("heading", { name: title })).toBeVisible();
  }
  await mentee.goto(relationship);
  await ready(mentee);

  await mentee.getByRole("button", { name: "End relationship" }).click();
  await expect(mentee.getByRole("heading", { name: "Closing the relationship" })).toBeVisible();
  // Every open goal needs its final status first.
  await mentee.getByRole("button", { name: "Yes, end it" }).click();
  await expect(mentee.getByText("Choose how each goal ended first.")).toBeVisible();
  const talk = mentee.getByRole("group", { name: "Give a talk" });
  await expect(talk).toHaveAccessibleDescription("Choose how this goal ended.");
  await talk.getByRole("radio", { name: "Achieved" }).check();
  await mentee.getByRole("group", { name: "Find a new role" }).getByRole("radio", { name: "Partly" }).check();
  await mentee.getByLabel("What did you gain from this relationship?").fill("The courage to speak up.");
  await mentee.getByLabel("What would you do differently?").fill("Meet more often.");
  await mentee.getByRole("radio", { name: "4 out of 5" }).check();
  await mentee.getByRole("button", { name: "Yes, end it" }).click();
  await expect(mentee.getByText(/^Ended /)).toBeVisible();
  await expect(mentee.getByRole("button", { name: "End relationship" })).toHaveCount(0);

  // The partner sees it ended, the goals' final status and the reflection, and writes theirs.
  await expect(mentor.getByText(/^Ended /)).toBeVisible({ timeout: 5_000 });
  await mentor.getByRole("link", { name: "Write your closing reflection" }).click();
  await ready(mentor);
  await expect(mentor.getByText("Give a talk — Achieved")).toBeVisible();
  await expect(mentor.getByText("Find a new role — Partly achieved")).toBeVisible();
  await expect(mentor.getByRole("heading", { name: "Reflection of Menno Mentee" })).toBeVisible();
  await expect(mentor.getByText("The courage to speak up.")).toBeVisible();
  await expect(mentor.getByText("Rated 4 out of 5.")).toBeVisible();
  await mentor.getByLabel("What did you gain from this relationship?").fill("A fresh view on my own work.");
  const status = mentor.getByRole("button", { name: /^Sync status:/ });
  await expect(status).toHaveAccessibleName("Sync status: All saved", { timeout: 5_000 });

  await mentee.getByRole("link", { name: "Read the closing reflections" }).click();
  await ready(mentee);
  await expect(mentee.getByRole("heading", { name: "Reflection of Mira Mentor" })).toBeVisible();
  await expect(mentee.getByText("A fresh view on my own work.")).toBeVisible({ timeout: 5_000 });
  await expect(mentee.getByLabel("What did you gain from this relationship?")).toHaveValue("The courage to speak up.");
  expect(problems.flat()).toEqual([]);
});

test("in Dutch, on a phone, ending asks for the goals' final status and a reflection", async ({ browser }) => {
  const { mentee, problems } = await pairUp(browser);
  await mentee.setViewportSize({ width: 360, height: 740 });
  await mentee.getByLabel("Language").selectOption("nl");
  await mentee.getByRole("button", { name: "Relatie beëindigen" }).click();
  await expect(mentee.getByRole("heading", { name: "De relatie afsluiten" })).toBeVisible();
  await expect(mentee.getByText("Er staat geen doel meer open.")).toBeVisible();
  await mentee.getByLabel("Wat heeft deze relatie je opgeleverd?").fill("Rust in mijn hoofd.");
  await mentee.getByRole("radio", { name: "5 van 5" }).check();
  await mentee.getByRole("button", { name: "Ja, beëindigen" }).click();
  await expect(mentee.getByText(/^Beëindigd op /)).toBeVisible();
  await mentee.getByRole("link", { name: "Lees de afsluitende reflecties" }).click();
  await expect(mentee.getByLabel("Wat heeft deze relatie je opgeleverd?")).toHaveValue("Rust in mijn hoofd.");
  expect(problems.flat()).toEqual([]);
});
