/** PostgreSQL parameter order of the auth tables; the row converters are shared (../auth-rows.ts). */
import type { UserRecord } from "../../auth/auth-records.js";
import type { Param } from "./pg-session.js";

export { apiKeyFromRow, auditFromRow, membershipFromRow, sessionFromRow, userFromRow } from "../auth-rows.js";

/** User record fields in column order of the `users` table. */
export function userToParams(record: UserRecord): Param[] {
  return [
    record.id,
    record.username,
    record.displayName,
    record.passwordHash,
    record.orgAdmin,
    record.disabled,
    record.createdAt,
    record.updatedAt,
  ];
}
