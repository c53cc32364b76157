import { expect } from "@playwright/test";
import { addItem, pairUp, ready, test } from "./helpers";

test("an edit the server refuses stays visible with its reason until discarded", async ({ browser }) => {
  const { mentor, mentee, menteeContext } = await pairUp(browser);
  await menteeContext.setOffline(true);
  await addItem(mentee, "Plan the final meeting");
  await mentor.getByRole("button", { name: "End relationship" }).click();
  await mentor.getByRole("button", { name: "Yes, end it" }).click();
  await expect(mentor.getByText(/^Ended /)).toBeVisible();

  await menteeContext.setOffline(false);
  const status = mentee.getByRole("button", { name: /^Sync status:/ });
  await expect(status).toHaveAccessibleName("Sync status: 1 not accepted", { timeout: 5000 });
  await expect(mentee.getByRole("checkbox", { name: "Plan the final meeting" })).toBeVisible();
  await status.click();
  await expect(mentee.getByText("You can no longer change this relationship.")).toBeVisible();
  await expect(mentee.getByText("Your change to “Plan the final meeting” was not accepted.")).toBeVisible();
  await mentee.getByRole("button", { name: "Discard" }).click();
  await expect(status).toHaveAccessibleName("Sync status: All saved");
  await expect(mentee.getByRole("checkbox", { name: "Plan the final meeting" })).toHaveCount(0);
});

test("when the browser refuses to store data, the user is told and nothing is lost", async ({ browser }) => {
  const { mentor, mentee } = await pairUp(browser);
  await mentee.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException("full", "QuotaExceededError");
    };
  });
  await addItem(mentee, "Kept in memory");
  const status = mentee.getByRole("button", { name: /^Sync status:/ });
  await expect(status).toHaveAccessibleName("Sync status: Not stored on this device");
  await status.click();
  await expect(mentee.getByRole("alert").filter({ hasText: "does not let Tandem store data" })).toBeVisible();
  // Still sent to the server.
  await expect(mentor.getByRole("checkbox", { name: "Kept in memory" })).toBeVisible({ timeout: 5000 });
});

test("when the browser no longer takes the records, an edit is still kept across a reload and sent later", async ({
  browser,
}) => {
  const { mentor, mentee } = await pairUp(browser);
  await mentee.route("**/api/push", (route) => route.abort());
  // A device whose records outgrew the browser's storage: only they are refused.
  await mentee.evaluate(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith("tandem.device.")) throw new DOMException("full", "QuotaExceededError");
      setItem.call(this, key, value);
    };
  });
  await addItem(mentee, "Kept apart from the records");
  await expect(mentee.getByRole("button", { name: /1 pending/ })).toBeVisible({ timeout: 5000 });

  await mentee.reload();
  await ready(mentee);
  await expect(mentee.getByRole("checkbox", { name: "Kept apart from the records" })).toBeVisible();
  await mentee.unroute("**/api/push");
  await expect(mentor.getByRole("checkbox", { name: "Kept apart from the records" })).toBeVisible({ timeout: 10_000 });
});
