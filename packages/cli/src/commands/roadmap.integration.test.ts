/**
 * `sextant roadmap` against a real server (DuckDB in a temp dir, the demo seeded, listening on a free
 * port): usage errors, the input error before the questionnaire is saved, saving answers from a file, the
 * Markdown/JSON/HTML reports, and the offline report from the facts the server gathered.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { configSchema, startServer, type RunningServer } from "@sextant/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exitCodes } from "../exit-codes.js";
import { runRoadmapCommand, type RoadmapIo } from "./roadmap.js";

const apiKey = "sxk_cli-roadmap-test-key-0123456789abcdefghij";
let dir = "";
let server: RunningServer;

const answers = {
  version: 1,
  answeredBy: "CLI test",
  answeredAt: "2026-11-01T00:00:00.000Z",
  org: {
    productTeamsUsingMl: 1,
    hasCentralMlPlatformTeam: false,
    productionOwnershipToday: "data_science",
    appCodeHasCi: true,
    trainingOrchestrated: false,
  },
  needs: {
    dataScientists: { now: 2, in12Months: 3 },
    mlEngineers: { now: 1, in12Months: 1 },
    modelsInProduction: { now: 4, in12Months: 6 },
    newModelsPerQuarter: 1,
    integration: "decision_support",
    inferenceModes: ["batch"],
    dataTypes: ["tabular"],
    groundTruthLatency: "days",
    retrainingTrigger: "ad_hoc",
  },
  constraints: {
    dataResidency: "on_premises_only",
    euExposure: false,
    aiActRole: "none",
    regulatedUseCases: [],
    otherRegimes: [],
    buildVsBuyLean: "open_source_first",
  },
  stakeholders: [{ role: "data_scientist", successMetric: "F1" }],
  existingTools: [],
};

/** An io that records what the command prints; stdin is empty and there is no terminal. */
function createIo(): RoadmapIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    fetch,
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    isTty: false,
    readStdin: () => Promise.resolve(""),
    env: { SEXTANT_URL: server.url, SEXTANT_API_KEY: apiKey },
  };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sextant-cli-roadmap-"));
  server = await startServer(
    configSchema.parse({
      dataDir: dir,
      port: 0,
      adminApiKey: apiKey,
      logLevel: "silent",
      demo: { enabled: true, days: 1, predictionsPerHour: 10 },
    }),
    { print: () => undefined },
  );
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe("sextant roadmap", () => {
  it("prints the usage and exits 2 on usage errors", async () => {
    const none = createIo();
    expect(await runRoadmapCommand([], none)).toBe(exitCodes.usage);
    expect(none.out.join("")).toContain("Usage: sextant roadmap report");
    const unknown = createIo();
    expect(await runRoadmapCommand(["publish"], unknown)).toBe(exitCodes.usage);
    expect(unknown.err.join("")).toContain("unknown roadmap command publish");
    const format = createIo();
    expect(await runRoadmapCommand(["report", "--format", "pdf"], format)).toBe(exitCodes.usage);
    expect(format.err.join("")).toContain("--format must be md, html or json");
    const flag = createIo();
    expect(await runRoadmapCommand(["report", "--colour"], flag)).toBe(exitCodes.usage);
    const offline = createIo();
    expect(await runRoadmapCommand(["report", "--facts", "f.json"], { ...offline, env: {} })).toBe(
      exitCodes.usage,
    );
    expect(offline.err.join("")).toContain("--questionnaire FILE");
  });

  it("exits 3 with the server's problem before the questionnaire is saved", async () => {
    const io = createIo();
    expect(await runRoadmapCommand(["report", "--format", "md"], io)).toBe(exitCodes.input);
    expect(io.err.join("")).toContain("ROADMAP_QUESTIONNAIRE_MISSING");
  });

  it("saves answers from a file, reports the discrepancy, and exits 3 on an invalid file", async () => {
    const file = join(dir, "answers.json");
    await writeFile(file, JSON.stringify(answers));
    const io = createIo();
    expect(await runRoadmapCommand(["questionnaire", "--file", file], io)).toBe(exitCodes.ok);
    // 4 production models declared, the demo registers fewer: D-UNREG.
    expect(io.err.join("")).toMatch(/saved questionnaire revision 1\ndiscrepancy: .*not registered/);
    const bad = join(dir, "bad.json");
    await writeFile(bad, JSON.stringify({ ...answers, version: 2 }));
    const invalid = createIo();
    expect(await runRoadmapCommand(["questionnaire", "--file", bad], invalid)).toBe(exitCodes.input);
    expect(invalid.err.join("")).toContain("is not a valid questionnaire: version");
  });

  it("prints the Markdown, JSON and HTML reports of a new assessment", async () => {
    const md = createIo();
    expect(await runRoadmapCommand(["report", "--format", "md"], md)).toBe(exitCodes.ok);
    expect(md.out.join("")).toMatch(/^# /);
    expect(md.out.join("")).toContain("Step 1");
    const json = createIo();
    expect(await runRoadmapCommand(["report", "--format", "json"], json)).toBe(exitCodes.ok);
    const body = JSON.parse(json.out.join("")) as { assessment: { dimensions: unknown[]; strategy: object } };
    expect(body.assessment.dimensions).toHaveLength(9);
    expect(body.assessment.strategy).toMatchObject({ strategy: "centralized" });
    const out = join(dir, "report.html");
    const html = createIo();
    expect(await runRoadmapCommand(["report", "--format", "html", "--out", out], html)).toBe(exitCodes.ok);
    expect(html.out).toEqual([]);
    const page = await readFile(out, "utf8");
    expect(page).toMatch(/^<!doctype html>/i);
    expect(page).not.toContain("<script");
  });

  it("scores the server's facts offline, and exits 3 on a missing file", async () => {
    const response = await fetch(`${server.url}/api/v1/roadmap/facts`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    const facts = join(dir, "facts.json");
    await writeFile(facts, await response.text());
    const q = join(dir, "answers.json");
    const io = createIo();
    const args = ["report", "--format", "md", "--facts", facts, "--questionnaire", q];
    expect(await runRoadmapCommand(args, { ...io, env: {} })).toBe(exitCodes.ok);
    expect(io.out.join("")).toContain("centralized");
    const missing = createIo();
    const noFile = ["report", "--facts", join(dir, "nope.json"), "--questionnaire", q];
    expect(await runRoadmapCommand(noFile, { ...missing, env: {} })).toBe(exitCodes.input);
    expect(missing.err.join("")).toContain("cannot read");
  });
});
