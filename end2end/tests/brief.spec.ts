import { expect, Page } from "@playwright/test";
import { addItem, pairUp, ready, signUp, test, uniqueEmail, watchConsole } from "./helpers";

/** A day relative to today, as a date field takes it. */
function day(offset: number) {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

const saved = (page: Page) =>
  expect(page.getByRole("button", { name: /^Sync status:/ })).toHaveAccessibleName("Sync status: All saved", {
    timeout: 10_000,
  });

async function newGoal(page: Page, title: string) {
  await page.getByRole("link", { name: "Open the goals" }).click();
  await ready(page);
  await page.getByRole("button", { name: "New goal" }).click();
  await page.getByLabel("Short title").fill(title);
  await page.getByLabel("Start value").fill("0");
  await page.getByLabel("Target value").fill("6");
  await page.getByLabel("Measured in (such as talks or kg)").fill("talks");
  await page.getByLabel("Target date").fill(day(60));
  await page.getByRole("button", { name: "Save goal" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
}

async function addSession(page: Page, date: string, theme: string) {
  await page.getByRole("button", { name: "Add a session" }).click();
  await page.getByLabel("Date", { exact: true }).fill(date);
  await page.getByLabel("Starts").fill("10:00");
  await page.getByLabel("Ends").fill("11:00");
  await page.getByLabel("Theme of the new session").fill(theme);
  await page.getByRole("button", { name: "Save session" }).click();
}

test.use({ viewport: { width: 390, height: 844 } });

test("one tap on Today logs progress, and the bar moves on Today and on the mentor's brief", async ({ browser }) => {
  const { mentor, mentee, problems } = await pairUp(browser);
  const relationship = mentee.url();
  await newGoal(mentee, "Give talks");
  await saved(mentee);
  await mentor.getByRole("link", { name: "Open the brief" }).click();
  await ready(mentor);
  await expect(mentor.getByRole("heading", { name: "Brief: Menno Mentee", level: 1 })).toBeVisible();
  await expect(mentor.getByText("Not met yet; no meeting frequency agreed yet")).toBeVisible();

  await mentee.goto("/");
  await ready(mentee);
  const goals = mentee.getByRole("region", { name: "Your goals" });
  await expect(goals.getByRole("heading", { name: "Give talks" })).toBeVisible();
  await goals.getByRole("button", { name: "Log progress: Give talks" }).click();
  await goals.getByLabel("New value").fill("2");
  await goals.getByRole("button", { name: "Save progress" }).click();
  await expect(goals.getByRole("progressbar", { name: "Progress" })).toHaveAttribute("aria-valuetext", "2 of 6 talks");
  // The form closed and the next tap is where the last was.
  await expect(goals.getByRole("button", { name: "Log progress: Give talks" })).toBeFocused();

  const brief = mentor.getByRole("region", { name: "Goals" });
  await expect(brief.getByRole("progressbar", { name: "Progress" })).toHaveAttribute("aria-valuetext", "2 of 6 talks", {
    timeout: 10_000,
  });
  await expect(brief.getByText(/^0 → 2 of 6 talks since the start · /)).toBeVisible();
  expect(mentor.url()).toBe(relationship + "/brief");
  expect(problems.flat()).toEqual([]);
});

test("the brief prints on one A4 page and is copied as Markdown with its goals and items", async ({ browser }) => {
  const { mentor, mentee, mentorContext, problems } = await pairUp(browser);
  await mentorContext.grantPermissions(["clipboard-read", "clipboard-write"]);
  await addItem(mentee, "Read the book");
  await addItem(mentee, "Draft the talk");
  await addItem(mentor, "Introduce Menno to Sam");
  await newGoal(mentee, "Give talks");
  await saved(mentee);

  await mentor.getByRole("link", { name: "Open the roadmap" }).click();
  await ready(mentor);
  await addSession(mentor, day(5), "The first talk");
  await saved(mentor);
  await mentor.goto(mentor.url().replace(/\/roadmap$/, "/brief"));
  await ready(mentor);
  await expect(mentor.getByRole("heading", { name: /^Next session: / })).toBeVisible();
  await expect(mentor.getByText("The first talk")).toBeVisible();
  await expect(mentor.getByText("Read the book")).toBeVisible({ timeout: 10_000 });

  await mentor.getByRole("button", { name: "Copy as Markdown" }).click();
  await expect(mentor.getByRole("status").filter({ hasText: "Copied as Markdown." })).toBeVisible();
  const markdown = await mentor.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toContain("# Brief: Menno Mentee");
  expect(markdown).toContain("## Goals");
  expect(markdown).toMatch(/- \*\*Give talks\*\*: 0 → 0 of 6 talks since the start/);
  expect(markdown).toContain("- [ ] Read the book");
  expect(markdown).toContain("- [ ] Draft the talk");
  expect(markdown).toContain("- [ ] Introduce Menno to Sam");

  const pdf = (await mentor.pdf({ format: "A4", preferCSSPageSize: true })).toString("latin1");
  const pages = pdf.match(/\/Type\s*\/Page\b(?!s)/g) ?? [];
  expect(pages).toHaveLength(1);
  expect(problems.flat()).toEqual([]);
});

test("a mentor of two mentees sees one line each, the sooner session first, with what needs attention", async ({
  browser,
}) => {
  const { mentor, mentee, problems } = await pairUp(browser);
  await mentee.getByLabel("New action item").fill("Late task");
  await mentee.getByLabel("Due date (optional)").fill(day(-2));
  await mentee.getByRole("button", { name: "Add", exact: true }).click();
  await mentor.getByRole("link", { name: "Open the roadmap" }).click();
  await ready(mentor);
  await addSession(mentor, day(10), "Later");
  await saved(mentor);

  // A second mentee.
  await mentor.goto("/");
  await ready(mentor);
  await mentor.getByLabel("I am the mentor").check();
  await mentor.getByRole("button", { name: "Create invite link" }).click();
  const link = await mentor.getByLabel("Invite link").inputValue();
  const second = await (await browser.newContext()).newPage();
  problems.push(watchConsole(second));
  await second.goto("/signup?next=" + new URL(link).pathname);
  await signUp(second, "Sara Second", uniqueEmail("sara"));
  await second.getByRole("button", { name: "Accept" }).click();
  await expect(second.getByRole("heading", { name: "Action items" })).toBeVisible();
  await second.getByRole("link", { name: "Open the roadmap" }).click();
  await ready(second);
  await addSession(second, day(3), "Sooner");
  await saved(second);

  await mentor.goto("/");
  await ready(mentor);
  const mentees = mentor.getByRole("region", { name: "Your mentees" });
  await expect(mentees.getByRole("heading", { level: 3 })).toHaveText(["Sara Second", "Menno Mentee"], {
    timeout: 10_000,
  });
  const flags = (name: string) =>
    mentees.getByRole("list", { name: `What needs attention with ${name}` }).getByRole("listitem");
  await expect(flags("Sara Second")).toHaveText(["Agreement not signed", "Preparation not shared"]);
  await expect(flags("Menno Mentee")).toHaveText(["1 overdue item", "Agreement not signed", "Preparation not shared"]);
  await mentees.getByRole("link", { name: "Open the brief with Sara Second" }).click();
  await expect(mentor.getByRole("heading", { name: "Brief: Sara Second", level: 1 })).toBeVisible();
  expect(problems.flat()).toEqual([]);
});
