import { describe, expect, it } from "vitest";
import { chainAuditDrafts, toCanonicalJson, verifyAuditChunk, zeroHash } from "./audit-chain.js";
import type { AuditDraft } from "./auth-records.js";

const draft = (n: number): AuditDraft => ({
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)),
  actorKind: "user",
  actorId: "usr_1",
  actorName: "a",
  action: "updateModel",
  outcome: "success",
  workspaceId: "ws_1",
  targetId: null,
  ip: null,
  userAgent: null,
  details: { n },
});

describe("audit chain", () => {
  it("writes canonical JSON with sorted keys at every level", () => {
    expect(toCanonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}',
    );
  });

  it("links each entry to the previous hash and verifies a clean chain", () => {
    const entries = chainAuditDrafts([draft(1), draft(2), draft(3)], { seq: 0, hash: zeroHash });
    expect(entries.map((entry) => entry.seq)).toEqual([1, 2, 3]);
    expect(entries[0]!.prevHash).toBe(zeroHash);
    expect(entries[1]!.prevHash).toBe(entries[0]!.hash);
    const cursor = { seq: 0, hash: zeroHash, checked: 0, problems: [] };
    verifyAuditChunk(cursor, entries);
    expect(cursor).toMatchObject({ seq: 3, checked: 3, problems: [] });
  });

  it("reports a changed entry and a gap", () => {
    const entries = chainAuditDrafts([draft(1), draft(2), draft(3)], { seq: 0, hash: zeroHash });
    const changed = [{ ...entries[0]!, details: { n: 9 } }, entries[2]!];
    const cursor = { seq: 0, hash: zeroHash, checked: 0, problems: [] as { seq: number; problem: string }[] };
    verifyAuditChunk(cursor, changed);
    expect(cursor.problems.map((problem) => problem.seq)).toEqual([1, 2, 3]);
  });
});
