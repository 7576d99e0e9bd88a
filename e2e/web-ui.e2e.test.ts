/**
 * The web UI in Debian's Chromium against a real server with the seeded demo: sign in → the overview shows
 * the demo model unhealthy → the model's drift view puts a drifted feature on top with its overlay drawn →
 * the incident is acknowledged → the audit log shows it. Screenshots go to e2e/screenshots/ (git-ignored).
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screenshotDir as shots, startDemoSession, type DemoSession } from "./chromium-session.js";

const driftedFeatures = ["credit_score", "loan_purpose", "annual_income", "debt_to_income", "loan_amount"];
let session: DemoSession;
let page: Page;

beforeAll(async () => {
  session = await startDemoSession({ predictionsPerHour: 120, viewport: { width: 1280, height: 800 } });
  page = session.page;
});

afterAll(async () => {
  await session.dispose();
});

async function hasInk(selector: string): Promise<boolean> {
  // Any non-transparent pixel means the chart drew something (the e2e project has no DOM types).
  return page.evaluate(`(() => {
    const c = document.querySelector(${JSON.stringify(selector)});
    const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) return true;
    return false;
  })()`);
}

// The demo seeds its monitors with evaluateFrom = the start of its traffic and backfills them at start-up.
describe("web UI", () => {
  it("signs in and shows the demo model as unhealthy", async () => {
    await page.goto(session.server.url);
    await page.fill("#username", "admin");
    await page.fill("#password", session.password);
    await page.screenshot({ path: `${shots}01-sign-in.png` });
    session.markSignedIn();
    await page.click("button[type=submit]");
    const row = page.locator('tr[data-model="loan-default"]');
    await row.waitFor({ timeout: 30_000 });
    expect(await row.getAttribute("data-health")).toBe("unhealthy");
    await page.screenshot({ path: `${shots}02-overview.png`, fullPage: true });
  });

  it("puts a drifted feature on top of the drift view and draws its overlay", async () => {
    await page.click('tr[data-model="loan-default"] a');
    const rows = page.locator(".heatmap-row");
    await rows.first().waitFor({ timeout: 30_000 });
    const top = await rows.first().getAttribute("data-feature");
    expect(driftedFeatures).toContain(top);
    expect(await page.locator(".heatmap rect.cell-drifted").count()).toBeGreaterThan(0);
    await page.locator(".overlay canvas").first().waitFor({ timeout: 30_000 });
    expect(await hasInk(".overlay canvas")).toBe(true);
    // The performance charts (realised and CBPE-estimated F1) come first in the data-science tab.
    expect(await page.locator(".chart-figure canvas").count()).toBeGreaterThanOrEqual(2);
    expect(await hasInk(".chart-figure canvas")).toBe(true);
    await page.locator(".overlay").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}03-model-drift.png`, fullPage: true });
  });

  it("acknowledges the incident and the audit log shows it", async () => {
    await page.click("text=Incidents");
    const link = page.locator("tr[data-incident] a").first();
    await link.waitFor({ timeout: 30_000 });
    await link.click();
    await page.locator(".chart-figure canvas").first().waitFor({ timeout: 30_000 });
    expect(await hasInk(".chart-figure canvas")).toBe(true);
    expect(await page.locator("h1#incident-title").textContent()).toContain("drift");
    await page.getByRole("button", { name: "Acknowledge" }).click();
    await page
      .locator('[data-testid="incident-status"]', { hasText: "acknowledged" })
      .waitFor({ timeout: 15_000 });
    await page.screenshot({ path: `${shots}04-incident.png`, fullPage: true });
    await page.click("text=Audit log");
    await page.locator('tr[data-action="acknowledgeIncident"]').first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: `${shots}05-audit.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.click("text=Overview");
    await page.locator('tr[data-model="loan-default"]').waitFor();
    await page.screenshot({ path: `${shots}06-overview-phone.png`, fullPage: true });
    expect(session.problems).toEqual([]);
  });
});
