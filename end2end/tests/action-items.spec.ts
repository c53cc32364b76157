import { expect } from "@playwright/test";
import { addItem, pairUp, test } from "./helpers";

test("action items are shared between mentor and mentee within seconds", async ({ browser }) => {
  const { mentor, mentee, problems } = await pairUp(browser);

  await addItem(mentee, "Read chapter 3");
  const menteeTick = mentee.getByRole("checkbox", { name: "Read chapter 3" });
  await expect(menteeTick).toBeVisible();
  // The mentor's open page shows it without a reload.
  const mentorView = mentor.getByRole("checkbox", { name: "Read chapter 3" });
  await expect(mentorView).toBeVisible({ timeout: 5000 });
  await expect(mentee.getByText(/^Added by you on \d/)).toBeVisible();
  await expect(mentor.getByText(/^Added by your mentee on \d/)).toBeVisible();
  // Only the owner ticks an item.
  await expect(mentorView).toBeDisabled();

  await addItem(mentor, "Send the article", "My mentee");
  await expect(mentee.getByRole("checkbox", { name: "Send the article" })).toBeVisible({ timeout: 5000 });

  // A ticked item moves to the collapsed "Done" list, on both screens.
  await menteeTick.click();
  await expect(mentee.getByText("Done (1)")).toBeVisible();
  await expect(mentor.getByText("Done (1)")).toBeVisible({ timeout: 5000 });
  await mentor.getByText("Done (1)").click();
  await expect(mentorView).toBeChecked();
  await expect(mentee.getByRole("button", { name: /Sync status: All saved/ })).toBeVisible();

  // Delete, then undo.
  await mentor.getByRole("button", { name: "Delete “Send the article”" }).click();
  await expect(mentor.getByRole("checkbox", { name: "Send the article" })).toHaveCount(0);
  await mentor.getByRole("button", { name: "Undo" }).click();
  await expect(mentor.getByRole("checkbox", { name: "Send the article" })).toBeVisible();

  // Edit inline.
  await mentor.getByRole("button", { name: "Edit “Send the article”" }).click();
  await mentor.getByLabel("Title", { exact: true }).fill("Send both articles");
  await mentor.getByRole("button", { name: "Save", exact: true }).click();
  await expect(mentee.getByRole("checkbox", { name: "Send both articles" })).toBeVisible({ timeout: 5000 });

  expect(problems.flat()).toEqual([]);
});

test("an empty title is refused at the field", async ({ browser }) => {
  const { mentee } = await pairUp(browser);
  await mentee.getByRole("button", { name: "Add", exact: true }).click();
  await expect(mentee.getByText("Please fill this in.")).toBeVisible();
});

test("a mentor's commitment says what it provides, and the mentee sees it", async ({ browser }) => {
  const { mentor, mentee, problems } = await pairUp(browser);
  await mentor.getByLabel("New action item").fill("Introduce Menno to Ann");
  await mentor.getByLabel("What the mentor provides").selectOption({ label: "A contact to provide" });
  await mentor.getByRole("button", { name: "Add", exact: true }).click();
  const item = mentee.getByRole("listitem").filter({ hasText: "Introduce Menno to Ann" });
  await expect(item).toContainText("A contact to provide", { timeout: 5000 });
  // A task for the mentee has no commitment to choose.
  await mentor.getByLabel("For", { exact: true }).last().selectOption({ label: "My mentee" });
  await expect(mentor.getByLabel("What the mentor provides")).toBeHidden();

  await mentor.getByRole("button", { name: "Edit “Introduce Menno to Ann”" }).click();
  await mentor.getByLabel("Kind of commitment").selectOption({ label: "A resource to provide" });
  await mentor.getByRole("button", { name: "Save", exact: true }).click();
  await expect(item).toContainText("A resource to provide", { timeout: 5000 });
  expect(problems.flat()).toEqual([]);
});

test("a partner's item cannot be ticked off, and says why beside it", async ({ browser }) => {
  const { mentor, mentee, problems } = await pairUp(browser);
  await addItem(mentor, "Send the article");
  const theirs = mentee.getByRole("checkbox", { name: "Send the article" });
  await expect(theirs).toBeDisabled({ timeout: 10_000 });
  await expect(theirs).toHaveAccessibleDescription("Only the person it is for ticks it off.");
  await expect(mentee.getByText("Only the person it is for ticks it off.")).toBeVisible();
  // The owner's own tick has nothing to explain.
  await expect(mentor.getByRole("checkbox", { name: "Send the article" })).toBeEnabled();
  await expect(mentor.getByText("Only the person it is for ticks it off.")).toHaveCount(0);
  expect(problems.flat()).toEqual([]);
});
