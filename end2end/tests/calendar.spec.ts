import { expect, Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { pairUp, ready, test, uniqueEmail, watchConsole } from "./helpers";

async function open(page: Page, link: string, path: RegExp) {
  await page.getByRole("link", { name: link }).click();
  await expect(page).toHaveURL(path);
  await ready(page);
}

test("a mentee gives the time zone, adds a session and downloads the sessions as a calendar file", async ({ browser }) => {
  const { mentee, mentorContext, menteeContext, problems } = await pairUp(browser);
  await open(mentee, "Open the roadmap", /\/roadmap$/);
  const calendar = mentee.getByRole("region", { name: "Calendar" });
  // No time zone yet: the agreement asks for it.
  await calendar.getByRole("link", { name: "Add to calendar" }).click();
  await expect(mentee).toHaveURL(/\/agreement#agree-time_zone$/);
  await ready(mentee);

  const zone = mentee.getByLabel("Time zone of the meeting times");
  await zone.fill("Mars/Olympus");
  await zone.press("Tab");
  await expect(mentee.getByText("Not a time zone this device knows.", { exact: false })).toBeVisible();
  await zone.fill("europe/amsterdam");
  await zone.press("Tab");
  await expect(zone).toHaveValue("Europe/Amsterdam");
  await expect(mentee.getByText("Not a time zone this device knows.", { exact: false })).toHaveCount(0);
  await mentee.goBack();
  await ready(mentee);

  await mentee.getByRole("button", { name: "Add a session" }).click();
  await mentee.getByLabel("Date", { exact: true }).fill("2027-03-28");
  await mentee.getByLabel("Starts").fill("18:00");
  await mentee.getByLabel("Ends").fill("19:00");
  await mentee.getByLabel("Theme of the new session").fill("Feedback, and a plan");
  await mentee.getByRole("button", { name: "Save session" }).click();
  await expect(mentee.getByLabel("Theme of session 1")).toHaveValue("Feedback, and a plan");
  // The file is the server's: the session must have reached it.
  await expect(mentee.getByRole("button", { name: "Sync status: All saved" })).toBeVisible({ timeout: 10_000 });

  const download = mentee.waitForEvent("download");
  await calendar.getByRole("link", { name: "Add to calendar" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("tandem-sessions.ics");
  const text = readFileSync(await file.path(), "utf8");
  expect(text).toContain("BEGIN:VCALENDAR");
  expect(text).toContain("DTSTART;TZID=Europe/Amsterdam:20270328T180000");
  expect(text).toContain("DTEND;TZID=Europe/Amsterdam:20270328T190000");
  expect(text).toContain("SUMMARY:Feedback\\, and a plan");
  expect(text).toContain("TZOFFSETTO:+0200");

  await calendar.getByRole("link", { name: "Subscribe in a calendar app" }).click();
  await expect(mentee).toHaveURL(/\/calendar$/);
  await expect(mentee.getByRole("heading", { level: 1, name: "Calendar" })).toBeVisible();

  expect(problems.flat()).toEqual([]);
  await mentorContext.close();
  await menteeContext.close();
});

test("a mentor makes a subscription link that a calendar app can read, then stops it", async ({ browser }) => {
  const { mentor, mentorContext, menteeContext, problems } = await pairUp(browser);
  await mentor.getByRole("link", { name: "Calendar", exact: true }).click();
  await expect(mentor).toHaveURL(/\/calendar$/);
  await ready(mentor);
  await expect(mentor.getByRole("heading", { level: 1, name: "Calendar" })).toBeVisible();
  const subscribe = mentor.getByRole("region", { name: "Subscribe in a calendar app" });
  await expect(subscribe.getByRole("status")).toHaveText("You have no subscription link.");
  await subscribe.getByRole("button", { name: "Make a subscription link" }).click();
  const link = subscribe.getByLabel("Subscription link");
  await expect(link).toHaveValue(/\/calendar\/[0-9a-f]{64}\.ics$/);
  const url = await link.inputValue();
  await expect(subscribe.getByRole("link", { name: "Open in calendar app" })).toHaveAttribute("href", /^webcal:\/\//);
  await expect(subscribe.getByRole("status")).toHaveText(/^You have a subscription link, made on /);

  const app = await browser.newContext();
  const feed = await app.request.get(url);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  expect(await feed.text()).toContain("BEGIN:VCALENDAR");

  await subscribe.getByRole("button", { name: "Stop the subscription" }).click();
  await expect(subscribe.getByRole("status")).toHaveText("The subscription has stopped: the link no longer works.");
  await expect(link).toHaveCount(0);
  expect((await app.request.get(url)).status()).toBe(404);

  // A new link: the stopped one is never offered again.
  await subscribe.getByRole("button", { name: "Make a subscription link" }).click();
  await expect(link).toHaveValue(/\.ics$/);
  expect(await link.inputValue()).not.toBe(url);
  expect((await app.request.get(await link.inputValue())).status()).toBe(200);

  await app.close();
  expect(problems.flat()).toEqual([]);
  await mentorContext.close();
  await menteeContext.close();
});

test("in Dutch on a phone, the device's own time zone is offered with one tap, and the calendar page opens", async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    locale: "nl-NL",
    timezoneId: "America/New_York",
  });
  const page = await context.newPage();
  const problems = watchConsole(page);
  await page.goto("/signup");
  await ready(page);
  await page.getByLabel("Je naam").fill("Bo");
  await page.getByLabel("E-mailadres").fill(uniqueEmail("bo"));
  await page.getByLabel("Wachtwoord").fill("correct horse battery");
  await page.getByRole("button", { name: "Account aanmaken" }).click();
  await page.getByLabel("Ik ben de mentee").check();
  await page.getByRole("button", { name: "Uitnodigingslink maken" }).click();
  await expect(page).toHaveURL(/\/r\/[0-9a-f-]+$/);
  await ready(page);
  await page.goto(page.url() + "/agreement");
  await ready(page);
  await page.getByRole("button", { name: "America/New_York gebruiken" }).click();
  await expect(page.getByLabel("Tijdzone van de afspraaktijden")).toHaveValue("America/New_York");
  await expect(page.getByRole("button", { name: "America/New_York gebruiken" })).toHaveCount(0);

  await page.goto(page.url().replace(/\/agreement$/, ""));
  await ready(page);
  await page.getByRole("link", { name: "Agenda", exact: true }).click();
  await expect(page).toHaveURL(/\/calendar$/);
  await ready(page);
  await expect(page.getByRole("heading", { level: 1, name: "Agenda" })).toBeVisible();
  const subscribe = page.getByRole("region", { name: "Abonneren in een agenda-app" });
  await expect(subscribe.getByRole("status")).toHaveText("Je hebt geen abonnementslink.");
  await expect(subscribe.getByRole("button", { name: "Abonnementslink maken" })).toBeVisible();
  expect(problems).toEqual([]);
  await context.close();
});
