/**
 * The roadmap page in Debian's Chromium against a real server with the seeded demo: the questionnaire is
 * saved and an assessment run from the UI, then each of the five step tabs shows real content of that
 * assessment, a maturity chip opens its evidence with a link to a demo model, and no console error occurs.
 * Screenshots go to e2e/screenshots/ (git-ignored).
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screenshotDir as shots, startDemoSession, type DemoSession } from "./chromium-session.js";

let session: DemoSession;
let page: Page;

beforeAll(async () => {
  session = await startDemoSession({ predictionsPerHour: 30, viewport: { width: 1280, height: 900 } });
  page = session.page;
  await page.goto(session.server.url);
  await page.fill("#username", "admin");
  await page.fill("#password", session.password);
  session.markSignedIn();
  await page.click("button[type=submit]");
  await page.locator('tr[data-model="loan-default"]').waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  await session.dispose();
});

async function openTab(title: string, testId: string): Promise<void> {
  await page.getByRole("tab", { name: title }).click();
  await page.locator(`[data-testid="${testId}"]`).waitFor({ timeout: 15_000 });
}

describe("roadmap page", () => {
  it("saves the pre-filled questionnaire and runs an assessment", async () => {
    await page.click("text=Roadmap");
    const form = page.locator('[data-testid="step-questionnaire"]');
    await form.waitFor({ timeout: 30_000 });
    // The production-model count is pre-filled from the facts and says what was observed.
    expect(
      await form.locator('[data-field="needs.modelsInProduction.now"] .observed-hint').innerText(),
    ).toMatch(/^observed: \d+/);
    await page.screenshot({ path: `${shots}09-roadmap-questionnaire.png`, fullPage: true });
    await page.getByRole("button", { name: "Save answers" }).click();
    await page.getByText("Answers saved.").waitFor({ timeout: 15_000 });
    await page.getByRole("button", { name: "Run assessment" }).click();
    await page.locator('[data-testid="roadmap-summary"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="phase-label"]').innerText()).toMatch(
      /Tactical|Strategic|Transformational/,
    );
  });

  it("shows the five steps with the content of the assessment", async () => {
    const tabs = await page.getByRole("tab").allInnerTexts();
    expect(tabs.slice(0, 4)).toEqual([
      "1 Organisation strategy",
      "2 Needs",
      "3 Blueprint & maturity",
      "4–5 Tool evaluation",
    ]);
    expect(tabs).toContain("Compliance");
    expect(tabs).toContain("History");
    await openTab("1 Organisation strategy", "step-strategy");
    expect(await page.locator('[data-testid="strategy-name"]').innerText()).toMatch(
      /^(centralized|decentralized|hybrid)$/,
    );
    await page.screenshot({ path: `${shots}07-roadmap-strategy.png`, fullPage: true });
    await openTab("2 Needs", "step-needs");
    expect(await page.locator('tr[data-need="models_in_production"]').count()).toBe(1);
    await openTab("3 Blueprint & maturity", "step-blueprint");
    expect(await page.locator("tr[data-component]").count()).toBe(13);
    expect(await page.locator('tr[data-component="model_registry_ownership"] .chip').innerText()).toMatch(
      /covered|partial|gap/,
    );
    expect(await page.locator("tr[data-dimension]").count()).toBe(9);
    expect(await page.locator('tr[data-dimension="D1"] .chip').innerText()).toMatch(/^L[0-4]$/);
    await openTab("4–5 Tool evaluation", "step-evaluation");
    await page.getByText("No tool evaluation yet").waitFor();
    await page.fill('input[name="evaluation-title"]', "Observability platform");
    await page.fill('input[name="evaluation-use-case"]', "loan default monitoring");
    await page.getByRole("button", { name: "Start evaluation" }).click();
    const candidate = page.locator("article.evaluation tr[data-candidate]");
    await candidate.first().waitFor({ timeout: 15_000 });
    expect(await page.locator("article.evaluation h3").innerText()).toContain("Observability platform");
    const csvHref = await page.locator('[data-testid="evaluation-csv"]').getAttribute("href");
    const csv = await page.request.get(session.server.url + csvHref!);
    expect(csv.status()).toBe(200);
    expect((await csv.text()).startsWith("criterion_id,criterion,group")).toBe(true);
    await openTab("Compliance", "step-compliance");
    expect(await page.locator("tr[data-regulatory]").count()).toBeGreaterThanOrEqual(14);
    const plan = page.locator("tr[data-export-model] a", { hasText: "PMM plan" }).first();
    await plan.waitFor({ timeout: 15_000 });
    const planResponse = await page.request.get(session.server.url + (await plan.getAttribute("href"))!);
    expect(await planResponse.text()).toContain("# Post-market monitoring plan");
    await openTab("History", "step-history");
    expect(await page.locator("tr[data-assessment]").count()).toBe(1);
  });

  it("opens a maturity chip's evidence and follows its link to a model", async () => {
    await openTab("3 Blueprint & maturity", "step-blueprint");
    await page.locator('tr[data-dimension="D1"] .chip').click();
    const panel = page.getByRole("region", { name: /Evidence for D1/ });
    await panel.waitFor();
    expect(await panel.locator("[data-fact]").count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${shots}08-roadmap-maturity.png`, fullPage: true });
    const modelLink = panel.locator('a[data-evidence-link="page"][href^="/models/"]').first();
    const href = await modelLink.getAttribute("href");
    expect(href).toMatch(/^\/models\/[^/]+$/);
    await modelLink.click();
    await page.waitForURL((url) => url.pathname === href, { timeout: 15_000 });
    await page.locator('[role="tablist"]').waitFor({ timeout: 30_000 });
    expect(session.problems).toEqual([]);
  });
});
