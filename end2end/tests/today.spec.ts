import { expect, Page } from "@playwright/test";
import { addItem, kept, pairUp, ready, signUp, test, uniqueEmail, watchConsole } from "./helpers";

const status = (page: Page) => page.getByRole("button", { name: /^Sync status:/ });

/** A day relative to today, as a date field takes it. */
function day(offset: number) {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

async function addDue(page: Page, title: string, due: string) {
  await page.getByLabel("New action item").fill(title);
  await page.getByLabel("Due date (optional)").fill(due);
  await page.getByRole("button", { name: "Add", exact: true }).click();
}

test.use({ viewport: { width: 390, height: 844 } });

test("Today lists my open items overdue first, ticks one offline, and the tick reaches my mentor", async ({
  browser,
}) => {
  const { mentor, mentee, menteeContext, problems } = await pairUp(browser);
  await addItem(mentee, "Undated reading");
  await addDue(mentee, "Later task", day(7));
  await addDue(mentee, "Late task", day(-2));
  await addItem(mentor, "Send the article");
  await expect(status(mentee)).toHaveAccessibleName("Sync status: All saved", { timeout: 5000 });

  await mentee.getByRole("link", { name: "Tandem" }).click();
  await expect(mentee.getByRole("heading", { name: "Today", level: 1 })).toBeVisible();
  const items = mentee.getByRole("region", { name: "Your action items" }).getByRole("checkbox");
  await expect(items).toHaveCount(3);
  // The mentor's own item is not the mentee's to do.
  await expect(items.nth(0)).toHaveAccessibleName("Late task");
  await expect(items.nth(1)).toHaveAccessibleName("Later task");
  await expect(items.nth(2)).toHaveAccessibleName("Undated reading");
  await expect(
    mentee.getByRole("region", { name: "Your action items" }).getByRole("listitem").filter({ hasText: "Late task" }),
  ).toContainText("Overdue since");

  await menteeContext.setOffline(true);
  await mentee.getByRole("checkbox", { name: "Late task" }).click();
  await expect(items).toHaveCount(2);
  await expect(status(mentee)).toHaveAccessibleName("Sync status: Offline · 1 pending");
  await menteeContext.setOffline(false);
  await expect(status(mentee)).toHaveAccessibleName("Sync status: All saved", { timeout: 5000 });
  await mentor.getByText("Done (1)").click({ timeout: 5000 });
  await expect(mentor.getByRole("checkbox", { name: "Late task" })).toBeChecked({ timeout: 5000 });
  expect(problems.flat()).toEqual([]);
});

test("what needs me is counted, on the app badge too, and a dismissed line stays dismissed", async ({ browser }) => {
  const { mentee, menteeContext, problems } = await pairUp(browser);
  await menteeContext.addInitScript(() => {
    const calls: (number | null)[] = [];
    (window as any).badgeCalls = calls;
    (navigator as any).setAppBadge = (n: number) => (calls.push(n), Promise.resolve());
    (navigator as any).clearAppBadge = () => (calls.push(0), Promise.resolve());
  });
  await addDue(mentee, "Late task", day(-1));
  await expect(status(mentee)).toHaveAccessibleName("Sync status: All saved", { timeout: 5000 });
  await mentee.goto("/");
  await ready(mentee);

  const needs = mentee.getByRole("region", { name: "Needs you" });
  await expect(needs.getByRole("status")).toHaveText("1 thing needs you");
  const line = needs.getByRole("link", { name: /“Late task” has been overdue since/ });
  await expect(line).toBeVisible();
  await expect.poll(() => mentee.evaluate(() => (window as any).badgeCalls.at(-1))).toBe(1);

  await needs.getByRole("button", { name: /^Dismiss: “Late task” has been overdue/ }).click();
  await expect(needs.getByRole("status")).toHaveText("Nothing needs you right now.");
  await expect.poll(() => mentee.evaluate(() => (window as any).badgeCalls.at(-1))).toBe(0);
  await mentee.reload();
  await ready(mentee);
  await expect(mentee.getByRole("region", { name: "Needs you" }).getByRole("status")).toHaveText(
    "Nothing needs you right now.",
  );
  // The line leads to where the item is done.
  expect(await line.count()).toBe(0);

  // On any other page the badge follows every change too.
  await mentee.getByRole("link", { name: /^Mentoring with/ }).click();
  await expect(mentee.getByRole("heading", { name: "Action items" })).toBeVisible();
  await addDue(mentee, "Another late task", day(-1));
  await expect.poll(() => mentee.evaluate(() => (window as any).badgeCalls.at(-1))).toBe(1);
  await mentee.getByRole("checkbox", { name: "Another late task" }).click();
  await expect.poll(() => mentee.evaluate(() => (window as any).badgeCalls.at(-1))).toBe(0);
  expect(problems.flat()).toEqual([]);
});

test.describe("at 360 px wide, in Dutch", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("Today reads in Dutch with no horizontal scroll", async ({ browser }) => {
    const { mentee, problems } = await pairUp(browser);
    await addDue(mentee, "Een taak die te laat is met een lange titel", day(-3));
    await expect(status(mentee)).toHaveAccessibleName("Sync status: All saved", { timeout: 5000 });
    await mentee.goto("/");
    await ready(mentee);
    await mentee.getByLabel("Language").selectOption("nl");
    await expect(mentee.getByRole("heading", { name: "Vandaag", level: 1 })).toBeVisible();
    await expect(mentee.getByRole("region", { name: "Wacht op jou" }).getByRole("status")).toHaveText(
      "1 ding wacht op jou",
    );
    await expect(mentee.getByRole("region", { name: "Jouw actiepunten" }).getByRole("checkbox")).toHaveAccessibleName(
      "Een taak die te laat is met een lange titel",
    );
    await expect(mentee.getByText(/Te laat sinds/)).toBeVisible();
    const overflow = await mentee.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(problems.flat()).toEqual([]);
  });
});

test("someone with no relationship yet is led from Today to starting one", async ({ page }) => {
  await page.goto("/signup");
  await signUp(page, "Nina Nieuw", uniqueEmail("nina"));
  await expect(page.getByRole("heading", { name: "Today", level: 1 })).toBeVisible();
  await expect(page.getByText("You have no mentoring relationship yet.")).toBeVisible();
  // Nothing about items or sessions a person without a relationship cannot have.
  await expect(page.getByRole("region", { name: "Your action items" })).toHaveCount(0);
  await page.getByRole("link", { name: "Start a relationship" }).click();
  await expect(page.getByRole("region", { name: "Start a relationship" })).toBeInViewport();
  await expect(page.getByLabel("I am the mentor")).toBeVisible();
});

test("a new pair is led through the ingredients in the article's order", async ({ browser }) => {
  const { mentor, mentee, problems } = await pairUp(browser);
  await mentee.getByRole("link", { name: "Tandem" }).click();
  const step = mentee.getByRole("region", { name: "Next step" }).getByRole("link");
  // One relationship: the line does not name it.
  await expect(step).toHaveText("Prepare: what you want, what you bring, what you expect");
  await step.click();
  await expect(mentee).toHaveURL(/\/prepare$/);
  await ready(mentee);
  await mentee.getByLabel("What do I want to get out of this mentoring relationship?").fill("To lead a team");
  await mentee.getByRole("button", { name: "Share this answer" }).first().click();
  await expect(mentee.getByText("Shared with Mira Mentor.")).toBeVisible();
  await mentee.getByRole("link", { name: "Tandem" }).click();
  await expect(mentee.getByRole("region", { name: "Next step" }).getByRole("link")).toHaveText(
    "Agree: roles, scope and how often you meet, signed by both",
  );
  await mentee.getByRole("region", { name: "Next step" }).getByRole("link").click();
  await expect(mentee).toHaveURL(/\/agreement$/);
  // The mentor has not prepared: their next step is still the first.
  await mentor.getByRole("link", { name: "Tandem" }).click();
  await expect(mentor.getByRole("region", { name: "Next step" }).getByRole("link")).toHaveText(
    "Prepare: what you want, what you bring, what you expect",
  );
  expect(problems.flat()).toEqual([]);
});

test("an item added to the next session's agenda on Today reaches the partner, who sees it needs them", async ({
  browser,
}) => {
  const { mentor, mentee, problems } = await pairUp(browser);
  await mentor.getByRole("link", { name: "Open the roadmap" }).click();
  await ready(mentor);
  await mentor.getByRole("button", { name: "Add a session" }).click();
  await mentor.getByLabel("Date", { exact: true }).fill(day(3));
  await mentor.getByLabel("Starts").fill("18:00");
  await mentor.getByLabel("Ends").fill("19:00");
  await mentor.getByLabel("Theme of the new session").fill("Time management");
  await mentor.getByRole("button", { name: "Save session" }).click();
  await expect(mentor.getByRole("region", { name: "Planned sessions" }).getByRole("heading", { level: 3 })).toHaveCount(1);

  await mentee.getByRole("link", { name: "Tandem" }).click();
  const card = mentee.getByRole("region", { name: "Next session" }).getByRole("listitem").first();
  await expect(card).toContainText("Time management", { timeout: 10_000 });
  await expect(card.getByRole("heading", { level: 3 })).toHaveText(/18:00–19:00$/);
  await card.getByRole("textbox", { name: "Add to the agenda" }).fill("My first presentation");
  await card.getByRole("button", { name: "Add to the agenda" }).click();
  await expect(card.getByRole("list", { name: "Agenda" })).toContainText("My first presentation");
  await expect(card.getByRole("textbox", { name: "Add to the agenda" })).toHaveValue("");

  await mentor.getByRole("link", { name: "Tandem" }).click();
  await expect(
    mentor.getByRole("region", { name: "Needs you" }).getByRole("link", { name: "Menno Mentee put “My first presentation” on the next agenda" }),
  ).toBeVisible({ timeout: 10_000 });
  await expect(mentor.getByRole("region", { name: "Next session" }).getByRole("list", { name: "Agenda" })).toContainText(
    "My first presentation",
  );
  expect(problems.flat()).toEqual([]);
});

test("offline after one visit, Today opens from the device with its items, next session and goals", async ({
  browser,
}) => {
  const { mentor, mentee, menteeContext, problems } = await pairUp(browser);
  await addDue(mentee, "Late task", day(-1));
  await mentor.getByRole("link", { name: "Open the roadmap" }).click();
  await ready(mentor);
  await mentor.getByRole("button", { name: "Add a session" }).click();
  await mentor.getByLabel("Date", { exact: true }).fill(day(2));
  await mentor.getByLabel("Starts").fill("09:00");
  await mentor.getByLabel("Ends").fill("10:00");
  await mentor.getByLabel("Theme of the new session").fill("Feedback");
  await mentor.getByRole("button", { name: "Save session" }).click();
  await expect(status(mentor)).toHaveAccessibleName("Sync status: All saved", { timeout: 5000 });
  await mentee.getByRole("link", { name: "Open the goals" }).click();
  await ready(mentee);
  await mentee.getByRole("button", { name: "New goal" }).click();
  await mentee.getByLabel("Short title").fill("Give talks");
  await mentee.getByLabel("Start value").fill("0");
  await mentee.getByLabel("Target value").fill("6");
  await mentee.getByLabel("Measured in (such as talks or kg)").fill("talks");
  await mentee.getByLabel("Target date").fill(day(60));
  await mentee.getByRole("button", { name: "Save goal" }).click();
  await expect(mentee.getByRole("heading", { name: "Give talks" })).toBeVisible();
  await expect(status(mentee)).toHaveAccessibleName("Sync status: All saved", { timeout: 5000 });

  await mentee.getByRole("link", { name: "Tandem" }).click();
  await expect(mentee.getByRole("region", { name: "Next session" })).toContainText("Feedback", { timeout: 10_000 });
  await kept(mentee);
  await menteeContext.setOffline(true);
  await mentee.close();
  const again = await menteeContext.newPage();
  problems.push(watchConsole(again));
  await again.goto("/");
  await ready(again);
  await expect(again.getByRole("heading", { name: "Today", level: 1 })).toBeVisible();
  await expect(again.getByRole("region", { name: "Your action items" }).getByRole("checkbox")).toHaveAccessibleName(
    "Late task",
  );
  await expect(again.getByRole("region", { name: "Next session" })).toContainText("Feedback");
  await expect(again.getByRole("region", { name: "Your goals" }).getByRole("heading", { name: "Give talks" })).toBeVisible();
  await expect(status(again)).toContainText("Offline");
  expect(problems.flat()).toEqual([]);
});

test("opening the app, Today comes in without pushing the relationships' list under the reader's thumb", async ({
  browser,
}) => {
  const { mentee, menteeContext, problems } = await pairUp(browser);
  await addDue(mentee, "Late task", day(-1));
  await addItem(mentee, "Read the book");
  await expect(status(mentee)).toHaveAccessibleName("Sync status: All saved", { timeout: 5000 });
  await menteeContext.addInitScript(() => {
    (window as any).shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as any[]) if (!entry.hadRecentInput) (window as any).shifts += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  for (const visit of ["a first visit on this device", "a later start"]) {
    if (visit === "a first visit on this device") await mentee.evaluate(() => localStorage.clear());
    await mentee.goto("/");
    await ready(mentee);
    await expect(mentee.getByRole("region", { name: "Your action items" }).getByRole("checkbox")).toHaveCount(2);
    await expect(mentee.getByRole("link", { name: /Mentoring with Mira Mentor/ })).toBeVisible();
    // A shift comes a frame after what caused it: read once the page has been still a moment.
    await mentee.waitForTimeout(500);
    // 0.43 before the list waited for Today; a loaded CI machine measured up to 0.065 since.
    expect(await mentee.evaluate(() => (window as any).shifts), visit).toBeLessThan(0.1);
  }
  expect(problems.flat()).toEqual([]);
});
