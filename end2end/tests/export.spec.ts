import { expect, Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { addItem, pairUp, ready, signUp, test, uniqueEmail, watchConsole } from "./helpers";

/** Clicks `button` and returns the file it saves, parsed. */
async function saved(page: Page, button: string) {
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: button }).click();
  const file = await download;
  return { name: file.suggestedFilename(), json: JSON.parse(readFileSync(await file.path(), "utf8")) };
}

/** Clicks `button` and returns the name and text of the document it saves. */
async function document(page: Page, button: string) {
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: button }).click();
  const file = await download;
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), "utf8") };
}

test("a mentee downloads all their data as JSON from the account page, and one relationship offline from its page", async ({
  browser,
}) => {
  const { mentee, mentorContext, menteeContext, problems } = await pairUp(browser);
  await addItem(mentee, "Read the leadership book");
  await expect(mentee.getByText("Read the leadership book")).toBeVisible();
  const relationship = mentee.url();

  await menteeContext.setOffline(true);
  const one = await saved(mentee, "Download this relationship (JSON)");
  expect(one.name).toMatch(/^tandem-relationship-.*\.json$/);
  expect(one.json.format).toBe("tandem-export/1");
  expect(one.json.relationships).toHaveLength(1);
  const titles = one.json.relationships[0].records.map((r: { fields: { title?: string } }) => r.fields.title);
  expect(titles).toContain("Read the leadership book");
  expect(one.json.relationships[0].partner_name).toBe("Mira Mentor");
  expect(JSON.stringify(one.json)).not.toContain("/invite/");
  const readable = await document(mentee, "Download this relationship as a document (Markdown)");
  expect(readable.name).toMatch(/^tandem-relationship-.*\.md$/);
  expect(readable.text).toContain("# Mentoring with Mira Mentor\n");
  expect(readable.text).toContain("## Agreement\n");
  expect(readable.text).toContain("### Mentee (you)\n\n- [ ] Read the leadership book");
  await menteeContext.setOffline(false);

  await mentee.getByRole("link", { name: "Menno Mentee", exact: true }).click();
  await expect(mentee.getByRole("heading", { name: "Your data" })).toBeVisible();
  const all = await saved(mentee, "Download all my data (JSON)");
  expect(all.name).toBe("tandem-export.json");
  expect(all.json.relationships.map((r: { id: string }) => r.id)).toEqual([relationship.split("/r/")[1]]);
  expect(all.json.relationships[0].my_role).toBe("mentee");
  const everything = await document(mentee, "Download all as a document (Markdown)");
  expect(everything.name).toBe("tandem.md");
  expect(everything.text).toContain("- [ ] Read the leadership book");

  expect(problems.flat()).toEqual([]);
  await mentorContext.close();
  await menteeContext.close();
});

test("a new person downloads their data in Dutch on a phone before any relationship", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "nl-NL" });
  const page = await context.newPage();
  const problems = watchConsole(page);
  await page.goto("/signup");
  await ready(page);
  await page.getByLabel("Je naam").fill("Bo");
  await page.getByLabel("E-mailadres").fill(uniqueEmail("bo"));
  await page.getByLabel("Wachtwoord").fill("correct horse battery");
  await page.getByRole("button", { name: "Account aanmaken" }).click();
  await expect(page.getByRole("heading", { name: "Begin een relatie" })).toBeVisible();
  await page.getByRole("link", { name: "Bo", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Je gegevens" })).toBeVisible();
  const all = await saved(page, "Al mijn gegevens downloaden (JSON)");
  expect(all.json.format).toBe("tandem-export/1");
  expect(all.json.relationships).toEqual([]);
  const readable = await document(page, "Alles downloaden als document (Markdown)");
  expect(readable.text).toBe("Je hebt nog geen mentorrelatie.\n");
  expect(problems).toEqual([]);
  await context.close();
});

/** A UUIDv7-shaped id: the time in front, then random. */
function v7() {
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join("");
  const time = Date.now().toString(16).padStart(12, "0");
  return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(3)}-8${hex(3)}-${hex(12)}`;
}

/** An export of one relationship with one action item, as another server would have made it. */
function exportFile(relationship: string, item: string) {
  const made = Date.now() - 60_000;
  const clock = (n: number) => `${made.toString(16).padStart(12, "0")}-${n.toString(16).padStart(4, "0")}-${"7".padStart(16, "0")}`;
  return JSON.stringify({
    format: "tandem-export/1",
    exported_at: made,
    relationships: [
      {
        id: relationship,
        title: null,
        my_role: "mentee",
        partner_name: "Mira Mentor",
        created_at: made,
        started_at: made,
        ended_at: null,
        records: [
          {
            id: item,
            kind: "action_item",
            private: false,
            fields: { title: "Read the leadership book", owner: "mentee", created_at: made, created_by: "mentee" },
            clocks: { title: clock(0), owner: clock(1), created_at: clock(2), created_by: clock(3) },
          },
        ],
      },
    ],
  });
}

test("a person brings a relationship back from its export, once, and a damaged file is refused with nothing kept", async ({
  page,
}) => {
  const problems = watchConsole(page);
  await page.goto("/signup");
  await signUp(page, "Menno Mentee", uniqueEmail("menno"));
  await page.goto("/account");
  await ready(page);
  const file = (name: string, text: string) => ({ name, mimeType: "application/json", buffer: Buffer.from(text) });
  const relationship = v7();
  const good = exportFile(relationship, v7());

  await page.getByLabel("Tandem export (JSON)").setInputFiles(file("broken.json", good.replace("Read the leadership book", "x".repeat(300))));
  await page.getByRole("button", { name: "Bring back" }).click();
  await expect(page.getByRole("status").filter({ hasText: "is refused" })).toContainText(
    "title: Use at most 200 characters. Nothing of the file was kept.",
  );

  await page.getByLabel("Tandem export (JSON)").setInputFiles(file("tandem-export.json", good));
  await page.getByRole("button", { name: "Bring back" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Brought back" })).toHaveText(
    "Brought back: 1 relationships, 1 records, 5 changes.",
  );
  await page.getByRole("button", { name: "Bring back" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Nothing new" })).toBeVisible();

  await page.goto(`/r/${relationship}`);
  await ready(page);
  await expect(page.getByText("Read the leadership book")).toBeVisible();
  await expect(page.getByText("Mira Mentor (former member)").first()).toBeVisible();
  expect(problems).toEqual([]);
});
