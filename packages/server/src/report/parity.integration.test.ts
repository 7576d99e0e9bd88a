import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDatasets } from "../files/load-datasets.js";
import { generatePeerDriftData } from "../testing/peer-drift-data.js";
import { buildReport } from "./build-report.js";
import { defaultDriftSettings, type DriftSettings } from "./drift-section.js";

// The peer data of issue 3: Evidently 0.7.15's verdicts at each size, and the generator's spec.
const peerDir = new URL("../../../../../shared/bench-data/drift-15col/", import.meta.url).pathname;
const generatedDir = new URL("../../../../bench/.data/drift-15col/", import.meta.url).pathname;

interface Verdict {
  method: string;
  score: number;
  drift: boolean;
}
const verdicts = JSON.parse(readFileSync(`${peerDir}evidently-verdicts.json`, "utf8")) as {
  by_rows: Record<string, Record<string, Verdict>>;
};
const methodIds: Record<string, string> = {
  "Wasserstein distance (normed)": "wasserstein_norm",
  "Jensen-Shannon distance": "jensenshannon",
};

// SciPy by hand (ks_2samp for numeric columns, chisquare(observed, expected from reference) for categorical, p < 0.05)
// flags these undrifted columns on the peer data: 10k cat_03_k35 (p 0.0036); 100k cat_00_k5 (0.0052), cat_02_k20 (2.4e-7).
const scipyFalseAlarms: Record<string, number> = { "10000": 1, "100000": 2 };

function settings(policy: "auto" | "sensitive"): DriftSettings {
  return { ...defaultDriftSettings, policy, correction: policy === "sensitive" ? "bonferroni" : "none" };
}

async function reportFor(dir: string, policy: "auto" | "sensitive") {
  const data = await loadDatasets({
    referencePath: `${dir}/reference.parquet`,
    currentPath: `${dir}/current.parquet`,
    kindOverrides: {},
    roles: {
      target: "target",
      prediction: "prediction",
      predictionProba: ["prediction_proba"],
      segments: [],
      protected: [],
    },
    strict: true,
    allowTypeErrors: false,
  });
  return buildReport(data, { drift: settings(policy), toolVersion: "test", generatedAt: new Date(0) });
}

describe.each(["10000", "100000"])("peer data, %s rows per side", (rows) => {
  it("matches Evidently's methods, scores (rel 1e-6) and verdicts under the default policy", async () => {
    const report = await reportFor(`${peerDir}${rows}`, "auto");
    const expected = verdicts.by_rows[rows]!;
    expect(report.columns.map((c) => c.name).sort()).toEqual(Object.keys(expected).sort());
    for (const column of report.columns) {
      const e = expected[column.name]!;
      expect(column.method, column.name).toBe(methodIds[e.method]);
      expect(Math.abs(column.score! - e.score) / Math.abs(e.score), column.name).toBeLessThanOrEqual(1e-6);
      expect(column.drifted, column.name).toBe(e.drift);
    }
  });

  it("flags all 5 injected drifts under the sensitive policy, with no more false alarms than SciPy by hand", async () => {
    const spec = JSON.parse(readFileSync(`${peerDir}${rows}/spec.json`, "utf8")) as {
      drifted_columns: string[];
    };
    const report = await reportFor(`${peerDir}${rows}`, "sensitive");
    const flagged = report.columns.filter((c) => c.drifted).map((c) => c.name);
    expect(flagged.filter((n) => spec.drifted_columns.includes(n)).sort()).toEqual(
      [...spec.drifted_columns].sort(),
    );
    expect(flagged.length - spec.drifted_columns.length).toBeLessThanOrEqual(scipyFalseAlarms[rows]!);
  });
});

// The 1,000,000-row set: the one `bench/report.ts` generated (git-ignored), else generated here into a
// temporary directory with the same generator (about 5 s, 170 MB, removed afterwards).
describe("generated data, 1,000,000 rows per side", () => {
  let dir = `${generatedDir}1000000`;
  let temporary: string | undefined;
  beforeAll(async () => {
    if (existsSync(`${dir}/reference.parquet`)) return;
    temporary = mkdtempSync(join(tmpdir(), "sextant-parity-"));
    dir = await generatePeerDriftData({
      rows: 1_000_000,
      dir: temporary,
      specPath: `${peerDir}100000/spec.json`,
    });
  }, 120_000);
  afterAll(() => {
    if (temporary !== undefined) rmSync(temporary, { recursive: true, force: true });
  });

  it("flags all 5 injected drifts under the sensitive policy", async () => {
    const spec = JSON.parse(readFileSync(`${peerDir}100000/spec.json`, "utf8")) as {
      drifted_columns: string[];
    };
    const report = await reportFor(dir, "sensitive");
    expect(report.summary.rows).toEqual({ reference: 1_000_000, current: 1_000_000 });
    const flagged = report.columns.filter((c) => c.drifted).map((c) => c.name);
    expect(flagged.filter((n) => spec.drifted_columns.includes(n)).sort()).toEqual(
      [...spec.drifted_columns].sort(),
    );
    expect(flagged.length - spec.drifted_columns.length).toBeLessThanOrEqual(1);
  }, 120_000);
});
