/**
 * Compliance exports over HTTP on the demo data: the evaluation score matrix as escaped, formula-guarded
 * CSV; the PMM plan and Annex IV skeleton of a model; the incident log and inventory as CSV; the audit log
 * as JSON Lines whose hash chain links up; and who may read them.
 */
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoIfEmpty } from "../demo/seed-demo.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

let t: TestApp;
let model: { id: string; name: string; workspaceId: string };
let evaluationId = "";
const api = "/api/v1";

async function send(method: "GET" | "POST", url: string, options: { payload?: object; key?: string } = {}) {
  const response = await t.app.inject({
    method,
    url: api + url,
    ...(options.payload === undefined ? {} : { payload: options.payload }),
    ...(options.key === undefined ? {} : { headers: { authorization: `Bearer ${options.key}` } }),
  });
  return {
    status: response.statusCode,
    body: response.body,
    type: String(response.headers["content-type"]),
    disposition: String(response.headers["content-disposition"]),
    json: () => JSON.parse(response.body) as Record<string, unknown>,
  };
}

/** Splits simple CSV (quoted fields may hold commas and doubled quotes, not line breaks). */
function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === "," && !quoted) {
      cells.push(cell);
      cell = "";
    } else cell += c;
  }
  return [...cells, cell];
}

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoIfEmpty({
    store: t.store,
    services: t.services,
    clock: () => new Date(),
    logger: pino({ level: "silent" }),
    demo: { enabled: true, seed: 5, days: 2, predictionsPerHour: 10 },
  });
  model = ((await send("GET", "/models")).json().items as (typeof model)[])[0]!;
});

afterAll(async () => {
  await t.dispose();
});

describe("evaluation score matrix CSV", () => {
  it("exports one row per criterion, one score/evidence/link triple per candidate, and the aggregates", async () => {
    const created = (
      await send("POST", "/roadmap/evaluations", { payload: { title: "Monitoring tool" } })
    ).json();
    const evaluation = created.evaluation as { id: string; criteria: { id: string }[] };
    evaluationId = evaluation.id;
    const withCandidate = (
      await send("POST", `/roadmap/evaluations/${evaluation.id}/candidates`, {
        payload: { name: '=HYPERLINK("http://x","y")', kind: "buy_saas" },
      })
    ).json().evaluation as { candidates: { id: string; name: string }[] };
    const candidate = withCandidate.candidates.find((c) => c.name.startsWith("="))!;
    await send("POST", `/roadmap/evaluations/${evaluation.id}/scores`, {
      payload: {
        candidateId: candidate.id,
        criterionId: "tw.model_deployment",
        score: 4,
        evidenceKind: "demo",
        evidenceUrl: "https://example.org/demo,notes",
      },
    });
    const csv = await send("GET", `/roadmap/evaluations/${evaluation.id}/export.csv`);
    expect(csv.status).toBe(200);
    expect(csv.type).toContain("text/csv");
    expect(csv.disposition).toBe(`attachment; filename="evaluation-${evaluation.id}.csv"`);
    const lines = csv.body.trimEnd().split("\r\n");
    const header = parseCsvLine(lines[0]!);
    expect(header.slice(0, 7)).toEqual([
      "criterion_id",
      "criterion",
      "group",
      "maps_to",
      "weight",
      "weight_overridden",
      "knockout_min_score",
    ]);
    // The formula-like candidate name is neutralised in the header.
    expect(header).toContain(`'=HYPERLINK("http://x","y") score`);
    expect(lines).toHaveLength(1 + evaluation.criteria.length + 4);
    const column = header.indexOf(`'=HYPERLINK("http://x","y") score`);
    const row = parseCsvLine(lines.find((l) => l.startsWith("tw.model_deployment,"))!);
    expect(row.slice(column, column + 3)).toEqual(["4", "demo", "https://example.org/demo,notes"]);
    expect(lines.find((l) => l.startsWith("tw.model_deployment,"))).toContain(
      '"https://example.org/demo,notes"',
    );
    const weighted = parseCsvLine(lines.find((l) => l.startsWith("weighted_score,"))!);
    expect(Number(weighted[column])).toBeGreaterThan(0);
    expect((await send("GET", "/roadmap/evaluations/tev_missing0000000000/export.csv")).status).toBe(404);
  });
});

describe("model compliance documents", () => {
  it("pre-fills the PMM plan from the model's monitors and owners", async () => {
    const plan = await send("GET", `/compliance/pmm-plan/${model.id}`);
    expect(plan.status).toBe(200);
    expect(plan.type).toContain("text/markdown");
    expect(plan.disposition).toContain('filename="pmm-plan.md"');
    expect(plan.body).toContain(`# Post-market monitoring plan: ${model.name.replaceAll("_", "\\_")}`);
    const monitors = (await send("GET", `/models/${model.id}/monitors`)).json().items as { name: string }[];
    expect(monitors.length).toBeGreaterThan(0);
    expect(plan.body).toContain("## 4 Monitoring in place");
    expect(
      plan.body.split("\n").filter((l) => l.startsWith("| ") && l.includes(" | ")).length,
    ).toBeGreaterThan(monitors.length);
    expect(plan.body).toContain("Art. 73");
  });

  it("fills the nine Annex IV sections and 404s on an unknown model", async () => {
    const annex = await send("GET", `/compliance/annex-iv/${model.id}`);
    expect(annex.status).toBe(200);
    expect(annex.body.match(/^## \d /gm)).toHaveLength(9);
    expect(annex.body).toContain(`/api/v1/compliance/pmm-plan/${model.id}`);
    const missing = await send("GET", "/compliance/annex-iv/mdl_missing000000000");
    expect(missing.status).toBe(404);
    expect(missing.json().code).toBe("MODEL_NOT_FOUND");
  });
});

describe("portfolio logs", () => {
  it("lists every incident and every model as CSV", async () => {
    const incidents = (await send("GET", "/incidents?limit=500")).json() as { page: { total: number } };
    const log = await send("GET", "/compliance/incident-log.csv");
    expect(log.status).toBe(200);
    const rows = log.body.trimEnd().split("\r\n");
    expect(rows[0]).toBe(
      "incident_id,title,model_id,model_name,segment,severity,status,opened_at,acknowledged_at,resolved_at,hours_to_acknowledge,hours_to_resolve,monitor_ids",
    );
    expect(rows).toHaveLength(1 + incidents.page.total);
    const inventory = await send("GET", "/compliance/inventory.csv");
    const lines = inventory.body.trimEnd().split("\r\n");
    const models = (await send("GET", "/models")).json() as { page: { total: number } };
    expect(lines).toHaveLength(1 + models.page.total);
    const row = parseCsvLine(lines.find((l) => l.startsWith(`${model.id},`))!);
    expect(row[1]).toBe(model.name);
    expect(Number(row[12])).toBeGreaterThan(0);
  });

  it("exports the audit log as JSON Lines whose hash chain links up", async () => {
    const log = await send("GET", "/compliance/audit-log.jsonl");
    expect(log.status).toBe(200);
    expect(log.type).toContain("application/x-ndjson");
    const entries = log.body
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { seq: number; prevHash: string; hash: string; action: string });
    expect(entries.length).toBeGreaterThan(0);
    entries.forEach((e, i) => {
      expect(e.seq).toBe(i + 1);
      if (i > 0) expect(e.prevHash).toBe(entries[i - 1]!.hash);
    });
  });

  it("keeps portfolio exports for organisation admins; a workspace viewer reads only its model's documents", async () => {
    const key = String(
      (
        await send("POST", `/workspaces/${model.workspaceId}/api-keys`, {
          payload: { name: "auditor", role: "viewer" },
        })
      ).json().key,
    );
    expect((await send("GET", `/compliance/pmm-plan/${model.id}`, { key })).status).toBe(200);
    for (const path of ["incident-log.csv", "inventory.csv", "audit-log.jsonl"])
      expect((await send("GET", `/compliance/${path}`, { key })).status).toBe(403);
    expect((await send("GET", `/roadmap/evaluations/${evaluationId}/export.csv`, { key })).status).toBe(403);
  });
});
