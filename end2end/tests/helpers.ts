import { expect, Page, test as base } from "@playwright/test";

/** Waits until the app has hydrated: clicks before that would be lost. */
export async function ready(page: Page) {
  await page.waitForSelector("body[data-hydrated]");
}

export function uniqueEmail(who: string) {
  return `${who}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}

export async function signUp(page: Page, name: string, email: string, password = "correct horse battery") {
  await ready(page);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/**
 * Collects what the app itself complains about in the console (hydration mismatches, panics).
 * HTTP errors the app answers on purpose (401 for a wrong password) are not complaints.
 */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (msg) => {
    const text = msg.text();
    if ((msg.type() === "error" || msg.type() === "warning") && !text.startsWith("Failed to load resource")) {
      problems.push(`${msg.type()}: ${text}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

/** A `page` whose console must stay clean for the whole test. */
export const test = base.extend<{ page: Page }>({
  page: async ({ page }, use) => {
    const problems = watchConsole(page);
    await use(page);
    expect(problems, "console errors and warnings").toEqual([]);
  },
});

/** A mentor and a mentee, paired, each on the relationship page in their own browser context. */
export async function pairUp(browser: import("@playwright/test").Browser) {
  const mentorContext = await browser.newContext();
  const menteeContext = await browser.newContext();
  const mentor = await mentorContext.newPage();
  const mentee = await menteeContext.newPage();
  const problems = [mentor, mentee].map(watchConsole);
  await mentor.goto("/signup");
  await signUp(mentor, "Mira Mentor", uniqueEmail("mira"));
  await mentor.getByLabel("I am the mentor").check();
  await mentor.getByRole("button", { name: "Create invite link" }).click();
  const link = await mentor.getByLabel("Invite link").inputValue();
  await mentee.goto("/signup?next=" + new URL(link).pathname);
  await signUp(mentee, "Menno Mentee", uniqueEmail("menno"));
  await mentee.getByRole("button", { name: "Accept" }).click();
  await expect(mentee.getByRole("heading", { name: "Action items" })).toBeVisible();
  await mentor.goto(mentee.url());
  await ready(mentor);
  await expect(mentor.getByRole("heading", { name: "Action items" })).toBeVisible();
  return { mentor, mentee, mentorContext, menteeContext, problems };
}

export async function addItem(page: Page, title: string, forWhom?: string) {
  await page.getByLabel("New action item").fill(title);
  if (forWhom) {
    await page.getByLabel("For", { exact: true }).last().selectOption({ label: forWhom });
  }
  await page.getByRole("button", { name: "Add", exact: true }).click();
}

/** Waits until the service worker controls the page and has kept it for whoever is signed in. */
export async function kept(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
  // Polled from here: a predicate that returns a promise would count as true at once.
  const stored = () =>
    page.evaluate(async () => {
      for (const key of await caches.keys()) {
        if (await (await caches.open(key)).match(location.pathname, { ignoreSearch: true })) return true;
      }
      return false;
    });
  await expect.poll(stored, { timeout: 20_000 }).toBe(true);
}

/** The records the device keeps in IndexedDB: each entry's key and text (none before the app made it). */
export function storedRecords(page: Page) {
  return page.evaluate(
    () =>
      new Promise<[string, string][]>((done) => {
        const open = indexedDB.open("tandem");
        // Not made yet: looking must not make it.
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => done([]);
        open.onsuccess = () => {
          const database = open.result;
          if (!database.objectStoreNames.contains("records")) {
            database.close();
            return done([]);
          }
          const store = database.transaction("records").objectStore("records");
          const keys = store.getAllKeys();
          const values = store.getAll();
          values.onsuccess = () => {
            database.close();
            done(keys.result.map((key, i) => [String(key), String(values.result[i])]));
          };
        };
      }),
  );
}
