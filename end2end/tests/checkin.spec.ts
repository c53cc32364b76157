import { expect, Page } from "@playwright/test";
import { pairUp, ready, test } from "./helpers";

const USEFUL = "What was useful about our conversation today?";
const NEXT = "What are your next steps — what will you do, learn or explore before our next conversation?";
const CHANGE = "What should we change for our next conversation, or which areas do we want to focus on?";

const pad = (n: number) => String(n).padStart(2, "0");
const day = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const clock = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** Session 1 under way now, session 2 a week on; returns session 2's day. */
async function planTwoSessions(page: Page, words = { add: "Add a session", date: "Date", starts: "Starts", ends: "Ends", save: "Save session" }) {
  const now = new Date();
  const start = new Date(now.getTime() - 50 * 60_000);
  const end = new Date(now.getTime() + 10 * 60_000);
  test.skip(day(start) !== day(end), "the first session would cross midnight");
  const nextWeek = new Date(now.getTime() + 7 * 86_400_000);
  for (const [date, from, to] of [
    [day(now), clock(start), clock(end)],
    [day(nextWeek), "18:00", "19:00"],
  ]) {
    await page.getByRole("button", { name: words.add }).click();
    await page.getByLabel(words.date, { exact: true }).fill(date);
    await page.getByLabel(words.starts).fill(from);
    await page.getByLabel(words.ends).fill(to);
    await page.getByRole("button", { name: words.save }).click();
  }
  return day(nextWeek);
}

async function openRoadmap(page: Page, link = "Open the roadmap") {
  await page.getByRole("link", { name: link }).click();
  await expect(page).toHaveURL(/\/roadmap$/);
  await ready(page);
}

async function openSession(page: Page, name: string) {
  await page.getByRole("link", { name }).click();
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]+$/);
  await ready(page);
}

test("both answer the check-in on their own devices and see each other's answers within two seconds", async ({ browser }) => {
  // A whole cycle: plan, answer, go offline and back, act on the answers, follow through.
  test.slow();
  const { mentor, mentee, mentorContext, problems } = await pairUp(browser);
  const relationship = mentee.url();
  await openRoadmap(mentee);
  const nextDay = await planTwoSessions(mentee);
  await openRoadmap(mentor);
  await expect(mentor.getByRole("link", { name: "Notes and check-in of session 1" })).toBeVisible({ timeout: 10_000 });
  await openSession(mentor, "Notes and check-in of session 1");
  await openSession(mentee, "Notes and check-in of session 1");
  await expect(mentee.getByRole("heading", { level: 1 })).toHaveText(/^Session 1: /);

  const theirs = (page: Page, name: string) => page.getByRole("region", { name: `Answers of ${name}` });
  await mentee.getByLabel(USEFUL).fill("Hearing how you prepare a talk");
  await expect(theirs(mentor, "Menno Mentee").getByText("Hearing how you prepare a talk")).toBeVisible({ timeout: 2_000 });
  await mentor.getByLabel(USEFUL).fill("Your questions about feedback");
  await expect(theirs(mentee, "Mira Mentor").getByText("Your questions about feedback")).toBeVisible({ timeout: 2_000 });
  await mentee.getByLabel(NEXT).fill("Update my CV");
  await mentee.getByLabel(CHANGE).fill("Practise a job interview");
  await mentee.getByRole("radio", { name: "4 out of 5" }).check();
  await mentee.getByRole("radio", { name: "Good fit", exact: true }).check();
  await expect(theirs(mentor, "Menno Mentee").getByText("Rated 4 out of 5.")).toBeVisible({ timeout: 2_000 });

  // The mentor's answer, written offline, arrives when the mentor's device reconnects.
  await mentorContext.setOffline(true);
  await mentor.getByLabel(NEXT).fill("Send Menno two articles on interviews");
  await mentee.waitForTimeout(3_000);
  await expect(theirs(mentee, "Mira Mentor").getByText("Send Menno two articles on interviews")).toHaveCount(0);
  await mentorContext.setOffline(false);
  await expect(theirs(mentee, "Mira Mentor").getByText("Send Menno two articles on interviews")).toBeVisible({ timeout: 10_000 });

  // One tap each: the next steps become Menno's action item, the focus an agenda item of session 2.
  await theirs(mentor, "Menno Mentee").getByRole("button", { name: "Make the next steps of Menno Mentee an action item" }).click();
  const mine = mentee.getByRole("region", { name: "Your answers" });
  await expect(mine.getByText("Made an action item.")).toBeVisible({ timeout: 10_000 });
  await expect(mine.getByRole("button", { name: "Make my next steps an action item" })).toHaveCount(0);
  await mine.getByRole("button", { name: "Add my focus to the agenda of session 2" }).click();
  await expect(mine.getByText("Put on the agenda of session 2.")).toBeVisible();

  await mentee.goto(relationship);
  await ready(mentee);
  const item = mentee.getByRole("listitem").filter({ hasText: "Update my CV" });
  await expect(item).toHaveCount(1);
  const [y, , d] = nextDay.split("-").map(Number);
  await expect(item).toContainText(new RegExp(`Due ${d} \\S+ ${y}`));
  // Follow-through: nothing is due yet; ticking the item keeps it on time, for both to see.
  const followed = (page: Page) => page.getByRole("region", { name: "Follow-through" });
  await expect(followed(mentee).getByRole("listitem").first()).toHaveText("You: nothing due yet");
  await item.getByRole("checkbox", { name: "Update my CV" }).click();
  await expect(followed(mentee).getByRole("listitem").first()).toHaveText(
    "You: 1 of 1 on time in the last 90 days · 1 of 1 overall",
  );
  await mentor.goto(relationship);
  await ready(mentor);
  await expect(followed(mentor).getByRole("listitem").filter({ hasText: "Menno Mentee" })).toHaveText(
    "Menno Mentee: 1 of 1 on time in the last 90 days · 1 of 1 overall",
    { timeout: 10_000 },
  );
  await openRoadmap(mentee);
  const session2 = mentee.getByRole("listitem").filter({ has: mentee.getByRole("heading", { name: /^Session 2:/ }) });
  await expect(session2.getByRole("checkbox", { name: "Practise a job interview" })).toBeVisible();
  expect(problems.flat()).toEqual([]);
});

test("shared notes reach the partner and private notes never do", async ({ browser }) => {
  const { mentor, mentee, problems } = await pairUp(browser);
  await openRoadmap(mentee);
  await planTwoSessions(mentee);
  await openRoadmap(mentor);
  await expect(mentor.getByRole("link", { name: "Notes and check-in of session 1" })).toBeVisible({ timeout: 10_000 });
  await openSession(mentor, "Notes and check-in of session 1");
  await openSession(mentee, "Notes and check-in of session 1");
  await mentor.getByLabel("Shared notes").fill("Menno wants to move into team lead roles.");
  await mentor.getByLabel("My private notes").fill("Ask about the reorganisation next time.");
  await expect(mentee.getByLabel("Shared notes")).toHaveValue("Menno wants to move into team lead roles.", { timeout: 5_000 });
  await mentee.waitForTimeout(3_000);
  await expect(mentee.getByLabel("My private notes")).toHaveValue("");
  await mentee.reload();
  await ready(mentee);
  await expect(mentee.getByLabel("Shared notes")).toHaveValue("Menno wants to move into team lead roles.");
  await expect(mentee.getByLabel("My private notes")).toHaveValue("");
  await expect(mentee.getByText("Ask about the reorganisation")).toHaveCount(0);
  expect(problems.flat()).toEqual([]);
});

test("answers typed in for the partner show as typed on that device, and become theirs once they answer", async ({ browser }) => {
  const { mentor, mentee, problems } = await pairUp(browser);
  await openRoadmap(mentee);
  await planTwoSessions(mentee);
  await openSession(mentee, "Notes and check-in of session 1");
  await mentee.getByRole("radio", { name: "Mira Mentor" }).check();
  await mentee.getByLabel(USEFUL).fill("Menno's good questions");
  const hers = mentee.getByRole("region", { name: "Answers of Mira Mentor" });
  await expect(hers.getByText("Typed in on your device")).toBeVisible();

  await openRoadmap(mentor);
  await expect(mentor.getByRole("link", { name: "Notes and check-in of session 1" })).toBeVisible({ timeout: 10_000 });
  await openSession(mentor, "Notes and check-in of session 1");
  const mine = mentor.getByRole("region", { name: "Your answers" });
  await expect(mine.getByText("Menno's good questions")).toBeVisible({ timeout: 10_000 });
  await expect(mine.getByText("Typed in on the device of Menno Mentee")).toBeVisible();
  await expect(mentor.getByLabel(USEFUL)).toHaveValue("Menno's good questions");
  await mentor.getByLabel(NEXT).fill("Send two articles");
  await expect(mine.getByText("Typed in on the device of Menno Mentee")).toHaveCount(0);
  await expect(mine.getByText("Menno's good questions")).toBeVisible();
  await expect(hers.getByText("Send two articles")).toBeVisible({ timeout: 10_000 });
  await expect(hers.getByText("Typed in on your device")).toHaveCount(0);
  expect(problems.flat()).toEqual([]);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("in Dutch, the pair takes turns answering on one device and the roadmap shows the check-in", async ({ browser }) => {
    const { mentee, problems } = await pairUp(browser);
    await mentee.setViewportSize({ width: 360, height: 740 });
    await mentee.getByLabel("Language").selectOption("nl");
    await openRoadmap(mentee, "Naar de routekaart");
    await mentee.getByRole("button", { name: "Een sessie toevoegen" }).click();
    await mentee.getByLabel("Datum", { exact: true }).fill("2026-01-06");
    await mentee.getByLabel("Begint").fill("18:00");
    await mentee.getByLabel("Eindigt").fill("19:00");
    await mentee.getByRole("button", { name: "Sessie opslaan" }).click();
    const past = mentee.getByRole("region", { name: "Eerdere sessies" });
    await expect(past.getByText("Check-in ontbreekt")).toBeVisible();
    await openSession(mentee, "Notities en check-in van sessie 1");

    const useful = mentee.getByLabel("Wat was er nuttig aan ons gesprek vandaag?");
    await useful.fill("De oefening met feedback");
    await mentee.getByRole("radio", { name: "Mira Mentor" }).check();
    await expect(useful).toHaveValue("");
    await useful.fill("Menno's goede vragen");
    await mentee.getByRole("radio", { name: "5 van 5" }).check();
    await mentee.getByRole("radio", { name: "Nog niet zeker" }).check();
    const hers = mentee.getByRole("region", { name: "Antwoorden van Mira Mentor" });
    await expect(hers.getByText("Menno's goede vragen")).toBeVisible();
    await expect(hers.getByText("Beoordeeld met 5 van 5.")).toBeVisible();
    await expect(hers.getByText("Nog niet zeker")).toBeVisible();
    await expect(hers.getByText("Ingevuld op jouw apparaat")).toBeVisible();
    await expect(mentee.getByRole("region", { name: "Jouw antwoorden" }).getByText("De oefening met feedback")).toBeVisible();
    await mentee.getByRole("radio", { name: "Jij" }).check();
    await expect(useful).toHaveValue("De oefening met feedback");
    const width = await mentee.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);

    await mentee.getByRole("link", { name: "Routekaart" }).click();
    await ready(mentee);
    await expect(past.getByText("Check-in: jij en Mira Mentor (5 van 5)")).toBeVisible();
    await expect(past.getByText("Check-in ontbreekt")).toHaveCount(0);
    expect(problems.flat()).toEqual([]);
  });
});

test("a session serves the goals ticked on its page, and the goals are offered as themes", async ({ browser }) => {
  const { mentor, mentee, problems } = await pairUp(browser);
  const relationship = mentee.url();
  await mentee.getByRole("link", { name: "Open the goals" }).click();
  await ready(mentee);
  await mentee.getByRole("button", { name: "New goal" }).click();
  await mentee.getByLabel("Short title").fill("Find a new role");
  await mentee.getByRole("radio", { name: "Milestones" }).check();
  await mentee.getByLabel("Milestone 1").fill("Update the CV");
  await mentee.getByLabel("Target date").fill(day(new Date(Date.now() + 90 * 86_400_000)));
  await mentee.getByRole("button", { name: "Save goal" }).click();
  await expect(mentee.getByRole("progressbar", { name: "Progress" })).toBeVisible();
  await mentee.goto(relationship);
  await ready(mentee);
  await openRoadmap(mentee);
  await planTwoSessions(mentee);
  await expect(mentee.getByText(/^Themes to choose from, in every theme field: Find a new role · Industry trends/)).toBeVisible();

  await openSession(mentee, "Notes and check-in of session 2");
  const goals = mentee.getByRole("region", { name: "Goals this session serves" });
  await goals.getByRole("checkbox", { name: "Find a new role" }).check();
  await goals.getByRole("button", { name: "Make it the theme: Find a new role" }).click();
  await expect(mentee.getByRole("main").getByText("Find a new role", { exact: true }).first()).toBeVisible();

  await mentor.goto(relationship);
  await ready(mentor);
  await openRoadmap(mentor);
  await expect(mentor.getByLabel("Theme of session 2")).toHaveValue("Find a new role", { timeout: 10_000 });
  await openSession(mentor, "Notes and check-in of session 2");
  await expect(
    mentor.getByRole("region", { name: "Goals this session serves" }).getByRole("checkbox", { name: "Find a new role" }),
  ).toBeChecked({ timeout: 10_000 });
  expect(problems.flat()).toEqual([]);
});
