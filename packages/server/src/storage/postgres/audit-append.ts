/**
 * Appends audit drafts inside a caller's PostgreSQL transaction: locks the one-row head
 * (`SELECT … FOR UPDATE`), chains the drafts after it and inserts them with one statement. Appends
 * from several processes therefore queue on the head row and the chain never forks; an ingest
 * transaction uses this to commit its batch and the batch's audit entry together.
 */
import { chainAuditDrafts, zeroHash } from "../../auth/audit-chain.js";
import type { AuditDraft, AuditEntryRecord } from "../../auth/auth-records.js";
import { auditToColumnValues } from "../auth-rows.js";
import { queryRows, type Param, type TxClient } from "./pg-session.js";

const columnsPerEntry = 14;

/** Chains the drafts after the locked head and writes them and the new head; the caller commits. */
export async function appendAuditDraftsWithin(
  client: TxClient,
  drafts: readonly AuditDraft[],
): Promise<AuditEntryRecord[]> {
  if (drafts.length === 0) return [];
  const row = (await queryRows(client, "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE"))[0];
  const head =
    row === undefined ? { seq: 0, hash: zeroHash } : { seq: Number(row.seq), hash: String(row.hash) };
  const entries = chainAuditDrafts(drafts, head);
  const params: Param[] = entries.flatMap(auditToColumnValues);
  const tuples = entries.map((_, index) => {
    const base = index * columnsPerEntry;
    return `(${Array.from({ length: columnsPerEntry }, (__, column) => `$${base + column + 1}`).join(", ")})`;
  });
  await client.query(`INSERT INTO audit_log VALUES ${tuples.join(", ")}`, params);
  const last = entries[entries.length - 1]!;
  await client.query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1", [last.seq, last.hash]);
  return entries;
}
