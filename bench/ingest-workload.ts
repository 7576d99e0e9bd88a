// The ingest benchmarks' shared workload (bench/ingest.ts against DuckDB, bench/ingest-postgres.ts against
// PostgreSQL): a 20-feature schema, seeded NDJSON rows, and the small helpers both print figures with.
import { Agent, request } from "node:http";
import { testAdminHeaders } from "../packages/server/src/testing/test-app.js";

/** Rows per NDJSON batch. */
export const rowsPerBatch = 1000;
/** Numeric features per prediction. */
export const numericFeatures = 16;
/** Categorical features per prediction. */
export const categoricalFeatures = 4;

/** The numeric value of `--name N` on the command line, or `fallback`. */
export function readFlag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}

/** Sends a JSON request with the admin key and returns the JSON answer. */
export async function postJson(url: string, method: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method,
    headers: { "content-type": "application/json", ...testAdminHeaders },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** Registers a workspace, model and version with the benchmark schema; returns the version id. */
export async function registerVersion(base: string): Promise<string> {
  const workspace = await postJson(`${base}/api/v1/workspaces`, "POST", { slug: "bench", name: "Bench" });
  const model = await postJson(`${base}/api/v1/workspaces/${String(workspace.id)}/models`, "POST", {
    name: "bench",
    task: "binary",
    owner: { kind: "team", name: "bench" },
  });
  const version = await postJson(`${base}/api/v1/models/${String(model.id)}/versions`, "POST", { name: "1" });
  const columns = [
    { name: "id", role: "id", type: "string", nullable: false },
    { name: "ts", role: "timestamp", type: "timestamp", nullable: false },
    ...Array.from({ length: numericFeatures }, (_, i) => ({
      name: `f${i}`,
      role: "feature",
      type: "numeric",
    })),
    ...Array.from({ length: categoricalFeatures }, (_, i) => ({
      name: `c${i}`,
      role: "feature",
      type: "categorical",
    })),
    { name: "score", role: "prediction_score", type: "numeric", nullable: false },
  ];
  await postJson(`${base}/api/v1/versions/${String(version.id)}/schema`, "PUT", { columns });
  return String(version.id);
}

/**
 * Row bodies without the id, generated once; each batch only prefixes fresh ids. Event times fall within
 * `spreadHours` hours (`--spread-hours`, default 1: a live model's batch of 1,000 predictions spans
 * seconds to minutes; 24 is the worst case for PostgreSQL's per-hour profiles, one per hour touched).
 */
export function buildRowTails(spreadHours = readFlag("spread-hours", 1)): string[] {
  let state = 42;
  const random = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  return Array.from({ length: rowsPerBatch }, () => {
    const row: Record<string, unknown> = {
      ts: new Date(1_767_225_600_000 + Math.floor(random() * spreadHours * 3_600_000)).toISOString(),
    };
    for (let i = 0; i < numericFeatures; i += 1) row[`f${i}`] = Math.round(random() * 1e6) / 1e3;
    for (let i = 0; i < categoricalFeatures; i += 1) row[`c${i}`] = `cat${Math.floor(random() * 20)}`;
    row.score = Math.round(random() * 1e4) / 1e4;
    return JSON.stringify(row).slice(1);
  });
}

/** One NDJSON batch: the shared row bodies with ids unique to `batch`. */
export function toBody(tails: readonly string[], batch: number): string {
  let body = "";
  for (let row = 0; row < tails.length; row += 1) body += `{"id":"b${batch}-${row}",${tails[row]!}\n`;
  return body;
}

/** The p-th percentile of sorted values (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** An answer of `postNdjson`. */
export interface PostAnswer {
  readonly status: number;
  readonly text: string;
}

/**
 * Posts NDJSON bodies over kept-alive connections with node:http. The load generator shares the machine
 * with the servers it measures, so it should cost as little as it can: `fetch` (undici, WHATWG streams)
 * took about twice the CPU per request here.
 */
export function createNdjsonPoster(url: string): (body: string) => Promise<PostAnswer> {
  const target = new URL(url);
  const agent = new Agent({ keepAlive: true });
  return (body) =>
    new Promise((resolve, reject) => {
      const payload = Buffer.from(body, "utf8");
      const req = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname + target.search,
          method: "POST",
          headers: {
            "content-type": "application/x-ndjson",
            "content-length": payload.length,
            ...testAdminHeaders,
          },
        },
        (res) => {
          const parts: Buffer[] = [];
          res.on("data", (part: Buffer) => parts.push(part));
          res.on("end", () => {
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString("utf8") });
          });
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(payload);
    });
}
