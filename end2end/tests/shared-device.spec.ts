import { expect, Page } from "@playwright/test";
import { addItem, kept, pairUp, ready, storedRecords, test } from "./helpers";

/** The pages the worker keeps for a signed-in person (not the signed-out ones). */
const signedInPages = (page: Page) =>
  page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) {
        const viewer = new URL(request.url).searchParams.get("viewer");
        if (viewer && viewer !== "none") urls.push(request.url);
      }
    }
    return urls;
  });

/** What the device keeps for people, by person: records, edits, relationships, the mark of who is signed in. */
const personalKeys = async (page: Page) => [
  ...(await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => /^tandem\.(device|pending|relationships|signed)\./.test(k)),
  )),
  ...(await storedRecords(page)).map(([key]) => key),
];

test("with the cookies cleared and no network, the next person sees none of the previous person's pages", async ({
  browser,
}) => {
  const { mentee, menteeContext, problems } = await pairUp(browser);
  await addItem(mentee, "Ask about the salary talk");
  await expect(mentee.getByRole("button", { name: "Sync status: All saved" })).toBeVisible({ timeout: 5000 });
  const relationship = mentee.url();
  await kept(mentee);
  await mentee.goto("/");
  await ready(mentee);
  await kept(mentee);

  // Still the mentee's own: offline, with the cookies in place, both pages open.
  await menteeContext.setOffline(true);
  await mentee.goto(relationship);
  await expect(mentee.getByRole("checkbox", { name: "Ask about the salary talk" })).toBeVisible();

  // The next person: cookies cleared, still offline.
  await menteeContext.clearCookies();
  for (const path of [relationship, "/"]) {
    await mentee.goto(path).catch(() => undefined);
    await expect(mentee.getByText("Ask about the salary talk")).toHaveCount(0);
    await expect(mentee.getByText("Menno Mentee")).toHaveCount(0);
    await expect(mentee.getByText("Mira Mentor")).toHaveCount(0);
  }
  expect(problems.flat()).toEqual([]);
});

test("a page the server sends to nobody makes the worker drop every signed-in person's pages", async ({ browser }) => {
  const { mentee, menteeContext, problems } = await pairUp(browser);
  await kept(mentee);
  await expect.poll(() => signedInPages(mentee)).not.toEqual([]);

  await menteeContext.clearCookies();
  await mentee.goto("/");
  await ready(mentee);
  await expect(mentee.getByRole("navigation").getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect.poll(() => signedInPages(mentee)).toEqual([]);
  // A reply to a fetch made for the previous person must not bring their pages back.
  await mentee.waitForTimeout(1000);
  expect(await signedInPages(mentee)).toEqual([]);
  expect(problems.flat()).toEqual([]);
});

test("signing out with everything sent leaves nothing of the person on the device", async ({ browser }) => {
  const { mentee, problems } = await pairUp(browser);
  await addItem(mentee, "Draft the talk outline");
  await expect(mentee.getByRole("button", { name: "Sync status: All saved" })).toBeVisible({ timeout: 5000 });
  await expect.poll(async () => (await storedRecords(mentee)).map(([key]) => key)).toEqual([
    expect.stringMatching(/^tandem\.device\./),
  ]);

  await mentee.getByRole("button", { name: "Sign out" }).click();
  await expect(mentee.getByRole("navigation").getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect.poll(() => personalKeys(mentee)).toEqual([]);
  await expect.poll(() => signedInPages(mentee)).toEqual([]);
  expect(problems.flat()).toEqual([]);
});

test("signing out offline with unsent changes says how many would be lost and lets the person stay", async ({
  browser,
}) => {
  const { mentee, menteeContext, problems } = await pairUp(browser);
  await menteeContext.setOffline(true);
  await addItem(mentee, "Call the recruiter");
  await addItem(mentee, "Update the CV");
  await expect(mentee.getByRole("button", { name: /2 pending/ })).toBeVisible({ timeout: 5000 });

  await mentee.getByRole("button", { name: "Sign out" }).click();
  await expect(mentee.getByRole("heading", { name: "Sign out?" })).toBeVisible();
  await expect(mentee.getByText("2 changes on this device have not reached the server yet")).toBeVisible();
  await mentee.getByRole("link", { name: "Stay signed in" }).click();

  await expect(mentee.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(mentee.getByRole("button", { name: /2 pending/ })).toBeVisible();
  // Once the connection is back, they are sent after all.
  await menteeContext.setOffline(false);
  await expect(mentee.getByRole("button", { name: "Sync status: All saved" })).toBeVisible({ timeout: 10_000 });
  expect(problems.flat()).toEqual([]);
});

test("in Dutch, signing out with an unsent change can lose it when the person chooses so", async ({ browser }) => {
  const { mentee, problems } = await pairUp(browser);
  await mentee.getByLabel("Language").selectOption("nl");
  await mentee.route("**/api/push", (route) => route.abort());
  await mentee.getByLabel("Nieuw actiepunt").fill("Mentor bellen");
  await mentee.getByRole("button", { name: "Toevoegen", exact: true }).click();
  await expect(mentee.getByRole("button", { name: /1 in wachtrij/ })).toBeVisible({ timeout: 5000 });

  await mentee.getByRole("button", { name: "Uitloggen" }).click();
  await expect(mentee.getByText("1 wijziging op dit apparaat heeft de server nog niet bereikt")).toBeVisible();
  await mentee.getByRole("button", { name: "Uitloggen en ze kwijtraken" }).click();

  await expect(mentee.getByRole("navigation").getByRole("link", { name: "Inloggen" })).toBeVisible();
  await expect.poll(() => personalKeys(mentee)).toEqual([]);
  expect(problems.flat()).toEqual([]);
});
