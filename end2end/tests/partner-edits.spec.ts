import { expect } from "@playwright/test";
import { addItem, pairUp, test } from "./helpers";

test("an open edit form keeps what was typed when the partner changes the item, and offers their change", async ({
  browser,
}) => {
  const { mentor, mentee, problems } = await pairUp(browser);
  await addItem(mentee, "Read chapter 3");
  await expect(mentor.getByRole("checkbox", { name: "Read chapter 3" })).toBeVisible({ timeout: 5000 });

  // The mentor starts editing: a new title and notes, not yet saved.
  await mentor.getByRole("button", { name: "Edit “Read chapter 3”" }).click();
  const title = mentor.getByLabel("Title", { exact: true });
  await title.fill("Read chapters 3 and 4");
  await mentor.getByLabel("Notes", { exact: true }).fill("Bring two questions");

  // Meanwhile the mentee renames the item and gives it a due date.
  await mentee.getByRole("button", { name: "Edit “Read chapter 3”" }).click();
  await mentee.getByLabel("Title", { exact: true }).fill("Read chapter 3 twice");
  await mentee.getByLabel("Due date", { exact: true }).fill("2026-12-24");
  await mentee.getByRole("button", { name: "Save", exact: true }).click();

  // The mentor's form still holds what the mentor typed, says what changed, and takes the
  // due date the mentor had not touched.
  const meanwhile = mentor.getByRole("status").filter({ hasText: "Meanwhile this was changed elsewhere" });
  await expect(meanwhile).toContainText("“Read chapter 3 twice”", { timeout: 5000 });
  await expect(title).toHaveValue("Read chapters 3 and 4");
  await expect(mentor.getByLabel("Notes", { exact: true })).toHaveValue("Bring two questions");
  await expect(mentor.getByLabel("Due date", { exact: true })).toHaveValue("2026-12-24");

  // Taking the mentee's title over, then saving, keeps both people's work.
  await mentor.getByRole("button", { name: "Use theirs" }).click();
  await expect(title).toHaveValue("Read chapter 3 twice");
  await expect(meanwhile).toHaveCount(0);
  await mentor.getByRole("button", { name: "Save", exact: true }).click();
  const item = mentee.getByRole("listitem").filter({ hasText: "Read chapter 3 twice" });
  await expect(item).toContainText("Bring two questions", { timeout: 5000 });
  await expect(item).toContainText("Due 24 Dec 2026");
  expect(problems.flat()).toEqual([]);
});

test("a done action item says when it was ticked, in either language", async ({ browser }) => {
  const { mentor, mentee } = await pairUp(browser);
  await addItem(mentee, "Book the next meeting");
  await mentee.getByRole("checkbox", { name: "Book the next meeting" }).click();
  await mentee.getByText("Done (1)").click();
  await expect(mentee.getByText(/^Done today, \d\d:\d\d$/)).toBeVisible();

  await expect(mentor.getByText("Done (1)")).toBeVisible({ timeout: 5000 });
  await mentor.getByText("Done (1)").click();
  await mentor.getByLabel("Language").selectOption("nl");
  await expect(mentor.getByText(/^Afgerond vandaag, \d\d:\d\d$/)).toBeVisible();
});
