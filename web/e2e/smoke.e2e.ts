import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserMissing, expectAccessible, launchBrowser, openPage, screenshot, signIn } from "./support";

describe.skipIf(browserMissing())("sign-in (local mode)", () => {
  let browser: Browser;
  beforeAll(async () => (browser = await launchBrowser()));
  afterAll(async () => browser?.close());

  it("signs a school user in, shows their name and school, and signs out", async () => {
    const page = await openPage(browser);
    await page.goto("/");
    await page.waitForURL(/#\/sign-in/);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Sign in (local mode)");
    await expectAccessible(page, "sign-in");
    await screenshot(page, "sign-in");
    await signIn(page, "Mere Rāwiri, Ōtaki School (9101), Kāhui Ako");
    await expect(page.locator(".site-header__user").textContent()).resolves.toContain("tumuaki@otaki.example.school.nz (school 9101)");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/#\/sign-in/);
  });

  it("checks a custom user's fields in the browser and shows the errors in a summary linked to them", async () => {
    const page = await openPage(browser, { phone: true });
    await page.goto("/#/sign-in");
    await page.getByLabel("Someone else").check();
    await page.getByLabel("School number").fill("12a");
    await page.getByRole("button", { name: "Sign in" }).click();
    const summary = page.getByRole("alert");
    await expect(summary.textContent()).resolves.toContain("School number: Enter your school number, digits only");
    await expect(page.evaluate(() => document.activeElement?.hasAttribute("data-error-summary"))).resolves.toBe(true);
    await summary.getByRole("link", { name: /School number/ }).click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("schoolNumber");
    await expectAccessible(page, "sign-in with errors");
  });
});
