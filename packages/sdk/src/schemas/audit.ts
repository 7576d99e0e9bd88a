/** Wire schemas of the append-only, hash-chained audit log. */
import { z } from "zod";
import { idSchema, isoDateTimeSchema, pageQuerySchema, toPageSchema } from "./common.js";

/** One audit entry: who did what, when, from where, and the hash chain link. */
export const auditEventSchema = z
  .object({
    seq: z.number().int().describe("position in the chain, from 1"),
    at: isoDateTimeSchema,
    actorKind: z.enum(["user", "api_key", "system", "anonymous"]),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    action: z.string().describe("operation id (e.g. updateModel) or auth event (e.g. login.failed)"),
    outcome: z.enum(["success", "denied", "failure"]),
    workspaceId: z.string().nullable(),
    targetId: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    prevHash: z.string().describe("hash of the previous entry (64 zeros for the first)"),
    hash: z.string().describe("SHA-256 over prevHash and this entry's canonical JSON"),
  })
  .meta({ id: "AuditEvent" });

/** Query of `GET /audit-events`. */
export const listAuditEventsQuerySchema = pageQuerySchema.extend({
  workspaceId: idSchema.optional(),
  actorId: z.string().optional(),
  action: z.string().optional(),
  targetId: z.string().optional(),
  outcome: z.enum(["success", "denied", "failure"]).optional(),
  from: isoDateTimeSchema.optional().describe("inclusive lower bound of `at`"),
  to: isoDateTimeSchema.optional().describe("exclusive upper bound of `at`"),
});

/** Response of `GET /audit-events` (newest first). */
export const auditEventPageSchema = toPageSchema(auditEventSchema);

/** Response of `GET /audit-events/verify`. */
export const auditVerificationSchema = z
  .object({
    valid: z.boolean(),
    checkedEntries: z.number().int(),
    headSeq: z.number().int().describe("last sequence number; record it elsewhere to detect truncation"),
    headHash: z.string(),
    problems: z.array(z.object({ seq: z.number().int(), problem: z.string() })),
  })
  .meta({ id: "AuditVerification" });
