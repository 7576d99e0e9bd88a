/**
 * One crash round of the durability check, shared by the CI test and `bench/ingest-crash.ts`: senders
 * stream NDJSON batches into a server child process, which is killed with SIGKILL; after a restart the
 * stored event ids are read back and compared with the batches that got a 2xx.
 */
import { spawnServer, type ServerProcess } from "./spawn-server.js";
import { testColumns } from "./record-fixtures.js";
import { testAdminHeaders } from "./test-app.js";

/** What a crash round is told. */
export interface CrashRoundOptions {
  readonly dataDir: string;
  readonly rowsPerBatch: number;
  readonly senders: number;
  /** Kill the server this long after the senders started. */
  readonly killAfterMs: number;
  /** Version to write into (from an earlier round); a new workspace/model/version is made when absent. */
  readonly versionId?: string;
  /** First batch number, so rounds on one data dir never reuse ids. */
  readonly firstBatch?: number;
  /** Called with each child so the caller can kill leftovers. */
  readonly onChild?: (child: ServerProcess) => void;
}

/** What a crash round found after the restart. */
export interface CrashRoundOutcome {
  readonly versionId: string;
  readonly nextBatch: number;
  readonly acknowledgedBatches: number;
  readonly acknowledgedRows: number;
  readonly storedRows: number;
  /** Event ids stored more than once. */
  readonly duplicateIds: number;
  /** Acknowledged batches missing, or stored with fewer rows than sent. */
  readonly lostAcknowledgedBatches: readonly number[];
  /** Stored batches (acknowledged or not) with some but not all rows. */
  readonly partialBatches: readonly number[];
  /** Rows the version's ingest audit entries say were accepted (equals storedRows when none was lost). */
  readonly auditedRows: number;
  /** Whether `GET /audit-events/verify` found the chain intact after the crash. */
  readonly auditChainValid: boolean;
  readonly wallMs: number;
}

async function postJson(url: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...testAdminHeaders },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Record<string, unknown>;
}

async function createVersion(base: string): Promise<string> {
  const workspace = await postJson(`${base}/api/v1/workspaces`, { slug: "crash", name: "Crash" });
  const model = await postJson(`${base}/api/v1/workspaces/${String(workspace.id)}/models`, {
    name: "m",
    task: "binary",
    owner: { kind: "team", name: "t" },
  });
  const version = await postJson(`${base}/api/v1/models/${String(model.id)}/versions`, { name: "1" });
  const response = await fetch(`${base}/api/v1/versions/${String(version.id)}/schema`, {
    method: "PUT",
    headers: { "content-type": "application/json", ...testAdminHeaders },
    body: JSON.stringify({ columns: testColumns }),
  });
  if (response.status !== 200) throw new Error(`schema PUT answered ${response.status}`);
  return String(version.id);
}

function toNdjson(batch: number, rows: number): string {
  const lines: string[] = [];
  for (let row = 0; row < rows; row += 1) {
    const ts = new Date(1_700_000_000_000 + batch * 1000 + row).toISOString();
    lines.push(JSON.stringify({ id: `b${batch}-${row}`, ts, income: row, city: "x", score: 0.5 }));
  }
  return lines.join("\n");
}

async function readAllEventIds(base: string, versionId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 500) {
    const url = `${base}/api/v1/versions/${versionId}/events?limit=500&offset=${offset}`;
    const page = (await (await fetch(url, { headers: testAdminHeaders })).json()) as {
      items: { eventId: string }[];
    };
    ids.push(...page.items.map((item) => item.eventId));
    if (page.items.length < 500) return ids;
  }
}

async function readAuditedRows(base: string, versionId: string): Promise<number> {
  let rows = 0;
  for (let offset = 0; ; offset += 500) {
    const query = `action=ingestPredictions&targetId=${versionId}&limit=500&offset=${offset}`;
    const page = (await (
      await fetch(`${base}/api/v1/audit-events?${query}`, { headers: testAdminHeaders })
    ).json()) as {
      items: { details: { accepted?: number } }[];
    };
    for (const item of page.items) rows += item.details.accepted ?? 0;
    if (page.items.length < 500) return rows;
  }
}

async function readAuditChainValid(base: string): Promise<boolean> {
  const response = await fetch(`${base}/api/v1/audit-events/verify`, { headers: testAdminHeaders });
  return ((await response.json()) as { valid: boolean }).valid;
}

function compareStored(ids: readonly string[], acknowledged: ReadonlySet<number>, rowsPerBatch: number) {
  const rowsByBatch = new Map<number, number>();
  for (const id of ids) {
    const batch = Number(id.slice(1, id.indexOf("-")));
    rowsByBatch.set(batch, (rowsByBatch.get(batch) ?? 0) + 1);
  }
  return {
    duplicateIds: ids.length - new Set(ids).size,
    lostAcknowledgedBatches: [...acknowledged].filter((b) => rowsByBatch.get(b) !== rowsPerBatch),
    partialBatches: [...rowsByBatch].filter(([, n]) => n !== rowsPerBatch).map(([b]) => b),
  };
}

/** Runs one kill-and-restart round and reports what survived; the restarted server is stopped cleanly. */
export async function runCrashRound(options: CrashRoundOptions): Promise<CrashRoundOutcome> {
  const started = performance.now();
  const flags = [
    "--data-dir",
    options.dataDir,
    "--port",
    "0",
    "--demo-enabled",
    "false",
    "--log-level",
    "silent",
  ];
  const first = await spawnServer(flags);
  options.onChild?.(first);
  const versionId = options.versionId ?? (await createVersion(first.url));
  const acknowledged = new Set<number>();
  let nextBatch = options.firstBatch ?? 0;
  let killed = false;
  const send = async (): Promise<void> => {
    while (!killed) {
      const batch = nextBatch;
      nextBatch += 1;
      try {
        const response = await fetch(`${first.url}/api/v1/versions/${versionId}/predictions`, {
          method: "POST",
          headers: { "content-type": "application/x-ndjson", ...testAdminHeaders },
          body: toNdjson(batch, options.rowsPerBatch),
        });
        if (response.ok) acknowledged.add(batch);
        else await response.arrayBuffer();
      } catch {
        return;
      }
    }
  };
  const sending = Array.from({ length: options.senders }, send);
  await new Promise((resolve) => setTimeout(resolve, options.killAfterMs));
  first.child.kill("SIGKILL");
  killed = true;
  await first.exited;
  await Promise.all(sending);

  const second = await spawnServer(flags);
  options.onChild?.(second);
  const ids = await readAllEventIds(second.url, versionId);
  const auditedRows = await readAuditedRows(second.url, versionId);
  const auditChainValid = await readAuditChainValid(second.url);
  second.child.kill("SIGTERM");
  const exitCode = await second.exited;
  if (exitCode !== 0) throw new Error(`the restarted server stopped with ${exitCode}`);
  return {
    versionId,
    nextBatch,
    acknowledgedBatches: acknowledged.size,
    acknowledgedRows: acknowledged.size * options.rowsPerBatch,
    storedRows: ids.length,
    ...compareStored(ids, acknowledged, options.rowsPerBatch),
    auditedRows,
    auditChainValid,
    wallMs: performance.now() - started,
  };
}
