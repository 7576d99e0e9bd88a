import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { pino } from "pino";
import type { Browser } from "playwright-core";
import { launchChromium } from "./chromium-session.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoIfEmpty } from "../packages/server/src/demo/seed-demo.js";
import { createTestApp, type TestApp } from "../packages/server/src/testing/test-app.js";

// The roadmap HTML export of the demo, opened offline from a file in Debian's Chromium: no request, no error.
let dir = "";
let htmlPath = "";
let browser: Browser;
let t: TestApp;

const questionnaire = {
  version: 1,
  answeredBy: "Head of ML <script>alert(1)</script>",
  answeredAt: "2026-11-01T00:00:00.000Z",
  org: {
    productTeamsUsingMl: 3,
    hasCentralMlPlatformTeam: true,
    productionOwnershipToday: "ml_engineering",
    appCodeHasCi: true,
    trainingOrchestrated: false,
  },
  needs: {
    dataScientists: { now: 5, in12Months: 8 },
    mlEngineers: { now: 2, in12Months: 3 },
    modelsInProduction: { now: 2, in12Months: 4 },
    newModelsPerQuarter: 1,
    integration: "core_product",
    inferenceModes: ["batch"],
    dataTypes: ["tabular", "text"],
    groundTruthLatency: "days",
    retrainingTrigger: "scheduled",
  },
  constraints: {
    dataResidency: "on_premises_only",
    euExposure: true,
    aiActRole: "provider",
    regulatedUseCases: ["credit"],
    otherRegimes: [],
    buildVsBuyLean: "undecided",
  },
  stakeholders: [{ role: "risk_compliance", successMetric: "bias rate" }],
  existingTools: [],
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sextant-roadmap-e2e-"));
  htmlPath = join(dir, "report.html");
  t = await createTestApp();
  await seedDemoIfEmpty({
    store: t.store,
    services: t.services,
    clock: () => new Date(),
    logger: pino({ level: "silent" }),
    demo: { enabled: true, seed: 3, days: 4, predictionsPerHour: 10 },
  });
  expect(
    (await t.app.inject({ method: "PUT", url: "/api/v1/roadmap/questionnaire", payload: questionnaire }))
      .statusCode,
  ).toBe(200);
  const created = await t.app.inject({ method: "POST", url: "/api/v1/roadmap/assessments", payload: {} });
  const id = (JSON.parse(created.body) as { assessment: { id: string } }).assessment.id;
  const html = await t.app.inject({ method: "GET", url: `/api/v1/roadmap/assessments/${id}/report.html` });
  await writeFile(htmlPath, html.body);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
  await t.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe("roadmap HTML export in Chromium", () => {
  it("opens offline with every section, escaped answers, no request and no console error", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(htmlPath).href);
    const headings = await page.locator("h2").allTextContents();
    expect(headings).toEqual([
      "1 Summary",
      "2 Step 1: organisation strategy",
      "3 Step 2: current and future needs",
      "4 Step 3: blueprint and priorities",
      "5 Stakeholders",
      "6 Regulatory readiness",
      "7 Steps 4–5: tool evaluation",
      "8 Appendix",
    ]);
    expect(await page.locator("#maturity + table tbody tr").count()).toBe(9);
    expect(await page.locator("script").count()).toBe(0);
    expect(await page.locator("body").innerText()).toContain("<script>alert(1)</script>");
    expect(await page.locator('a[href^="/monitors?modelId="]').count()).toBeGreaterThan(0);
    expect(await page.locator("text=D-UNREG").count()).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith("file:"))).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
