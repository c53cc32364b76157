import { expect, Page } from "@playwright/test";
import { pairUp, ready, signUp, test, uniqueEmail } from "./helpers";

/** Records every Content-Security-Policy violation the page reports. */
async function watchPolicy(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("reportViolation", (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { reportViolation: (v: string) => void }).reportViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    );
  });
  return violations;
}

test("every page hydrates under the content security policy without a violation", async ({ browser }) => {
  const { mentee, mentorContext, menteeContext } = await pairUp(browser);
  const relationship = new URL(mentee.url()).pathname;
  const visitor = await browser.newPage();
  const violations = await watchPolicy(visitor);
  for (const path of ["/", "/signin", "/signup", "/invite/" + "0".repeat(64)]) {
    await visitor.goto(path);
    await ready(visitor);
  }
  const signedIn = await watchPolicy(mentee);
  const ingredients = ["prepare", "agreement", "goals", "roadmap"].map((page) => `${relationship}/${page}`);
  for (const path of ["/", "/account", "/signout", ...ingredients, relationship]) {
    await mentee.goto(path);
    await ready(mentee);
  }
  await expect(mentee.getByRole("heading", { name: "Action items" })).toBeVisible();
  expect([...violations, ...signedIn]).toEqual([]);
  await Promise.all([mentorContext.close(), menteeContext.close(), visitor.close()]);
});

for (const next of ["/%09/evil.example", "//evil.example", "/\\evil.example", "https://evil.example/"]) {
  test(`signing in with next=${next} stays on this site`, async ({ page, baseURL }) => {
    await page.goto("/signup");
    const email = uniqueEmail("nadia");
    await signUp(page, "Nadia", email);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();

    await page.goto("/signin?next=" + next);
    await ready(page);
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    expect(page.url()).toBe(baseURL + "/");
  });
}

test("a sign-in form posted before the app loads with a tricky next stays on this site", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await page.route(/\.wasm$/, (route) => route.abort());
  const email = uniqueEmail("noor");
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Noor");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await context.clearCookies();

  await page.goto("/signin?next=/%09/evil.example");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  expect(page.url()).toBe(baseURL + "/");
  await context.close();
});
