import { expect, Page } from "@playwright/test";
import { pairUp, ready, test } from "./helpers";

const WANT = "What do I want to get out of this mentoring relationship?";
const BRING = "What do I bring to it (skills, questions, insights, stories)?";

/** The field of one question: its text, what it says about sharing, and its buttons. */
const answer = (page: Page, question: string) => page.locator(".field", { has: page.getByLabel(question) });

async function openPreparation(page: Page, link = "Your preparation") {
  await page.getByRole("link", { name: link }).click();
  // The address changes once the page's chunk has loaded; until then the last page shows.
  await expect(page).toHaveURL(/\/prepare$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await ready(page);
}

test("both prepare, the mentee shares one answer, and the mentor sees only that one", async ({ browser }) => {
  const { mentor, mentee, problems } = await pairUp(browser);
  const relationship = mentee.url();
  await expect(mentee.getByText("Mira Mentor has not shared any answers yet. You have not started.")).toBeVisible();

  await openPreparation(mentee);
  await mentee.getByLabel(WANT).fill("Lead a small team within a year");
  await mentee.getByLabel(BRING).fill("Stories from five years of support work");
  await expect(answer(mentee, WANT).getByText("Private: only you can see this.")).toBeVisible();
  await answer(mentee, WANT).getByRole("button", { name: "Share this answer" }).click();
  await expect(answer(mentee, WANT).getByText("Shared with Mira Mentor.")).toBeVisible();

  // The mentor prepares too, without sharing.
  await openPreparation(mentor);
  await mentor.getByLabel(WANT).fill("Help someone grow into leading");
  await expect(mentor.getByText("Lead a small team within a year")).toBeVisible({ timeout: 10_000 });
  await expect(mentor.getByText("Stories from five years")).toHaveCount(0);

  await mentor.goto(relationship);
  await ready(mentor);
  await expect(
    mentor.getByText("Menno Mentee has shared 1 of 3 answers. You have started; nothing is shared yet."),
  ).toBeVisible({ timeout: 10_000 });

  // A change after sharing stays private until shared again; drafts survive a reload.
  await mentee.getByLabel(WANT).fill("Lead a team of five within a year");
  await expect(answer(mentee, WANT).getByText(/Your changes since are private/)).toBeVisible();
  await mentee.reload();
  await ready(mentee);
  await expect(mentee.getByLabel(BRING)).toHaveValue("Stories from five years of support work");
  await expect(mentee.getByLabel(WANT)).toHaveValue("Lead a team of five within a year");
  await mentee.goto(relationship);
  await ready(mentee);
  await expect(mentee.getByText("Mira Mentor has not shared any answers yet. You have shared 1 of 3 answers.")).toBeVisible();
  await mentor.reload();
  await ready(mentor);
  await openPreparation(mentor);
  await expect(mentor.getByText("Lead a small team within a year")).toBeVisible();
  await expect(mentor.getByText("Lead a team of five")).toHaveCount(0);
  expect(problems.flat()).toEqual([]);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("in Dutch, an empty answer cannot be shared and sharing all shows them to the partner", async ({
    browser,
  }) => {
    const { mentor, mentee, menteeContext, problems } = await pairUp(browser);
    await mentee.setViewportSize({ width: 360, height: 740 });
    await mentee.getByLabel("Language").selectOption("nl");
    await openPreparation(mentee, "Jouw voorbereiding");
    await expect(mentee.getByRole("heading", { name: "Voorbereiden" })).toBeVisible();
    const want = "Wat wil ik uit deze mentorrelatie halen?";
    await answer(mentee, want).getByRole("button", { name: "Dit antwoord delen" }).click();
    await expect(answer(mentee, want).getByText("Schrijf eerst een antwoord voordat je het deelt.")).toBeVisible();

    // Written offline, shared once back online.
    await menteeContext.setOffline(true);
    await mentee.getByLabel(want).fill("Beter leren plannen");
    await mentee.getByLabel("Wat zijn mijn verwachtingen?").fill("Eerlijke feedback");
    await mentee.getByRole("button", { name: "Al mijn antwoorden delen" }).click();
    await expect(answer(mentee, want).getByText("Gedeeld met Mira Mentor.")).toBeVisible();
    await menteeContext.setOffline(false);

    const width = await mentee.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await openPreparation(mentor);
    await expect(mentor.getByText("Beter leren plannen")).toBeVisible({ timeout: 10_000 });
    await expect(mentor.getByText("Eerlijke feedback")).toBeVisible();
    expect(problems.flat()).toEqual([]);
  });
});

test("a draft typed in one tab shows in the person's other tab, and nothing is shared by it", async ({ browser }) => {
  const { mentor, mentee, menteeContext, problems } = await pairUp(browser);
  await openPreparation(mentee);
  const other = await menteeContext.newPage();
  await other.goto(mentee.url());
  await ready(other);
  await expect(other.getByLabel(WANT)).toBeEditable();

  await mentee.getByLabel(WANT).fill("Find a sponsor for the move");
  await expect(other.getByLabel(WANT)).toHaveValue("Find a sponsor for the move", { timeout: 10_000 });
  await expect(other.getByText("Private: only you can see this.").first()).toBeVisible();

  await openPreparation(mentor);
  await expect(mentor.getByText("Not shared yet.")).toHaveCount(3);
  await expect(mentor.getByText("Find a sponsor")).toHaveCount(0);
  expect(problems.flat()).toEqual([]);
});
