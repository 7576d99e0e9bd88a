/**
 * The audit hash chain: hash_n = SHA-256(hash_{n-1} + "\n" + canonical JSON of entry n). Changing,
 * inserting or deleting any entry breaks every later link; the stored head catches a cut-off tail.
 */
import { createHash } from "node:crypto";
import type { AuditDraft, AuditEntryRecord } from "./auth-records.js";

/** The prevHash of the first entry. */
export const zeroHash = "0".repeat(64);

/** JSON with object keys sorted at every level, so equal values always hash equally. */
export function toCanonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(toCanonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${toCanonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The hash of an entry given its predecessor's hash. */
export function computeAuditHash(entry: AuditDraft & { readonly seq: number }, prevHash: string): string {
  const body = toCanonicalJson([
    entry.seq,
    entry.at.toISOString(),
    entry.actorKind,
    entry.actorId,
    entry.actorName,
    entry.action,
    entry.outcome,
    entry.workspaceId,
    entry.targetId,
    entry.ip,
    entry.userAgent,
    entry.details,
  ]);
  return createHash("sha256").update(`${prevHash}\n${body}`).digest("hex");
}

/** Chains drafts after a head. */
export function chainAuditDrafts(
  drafts: readonly AuditDraft[],
  head: { readonly seq: number; readonly hash: string },
): AuditEntryRecord[] {
  let { seq, hash } = head;
  return drafts.map((draft) => {
    seq += 1;
    const prevHash = hash;
    hash = computeAuditHash({ ...draft, seq }, prevHash);
    return { ...draft, seq, prevHash, hash };
  });
}

/** A broken link found by verification. */
export interface AuditChainProblem {
  readonly seq: number;
  readonly problem: string;
}

/** Running state of a chunked verification. */
export interface AuditChainCursor {
  seq: number;
  hash: string;
  checked: number;
  readonly problems: AuditChainProblem[];
}

/** Checks the next chunk of entries (in seq order) against the cursor and advances it. */
export function verifyAuditChunk(cursor: AuditChainCursor, entries: readonly AuditEntryRecord[]): void {
  for (const entry of entries) {
    if (entry.seq !== cursor.seq + 1) {
      cursor.problems.push({
        seq: cursor.seq + 1,
        problem: `entries ${cursor.seq + 1}..${entry.seq - 1} are missing`,
      });
    }
    if (entry.prevHash !== cursor.hash) {
      cursor.problems.push({ seq: entry.seq, problem: "prevHash does not match the previous entry" });
    }
    if (computeAuditHash(entry, entry.prevHash) !== entry.hash) {
      cursor.problems.push({ seq: entry.seq, problem: "the entry was changed after it was written" });
    }
    cursor.seq = entry.seq;
    cursor.hash = entry.hash;
    cursor.checked += 1;
  }
}
