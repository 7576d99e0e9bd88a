/**
 * The 15-column peer data of issue 3 at any size, generated inside DuckDB from the peer generator's
 * spec.json (hash-based uniforms, the same distributions, injected drifts, target and prediction; not
 * NumPy's exact stream): used by `bench/report.ts` for the 1,000,000-row set and by the parity test,
 * which generates it in a few seconds when the benchmark has not.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
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

/**
 * Writes `reference.parquet` and `current.parquet` with `rows` rows each into `dir` (unless already
 * there) from the peer generator's `specPath`; returns `dir`.
 */
export async function generatePeerDriftData(input: {
  readonly rows: number;
  readonly dir: string;
  readonly specPath: string;
}): Promise<string> {
  const { rows, dir } = input;
  if (existsSync(join(dir, "current.parquet"))) return dir;
  mkdirSync(dir, { recursive: true });
  const spec = JSON.parse(readFileSync(input.specPath, "utf8")) as Spec;
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
