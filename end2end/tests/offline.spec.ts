import { expect, Page } from "@playwright/test";
import { addItem, kept, pairUp, ready, test } from "./helpers";

const status = (page: Page) => page.getByRole("button", { name: /^Sync status:/ });

test("the mentee works offline across reloads and the mentor sees it all once online", async ({ browser }) => {
  const { mentor, mentee, menteeContext, problems } = await pairUp(browser);
  for (const title of ["Read chapter 3", "Book the next meeting"]) {
    await addItem(mentee, title);
  }
  await expect(status(mentee)).toHaveAccessibleName("Sync status: All saved", { timeout: 5000 });
  await kept(mentee);
  const url = mentee.url();

  await menteeContext.setOffline(true);
  await mentee.reload();
  await ready(mentee);
  await expect(status(mentee)).toContainText("Offline");
  await mentee.getByRole("checkbox", { name: "Read chapter 3" }).click();
  await mentee.getByRole("checkbox", { name: "Book the next meeting" }).click();
  await addItem(mentee, "Write down three questions");
  await expect(status(mentee)).toHaveAccessibleName("Sync status: Offline · 3 pending");

  // Closed and opened again, still offline: everything is still there.
  await mentee.close();
  const again = await menteeContext.newPage();
  await again.goto(url);
  await ready(again);
  await expect(again.getByRole("checkbox", { name: "Write down three questions" })).toBeVisible();
  await expect(again.getByText("Done (2)")).toBeVisible();
  await expect(status(again)).toHaveAccessibleName("Sync status: Offline · 3 pending");

  await menteeContext.setOffline(false);
  await expect(status(again)).toHaveAccessibleName("Sync status: All saved", { timeout: 5000 });
  await expect(mentor.getByRole("checkbox", { name: "Write down three questions" })).toBeVisible({ timeout: 5000 });
  await expect(mentor.getByText("Done (2)")).toBeVisible({ timeout: 5000 });
  expect(problems.flat()).toEqual([]);
});

test("a rename and a tick made offline on two devices both survive", async ({ browser }) => {
  const { mentor, mentee, mentorContext, menteeContext } = await pairUp(browser);
  await addItem(mentee, "Read one chapter");
  await expect(mentor.getByRole("checkbox", { name: "Read one chapter" })).toBeVisible({ timeout: 5000 });

  await mentorContext.setOffline(true);
  await menteeContext.setOffline(true);
  await mentor.getByRole("button", { name: "Edit “Read one chapter”" }).click();
  await mentor.getByLabel("Title", { exact: true }).fill("Read two chapters");
  await mentor.getByRole("button", { name: "Save", exact: true }).click();
  await mentee.getByRole("checkbox", { name: "Read one chapter" }).click();

  await mentorContext.setOffline(false);
  await menteeContext.setOffline(false);
  for (const page of [mentor, mentee]) {
    await expect(page.getByText("Done (1)")).toBeVisible({ timeout: 5000 });
    await page.getByText("Done (1)").click();
    await expect(page.getByRole("checkbox", { name: "Read two chapters" })).toBeChecked({ timeout: 5000 });
  }
});
