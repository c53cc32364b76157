import { expect } from "@playwright/test";
import { addItem, pairUp, ready, test, watchConsole } from "./helpers";

test("two tabs of one browser share offline edits and neither overwrites the other", async ({ browser }) => {
  const { mentor, mentee, menteeContext, problems } = await pairUp(browser);
  const second = await menteeContext.newPage();
  problems.push(watchConsole(second));
  await second.goto(mentee.url());
  await ready(second);
  await expect(second.getByRole("heading", { name: "Action items" })).toBeVisible();

  await menteeContext.setOffline(true);
  await addItem(mentee, "Written in the first tab");
  // The other tab takes it in from the device's storage, with no network.
  await expect(second.getByRole("checkbox", { name: "Written in the first tab" })).toBeVisible();
  await addItem(second, "Written in the second tab");
  await expect(mentee.getByRole("checkbox", { name: "Written in the second tab" })).toBeVisible();

  // The first tab closes before it could send anything; the second one carries both edits.
  await mentee.close();
  await menteeContext.setOffline(false);
  for (const title of ["Written in the first tab", "Written in the second tab"]) {
    await expect(mentor.getByRole("checkbox", { name: title })).toBeVisible({ timeout: 5000 });
  }
  expect(problems.flat()).toEqual([]);
});
