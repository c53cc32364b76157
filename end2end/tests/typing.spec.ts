import { expect, Page } from "@playwright/test";
import { pairUp, ready, test } from "./helpers";

async function openAgreement(page: Page) {
  await page.getByRole("link", { name: "Open the agreement" }).click();
  await expect(page).toHaveURL(/\/agreement$/);
  await ready(page);
}

/** Counts a page's requests to one server function from now on. */
function counting(page: Page, endpoint: string) {
  const counter = { n: 0 };
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === endpoint) counter.n += 1;
  });
  return counter;
}

test("a sentence typed into a field reaches the partner whole, with at most one push a second while typing", async ({
  browser,
}) => {
  const { mentor, mentee } = await pairUp(browser);
  await openAgreement(mentor);
  await openAgreement(mentee);
  const scope = "Which areas does the mentoring cover?";
  await expect(mentee.getByLabel(scope)).toBeEditable();
  const sentence = "Moving into a lead role, and leading the team's first review.";
  const pushes = counting(mentee, "/api/push");
  const partnerPulls = counting(mentor, "/api/pull");

  const started = Date.now();
  await mentee.getByLabel(scope).pressSequentially(sentence, { delay: 40 });
  const seconds = (Date.now() - started) / 1000;
  await mentee.getByLabel(scope).press("Tab");
  await expect(mentor.getByLabel(scope)).toHaveValue(sentence, { timeout: 10_000 });

  console.log(
    `typing ${sentence.length} characters in ${seconds.toFixed(1)} s: ${pushes.n} pushes, ` +
      `${partnerPulls.n} pulls by the partner`,
  );
  expect(pushes.n).toBeLessThanOrEqual(Math.ceil(seconds) + 2);
  await mentee.reload();
  await ready(mentee);
  await expect(mentee.getByLabel(scope)).toHaveValue(sentence);
});
