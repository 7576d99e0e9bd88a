/**
 * Appends audit drafts inside a caller's DuckDB transaction: reads the stored head, chains the drafts
 * after it and inserts them with one multi-row statement. Because the head is read in the writing
 * transaction (and DuckDB writes are serialised), the chain can never fork; an ingest transaction
 * uses this to commit its batch and the batch's audit entry together.
 */
import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import { chainAuditDrafts, zeroHash } from "../../auth/audit-chain.js";
import type { AuditDraft, AuditEntryRecord } from "../../auth/auth-records.js";
import { auditToColumnValues } from "../auth-rows.js";

const columnsPerEntry = 14;

/** The chain head as stored (zero hash before the first entry). */
export async function readAuditHead(connection: DuckDBConnection): Promise<{ seq: number; hash: string }> {
  const rows = (
    await connection.runAndReadAll("SELECT seq, hash FROM audit_head WHERE id = 1")
  ).getRowObjectsJS();
  const row = rows[0];
  return row === undefined ? { seq: 0, hash: zeroHash } : { seq: Number(row.seq), hash: row.hash as string };
}

/** Chains the drafts after the stored head and writes them and the new head; the caller commits. */
export async function appendAuditDraftsWithin(
  connection: DuckDBConnection,
  drafts: readonly AuditDraft[],
): Promise<AuditEntryRecord[]> {
  if (drafts.length === 0) return [];
  const head = await readAuditHead(connection);
  const entries = chainAuditDrafts(drafts, head);
  const params: DuckDBValue[] = [];
  const tuples = entries.map((entry, index) => {
    const base = index * columnsPerEntry;
    // DuckDB takes timestamps as ISO text (cast in the statement).
    params.push(
      ...auditToColumnValues(entry).map((value) => (value instanceof Date ? value.toISOString() : value)),
    );
    const slots = Array.from({ length: columnsPerEntry }, (_, column) =>
      column === 1 ? `CAST($${base + 2} AS TIMESTAMP)` : `$${base + column + 1}`,
    );
    return `(${slots.join(", ")})`;
  });
  await connection.run(`INSERT INTO audit_log VALUES ${tuples.join(", ")}`, params);
  const last = entries[entries.length - 1]!;
  await connection.run(
    // The head row is created by the first append (seq 0 = no row yet).
    head.seq === 0
      ? "INSERT INTO audit_head VALUES (1, $1, $2)"
      : "UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1",
    [last.seq, last.hash],
  );
  return entries;
}
