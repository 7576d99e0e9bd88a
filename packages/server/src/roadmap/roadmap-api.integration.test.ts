/**
 * Roadmap over HTTP on the demo data: facts with sources, the questionnaire with pre-filled answers and
 * discrepancies, a full assessment in which every evidence item and fact links to its source, the
 * comparison with the previous one, the three exports, tool evaluations through the funnel, model cards.
 */
import { pino } from "pino";
import type { RoadmapAssessment } from "@sextant/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoIfEmpty } from "../demo/seed-demo.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import type { FactSources } from "../storage/roadmap-store.js";
import { findFactSource } from "./fact-sources.js";
import { listUnlinkedEvidence } from "./evidence-links.js";

let t: TestApp;
let modelId = "";
const api = "/api/v1";

async function send(method: "GET" | "POST" | "PUT" | "PATCH", url: string, payload?: unknown) {
  const response = await t.app.inject({
    method,
    url: api + url,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return {
    status: response.statusCode,
    body: response.body,
    type: String(response.headers["content-type"]),
    json: () => JSON.parse(response.body) as Record<string, unknown>,
  };
}

const questionnaire = {
  version: 1,
  answeredBy: "Head of ML",
  answeredAt: "2026-11-01T00:00:00.000Z",
  org: {
    productTeamsUsingMl: 2,
    hasCentralMlPlatformTeam: false,
    productionOwnershipToday: "data_science",
    appCodeHasCi: true,
    trainingOrchestrated: false,
  },
  needs: {
    dataScientists: { now: 4, in12Months: 6 },
    mlEngineers: { now: 1, in12Months: 2 },
    modelsInProduction: { now: 3, in12Months: 5 },
    newModelsPerQuarter: 1,
    integration: "decision_support",
    inferenceModes: ["batch", "realtime"],
    dataTypes: ["tabular", "text"],
    groundTruthLatency: "days",
    retrainingTrigger: "scheduled",
  },
  constraints: {
    dataResidency: "on_premises_only",
    euExposure: true,
    aiActRole: "deployer",
    regulatedUseCases: ["credit"],
    otherRegimes: ["GDPR"],
    buildVsBuyLean: "undecided",
  },
  stakeholders: [
    { role: "data_scientist", successMetric: "F1", metricKey: "f1" },
    { role: "risk_compliance", successMetric: "bias rate", metricKey: "demographic_parity_difference" },
  ],
  existingTools: [{ component: "experiment_tracking", tool: "MLflow", satisfied: true }],
};

beforeAll(async () => {
  t = await createTestApp({ config: { roadmap: { deploymentMode: "self_hosted_onprem" } } });
  await seedDemoIfEmpty({
    store: t.store,
    services: t.services,
    clock: () => new Date(),
    logger: pino({ level: "silent" }),
    demo: { enabled: true, seed: 7, days: 5, predictionsPerHour: 12 },
  });
  const models = (await send("GET", "/models")).json().items as { id: string }[];
  modelId = models[0]!.id;
  const versionId = ((await send("GET", `/models/${modelId}/versions`)).json().items as { id: string }[])[0]!
    .id;
  const refs = (await send("GET", `/versions/${versionId}/references`)).json().items as {
    id: string;
    kind: string;
  }[];
  const reference = refs.find((r) => r.kind === "file")!;
  const monitor = await send("POST", `/models/${modelId}/monitors`, {
    name: "income drift vs training",
    versionId,
    kind: "data_drift",
    metric: "psi",
    columns: ["annual_income"],
    window: { kind: "daily" },
    baseline: { kind: "reference", referenceId: reference.id },
    condition: { kind: "fixed", direction: "lower_is_better", warning: 0.1, critical: 0.25 },
  });
  expect(monitor.status).toBe(201);
  const run = await send("POST", `/monitors/${String(monitor.json().id)}/run`, {
    at: new Date().toISOString(),
  });
  expect(run.status).toBe(200);
}, 120_000);

afterAll(async () => {
  await t.dispose();
});

describe("roadmap facts and questionnaire", () => {
  it("gathers the demo facts, each with a linked source", async () => {
    const r = await send("GET", "/roadmap/facts");
    expect(r.status).toBe(200);
    const { facts, sources } = r.json() as {
      facts: Record<string, Record<string, unknown>>;
      sources: FactSources;
    };
    expect(facts.models).toMatchObject({
      total: 1,
      production: 1,
      highRisk: 1,
      withOwner: { num: 1, den: 1 },
      withSensitiveAttributes: 1,
    });
    expect(facts.monitoring).toMatchObject({
      anyActive: { num: 1, den: 1 },
      drift: { num: 1, den: 1 },
      trainingBaseline: { num: 1, den: 1 },
      groundTruthCoverage: { num: 1, den: 1 },
      dataQuality: { num: 1, den: 1 }, // the demo seeds a missing-share monitor
    });
    expect(facts.versions).toMatchObject({
      viaCi: { num: 1, den: 1 },
      withTrainingRunRef: { num: 1, den: 1 },
    });
    expect(facts.workload).toMatchObject({
      inferenceModesObserved: ["batch"],
      dataTypesObserved: ["tabular", "text"],
    });
    // Raw events are deleted after the configured retention (default 90 days), so R4 (≥ 183 d) can fail.
    expect(facts.governance).toMatchObject({
      predictionLogRetentionDays: { default: 90, high: 90 },
      deploymentMode: "self_hosted_onprem",
    });
    expect(sources["facts.models.withOwner"]?.links).toContain("/models?filter=no-owner");
    expect(sources["facts.monitoring.dataQuality"]?.links).toContain(`/monitors?modelId=${modelId}`);
    expect(sources["facts.monitoring.operational"]?.observed).toBe(false);
  });

  it("pre-fills a default questionnaire, then saves answers and flags discrepancies", async () => {
    const first = (await send("GET", "/roadmap/questionnaire")).json();
    expect(first).toMatchObject({
      revision: 0,
      savedAt: null,
      questionnaire: { needs: { modelsInProduction: { now: 1 } } },
    });
    expect(await send("POST", "/roadmap/assessments", {})).toMatchObject({ status: 409 });
    const bad = await send("PUT", "/roadmap/questionnaire", { ...questionnaire, version: 2 });
    expect(bad.status).toBe(400);
    const saved = await send("PUT", "/roadmap/questionnaire", questionnaire);
    expect(saved.status).toBe(200);
    const state = saved.json() as {
      revision: number;
      prefilled: Record<string, { differs: boolean; observed: unknown }>;
      discrepancies: { id: string }[];
    };
    expect(state.revision).toBe(1);
    expect(state.prefilled["needs.modelsInProduction.now"]).toMatchObject({ observed: 1, differs: true });
    expect(state.discrepancies.map((d) => d.id).sort()).toEqual(["D-MODE", "D-UNREG"]);
  });
});

describe("roadmap assessments", () => {
  let firstId = "";
  let secondId = "";

  it("creates a full assessment in which every number links to the facts behind it", async () => {
    const r = await send("POST", "/roadmap/assessments", {});
    expect(r.status).toBe(201);
    const { assessment, sources } = r.json() as { assessment: RoadmapAssessment; sources: FactSources };
    firstId = assessment.id;
    expect(assessment.rulesetVersion).toBe("roadmap-rules-1");
    expect(assessment.dimensions).toHaveLength(9);
    expect(assessment.strategy.strategy).toBeDefined();
    expect(assessment.nextSteps.length).toBeGreaterThan(0);
    expect(listUnlinkedEvidence(assessment, sources)).toEqual([]);
    for (const item of assessment.blueprint)
      for (const fact of Object.keys(item.evidence))
        expect(findFactSource(sources, fact)?.links.length, fact).toBeGreaterThan(0);
    for (const d of assessment.dimensions) expect(d.evidence.length, d.id).toBeGreaterThan(0);
    // Breaking a link is detected.
    expect(listUnlinkedEvidence(assessment, {})).not.toEqual([]);
  });

  it("stores assessments with history, one, and the comparison with the previous one", async () => {
    const second = (await send("POST", "/roadmap/assessments", {})).json() as {
      assessment: RoadmapAssessment;
    };
    secondId = second.assessment.id;
    expect(second.assessment.deltaFromPrevious?.previousId).toBe(firstId);
    const list = (await send("GET", "/roadmap/assessments")).json() as {
      items: { id: string }[];
      page: { total: number };
    };
    expect(list.items.map((i) => i.id)).toEqual([secondId, firstId]);
    expect((await send("GET", `/roadmap/assessments/${firstId}`)).json()).toMatchObject({
      assessment: { id: firstId },
    });
    expect((await send("GET", `/roadmap/assessments/${secondId}/comparison`)).json()).toMatchObject({
      currentId: secondId,
      previousId: firstId,
      delta: { progressIndexChange: 0 },
    });
    expect((await send("GET", `/roadmap/assessments/${firstId}/comparison`)).json()).toMatchObject({
      previousId: null,
      delta: null,
    });
    expect((await send("GET", "/roadmap/assessments/rma_000000000000000000000000")).status).toBe(404);
  });

  it("exports Markdown, self-contained HTML and JSON", async () => {
    const md = await send("GET", `/roadmap/assessments/${firstId}/report.md`);
    expect(md.type).toContain("text/markdown");
    expect(md.body).toContain("## 1 Summary");
    const html = await send("GET", `/roadmap/assessments/${firstId}/report.html`);
    expect(html.type).toContain("text/html");
    expect(html.body).toContain('<h2 id="regulatory">6 Regulatory readiness</h2>');
    expect(html.body).toContain(`href="/monitors?modelId=${modelId}"`);
    expect(html.body).not.toMatch(/<script|(src|href)="(https?:)?\/\//);
    const json = await send("GET", `/roadmap/assessments/${firstId}/report.json`);
    expect(JSON.parse(json.body)).toMatchObject({ assessment: { id: firstId } });
  });
});

describe("tool evaluations", () => {
  it("creates with default criteria, scores, and enforces the funnel", async () => {
    const created = await send("POST", "/roadmap/evaluations", {
      title: "Monitoring platform",
      useCase: "loan-default drift",
      candidates: [
        { name: "SaaS Observe", kind: "buy_saas" },
        { name: "OSS Watch", kind: "open_source" },
      ],
    });
    expect(created.status).toBe(201);
    const ev = created.json().evaluation as {
      id: string;
      candidates: { id: string; kind: string }[];
      criteria: { id: string; knockout?: unknown }[];
    };
    expect(ev.candidates.map((c) => c.kind)).toContain("build_in_house");
    expect(ev.criteria.find((c) => c.id === "sec.data_residency")?.knockout).toBeDefined();
    const saas = ev.candidates.find((c) => c.kind === "buy_saas")!.id;
    const scored = await send("POST", `/roadmap/evaluations/${ev.id}/scores`, {
      candidateId: saas,
      criterionId: "sec.data_residency",
      score: 1,
      evidenceKind: "docs",
    });
    const ranking = (scored.json().score as { ranking: { candidateId: string; knockedOut: boolean }[] })
      .ranking;
    expect(ranking.find((r) => r.candidateId === saas)?.knockedOut).toBe(true);
    expect(
      (
        await send("POST", `/roadmap/evaluations/${ev.id}/scores`, {
          candidateId: "nope",
          criterionId: "sec.data_residency",
          score: 1,
          evidenceKind: "docs",
        })
      ).status,
    ).toBe(422);
    const refused = await send("POST", `/roadmap/evaluations/${ev.id}/advance`, { selection: [saas] });
    expect(refused.status).toBe(409);
    expect(refused.json()).toMatchObject({ code: "EVALUATION_FUNNEL_REFUSED" });
    expect((await send("GET", "/roadmap/evaluations")).json()).toMatchObject({ page: { total: 1 } });
    const patched = await send("PATCH", `/roadmap/evaluations/${ev.id}`, {
      weightOverrides: { "tw.product_focus": 3 },
    });
    const criteria = (
      patched.json().evaluation as { criteria: { id: string; weight: number; weightOverridden?: boolean }[] }
    ).criteria;
    expect(criteria.find((c) => c.id === "tw.product_focus")).toMatchObject({
      weight: 3,
      weightOverridden: true,
    });
  });
});

describe("model cards", () => {
  it("renders the demo model's card in every format", async () => {
    const card = (await send("GET", `/models/${modelId}/card`)).json();
    expect(card).toMatchObject({
      name: "loan-default",
      sensitiveAttributes: ["age_band"],
      version: { name: "1.0.0" },
    });
    const mct = (await send("GET", `/models/${modelId}/card?format=mct-json`)).json();
    expect(mct).toMatchObject({ schema_version: "0.0.2", model_details: { name: "loan-default" } });
    const readme = await send("GET", `/models/${modelId}/card?format=hf-readme`);
    expect(readme.body.startsWith("---\n")).toBe(true);
    expect((await send("GET", `/models/${modelId}/card?format=html`)).type).toContain("text/html");
    expect((await send("GET", `/models/${modelId}/card?format=md`)).body).toContain(
      "# Model card: loan-default",
    );
  });
});
