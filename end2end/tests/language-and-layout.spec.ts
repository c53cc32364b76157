import { expect } from "@playwright/test";
import { ready, signUp, test, uniqueEmail, watchConsole } from "./helpers";

test("switching to Dutch shows Dutch text and survives a reload", async ({ page }) => {
  await page.goto("/signup");
  await signUp(page, "Lotte", uniqueEmail("lotte"));
  await expect(page.getByRole("heading", { name: "Your mentoring relationships" })).toBeVisible();

  await page.getByLabel("Language").selectOption("nl");
  await expect(page.getByRole("heading", { name: "Je mentorrelaties" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Uitloggen" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page.locator("meta[name=description]")).toHaveAttribute(
    "content",
    "Mentoring dat zijn afspraken nakomt",
  );

  await page.reload();
  await ready(page);
  await expect(page.getByRole("heading", { name: "Je mentorrelaties" })).toBeVisible();
  await expect(page.getByLabel("Taal")).toHaveValue("nl");
  await expect(page).toHaveTitle("Tandem");
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
});

test("a first visit follows the browser's language", async ({ browser }) => {
  const context = await browser.newContext({ locale: "nl-NL" });
  const page = await context.newPage();
  const problems = watchConsole(page);
  await page.goto("/");
  await ready(page);
  await expect(page.getByRole("heading", { name: "Mentoring dat zijn afspraken nakomt" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  expect(problems).toEqual([]);
});

test.describe("at 360 px wide", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("no page scrolls sideways and every control is a 44 px target", async ({ page }) => {
    const check = async () => {
      await ready(page);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      const small = await page.evaluate(() =>
        [...document.querySelectorAll("button, .button, input, select, header a")]
          .filter((el) => !["radio", "checkbox"].includes((el as HTMLInputElement).type))
          .map((el) => ({ el: el.outerHTML.slice(0, 60), h: el.getBoundingClientRect().height }))
          .filter(({ h }) => h > 0 && h < 44),
      );
      expect(small).toEqual([]);
    };
    await page.goto("/");
    await check();
    await page.goto("/signup");
    await check();
    await signUp(page, "Narrow Screen Person", uniqueEmail("narrow"));
    await check();
    await page.getByLabel("I am the mentee").check();
    await page.getByRole("button", { name: "Create invite link" }).click();
    await expect(page.getByLabel("Invite link")).toBeVisible();
    await check();
    await page.goto("/account");
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    await check();
    await page.goto("/signout");
    await expect(page.getByRole("heading", { name: "Sign out?" })).toBeVisible();
    await check();
  });
});
