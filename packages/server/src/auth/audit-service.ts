/**
 * The audit log use cases: append (group commit: entries waiting while a write runs go together in the
 * next transaction, and each caller resolves once its entry is durable), list with filters, verify.
 */
import type { Page } from "../registry/records.js";
import type { AuditFilter, AuthStore } from "../storage/auth-store.js";
import { verifyAuditChunk, type AuditChainProblem } from "./audit-chain.js";
import type { AuditDraft, AuditEntryRecord } from "./auth-records.js";

/** Result of a chain verification. */
export interface AuditVerification {
  readonly valid: boolean;
  readonly checkedEntries: number;
  readonly headSeq: number;
  readonly headHash: string;
  readonly problems: readonly AuditChainProblem[];
}

/**
 * A success entry that a store write carries into its own transaction (EventBatch.audit), so a change
 * and its audit record commit together; the route records the entry itself unless it was carried.
 */
export interface CarriedAudit<T> {
  draftFor(result: T): AuditDraft;
  /** Called once the write that carried the entry has committed. */
  markCarried(): void;
}

/** The audit use cases. */
export interface AuditService {
  /** Resolves once the entry is committed. */
  record(draft: AuditDraft): Promise<void>;
  list(filter: AuditFilter): Promise<Page<AuditEntryRecord>>;
  verify(): Promise<AuditVerification>;
}

interface Waiting {
  readonly draft: AuditDraft;
  resolve(): void;
  reject(error: unknown): void;
}

const verifyChunkSize = 5_000;

/** Creates the audit service over the store. */
export function createAuditService(store: AuthStore): AuditService {
  let waiting: Waiting[] = [];
  let flushing = false;

  // The store chains after the head it reads (and locks) in the writing transaction: no fork, no retry.
  const writeGroup = async (group: Waiting[]): Promise<void> => {
    await store.appendAuditDrafts(group.map((item) => item.draft));
  };
  const flush = async (): Promise<void> => {
    flushing = true;
    while (waiting.length > 0) {
      const group = waiting;
      waiting = [];
      try {
        await writeGroup(group);
        for (const item of group) item.resolve();
      } catch (error) {
        for (const item of group) item.reject(error);
      }
    }
    flushing = false;
  };

  return {
    record(draft) {
      // A JSON round trip now makes the hashed details equal to what the store reads back.
      const normalised = {
        ...draft,
        details: JSON.parse(JSON.stringify(draft.details)) as Record<string, unknown>,
      };
      return new Promise<void>((resolve, reject) => {
        waiting.push({ draft: normalised, resolve, reject });
        if (!flushing) void flush();
      });
    },
    list: (filter) => store.listAuditEntries(filter),
    async verify() {
      const head = await store.loadAuditHead();
      const cursor = { seq: 0, hash: "0".repeat(64), checked: 0, problems: [] as AuditChainProblem[] };
      for (;;) {
        const chunk = await store.scanAuditEntries(cursor.seq, verifyChunkSize);
        if (chunk.length === 0) break;
        verifyAuditChunk(cursor, chunk);
        if (chunk.length < verifyChunkSize) break;
      }
      if (cursor.seq !== head.seq || cursor.hash !== head.hash) {
        cursor.problems.push({
          seq: Math.min(cursor.seq + 1, head.seq),
          problem: `the log ends at entry ${cursor.seq} but the recorded head is entry ${head.seq}`,
        });
      }
      return {
        valid: cursor.problems.length === 0,
        checkedEntries: cursor.checked,
        headSeq: head.seq,
        headHash: head.hash,
        problems: cursor.problems,
      };
    },
  };
}
