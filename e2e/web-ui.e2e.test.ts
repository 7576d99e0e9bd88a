/**
 * The web UI in Debian's Chromium against a real server with the seeded demo: sign in → the overview shows
 * the demo model unhealthy → the model's drift view puts a drifted feature on top with its overlay drawn →
 * the incident is acknowledged → the audit log shows it. Screenshots go to e2e/screenshots/ (git-ignored).
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnServer, type ServerProcess } from "../packages/server/src/testing/spawn-server.js";

const password = "e2e-admin-password-123";
const shots = new URL("./screenshots/", import.meta.url).pathname;
const driftedFeatures = ["credit_score", "loan_purpose", "annual_income", "debt_to_income", "loan_amount"];
let dir = "";
let server: ServerProcess | undefined;
let browser: Browser | undefined;
let page: Page;
const problems: string[] = [];
let signedIn = false;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sextant-web-e2e-"));
  await mkdir(shots, { recursive: true });
  process.env.SEXTANT_ADMIN_PASSWORD = password;
  server = await spawnServer(["--data-dir", dir, "--port", "0", "--demo-predictions-per-hour", "120"]);
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // Signed out, the app's session probe answers 401 and Chromium logs that response as a console error.
  const isSignedOutProbe = (text: string) => !signedIn && /401|auth\/session/.test(text);
  page.on("console", (m) => {
    if (m.type() === "error" && !isSignedOutProbe(m.text())) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("response", (r) => {
    const line = `${r.status()} ${r.request().method()} ${r.url()}`;
    if (r.status() >= 400 && !(r.status() === 401 && isSignedOutProbe(r.url()))) problems.push(line);
  });
});

afterAll(async () => {
  await browser?.close();
  server?.child.kill("SIGTERM");
  await server?.exited;
  await rm(dir, { recursive: true, force: true });
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
    await page.goto(server!.url);
    await page.fill("#username", "admin");
    await page.fill("#password", password);
    await page.screenshot({ path: `${shots}01-sign-in.png` });
    signedIn = true;
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
    expect(problems).toEqual([]);
  });
});
