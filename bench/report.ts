/**
 * Benchmark of issue 3: whole-process wall time of `sextant report --json` on the 15-column peer data
 * (median of 5 runs) at 10k, 100k and 1M rows per side, with peak RSS, against the peers' figures.
 * The 1M set is generated from the peer generator's spec.json inside DuckDB (hash-based uniforms, the
 * same distributions and injected drifts; not NumPy's exact stream) into bench/.data/ (git-ignored).
 * It runs the shipped binary (the esbuild bundle, packages/cli/dist/sextant.js) and prints the load
 * average around each size, since the machine is shared. Run: `npm run build && npx tsx bench/report.ts
 * [--runs 5] [--sizes 10000,100000,1000000]`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";

interface NumericSpec {
  name: string;
  dist: "normal" | "lognormal" | "uniform" | "uniform_int";
  params: Record<string, number>;
  drift: Record<string, number | string> | null;
}
interface CategoricalSpec {
  name: string;
  n_categories: number;
  zipf_s: number;
  drift: { kind: "permute" | "mix_uniform"; weight?: number } | null;
}
interface Spec {
  numeric: NumericSpec[];
  categorical: CategoricalSpec[];
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const peerDir = join(root, "..", "shared", "bench-data", "drift-15col");
const dataDir = join(root, "bench", ".data", "drift-15col");
// Peer figures quoted in issue 3 (same data, same machine): wall seconds at 10k / 100k / 1M.
const peers: Record<string, readonly [number, number, number]> = {
  "Evidently 0.7.15": [1.33, 6.0, 71.9],
  "NannyML 0.13": [0.25, 1.4, 14.1],
  "SciPy by hand": [0.05, 0.52, 3.9],
};
const goals: readonly [number, number, number] = [0.3, 0.4, 1.5];

/** A uniform in (0, 1) from the row number and a stream id, computed by DuckDB. */
const uniform = (stream: number) => `((hash(i * 4096 + ${stream}) >> 11)::DOUBLE + 0.5) / 9007199254740992.0`;
const normal = (stream: number) =>
  `(sqrt(-2 * ln(${uniform(stream)})) * cos(2 * pi() * ${uniform(stream + 1)}))`;

function numericSql(spec: NumericSpec, drifted: boolean, stream: number): string {
  const p = {
    ...spec.params,
    ...(drifted && spec.drift !== null ? (spec.drift as Record<string, number>) : {}),
  };
  switch (spec.dist) {
    case "normal":
      return `${p.loc!} + ${p.scale!} * ${normal(stream)}`;
    case "lognormal":
      return `exp(${p.mean!} + ${p.sigma!} * ${normal(stream)})`;
    case "uniform":
      return `${p.low!} + ${p.high! - p.low!} * ${uniform(stream)}`;
    case "uniform_int":
      return `CAST(floor(${p.low!} + ${p.high! - p.low!} * ${uniform(stream)}) AS BIGINT)`;
  }
}

function categoricalSql(spec: CategoricalSpec, drifted: boolean, stream: number): string {
  const k = spec.n_categories;
  let p = Array.from({ length: k }, (_, i) => 1 / (i + 1) ** spec.zipf_s);
  const total = p.reduce((s, v) => s + v, 0);
  p = p.map((v) => v / total);
  if (drifted && spec.drift?.kind === "permute") p = p.reverse();
  if (drifted && spec.drift?.kind === "mix_uniform")
    p = p.map((v) => (1 - (spec.drift?.weight ?? 0.1)) * v + (spec.drift?.weight ?? 0.1) / k);
  let cumulative = 0;
  const label = (i: number) => `'k${k}_v${String(i).padStart(2, "0")}'`;
  const cases = p.slice(0, -1).map((v, i) => {
    cumulative += v;
    return `WHEN u < ${cumulative} THEN ${label(i)}`;
  });
  return `(SELECT CASE ${cases.join(" ")} ELSE ${label(k - 1)} END FROM (SELECT ${uniform(stream)} AS u))`;
}

async function generate(rows: number): Promise<string> {
  const dir = join(dataDir, String(rows));
  if (existsSync(join(dir, "current.parquet"))) return dir;
  mkdirSync(dir, { recursive: true });
  const spec = JSON.parse(readFileSync(join(peerDir, "100000", "spec.json"), "utf8")) as Spec;
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  for (const [side, drifted, offset] of [
    ["reference", false, 0],
    ["current", true, 1000],
  ] as const) {
    const columns = [
      ...spec.numeric.map((c, j) => `${numericSql(c, drifted, offset + 10 * j)} AS ${c.name}`),
      ...spec.categorical.map((c, j) => `${categoricalSql(c, drifted, offset + 500 + 10 * j)} AS ${c.name}`),
    ];
    const logit = `1.5 * num_00_normal + 0.4 * (num_01_normal - 50) / 10 + 0.3 * (num_04_lognormal - 1.1)`;
    await connection.run(`COPY (
      SELECT * EXCLUDE (i, z, u), CAST(u < 1 / (1 + exp(-z)) AS BIGINT) AS target, 1 / (1 + exp(-z)) AS prediction_proba,
             CAST(z >= 0 AS BIGINT) AS prediction
      FROM (SELECT *, ${logit} AS z, ${uniform(offset + 900)} AS u
            FROM (SELECT i, ${columns.join(", ")} FROM range(${rows}) t(i)))
    ) TO '${join(dir, `${side}.parquet`)}' (FORMAT parquet)`);
  }
  connection.closeSync();
  instance.closeSync();
  return dir;
}

function measure(dir: string, runs: number): { wall: number; walls: number[]; rssMb: number } {
  const bin = process.env.SEXTANT_BIN ?? `node ${join(root, "packages", "cli", "dist", "sextant.js")}`;
  const args = `report -q -r ${dir}/reference.parquet -c ${dir}/current.parquet --target target --prediction prediction --prediction-proba prediction_proba --json /tmp/sextant-bench-report.json`;
  const walls: number[] = [];
  let rss = 0;
  for (let r = 0; r < runs; r++) {
    const result = spawnSync("/usr/bin/time", ["-f", "%e %M", "sh", "-c", `${bin} ${args}`], {
      encoding: "utf8",
    });
    if (result.status !== 0) throw new Error(`sextant failed: ${result.stderr}`);
    const [wall, kb] = result.stderr.trim().split("\n").pop()!.split(" ").map(Number);
    walls.push(wall!);
    rss = Math.max(rss, kb! / 1024);
  }
  const sorted = [...walls].sort((a, b) => a - b);
  return { wall: sorted[Math.floor(runs / 2)]!, walls, rssMb: rss };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const runs = Number(argv[argv.indexOf("--runs") + 1] ?? 5) || 5;
  const sizes = (argv.includes("--sizes") ? argv[argv.indexOf("--sizes") + 1]! : "10000,100000,1000000")
    .split(",")
    .map(Number);
  console.log(`sextant report --json, 15-column peer data, median of ${runs} runs (wall s, peak RSS MB)`);
  for (const rows of sizes) {
    const index = [10_000, 100_000, 1_000_000].indexOf(rows);
    const dir = rows === 1_000_000 ? await generate(rows) : join(peerDir, String(rows));
    const loadBefore = loadavg()[0]!;
    const { wall, walls, rssMb } = measure(dir, runs);
    const load = `load ${loadBefore.toFixed(2)} -> ${loadavg()[0]!.toFixed(2)}`;
    const ratios = Object.entries(peers)
      .map(([name, t]) => `${name} ${(t[index]! / wall).toFixed(1)}x`)
      .join(", ");
    console.log(
      `${String(rows).padStart(8)} rows: ${wall.toFixed(2)} s (goal <= ${goals[index]!} s; runs ${walls.map((w) => w.toFixed(2)).join(" ")}; ${load}), peak ${rssMb.toFixed(0)} MB; faster than ${ratios}`,
    );
  }
}

await main();
