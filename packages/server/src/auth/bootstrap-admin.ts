/**
 * First start: when no user exists, creates the organisation admin with the configured password or a
 * generated one, and prints how to sign in through `print` (the console), never through the logger.
 */
import type { AuthStore } from "../storage/auth-store.js";
import type { AccessAdminService } from "./access-admin-service.js";
import type { AuditService } from "./audit-service.js";
import { generatePassword } from "./secret-tokens.js";

/** Creates the bootstrap admin on an empty user table; returns true when it did. */
export async function bootstrapAdmin(options: {
  readonly store: AuthStore;
  readonly admin: AccessAdminService;
  readonly audit: AuditService;
  readonly clock: () => Date;
  readonly username: string;
  readonly password: string | undefined;
  /** Writes one line to the console (stdout), not to the log. */
  readonly print: (line: string) => void;
}): Promise<boolean> {
  if ((await options.store.countUsers()) > 0) return false;
  const generated = options.password === undefined;
  const password = options.password ?? generatePassword();
  const user = await options.admin.createUser({
    username: options.username,
    displayName: "Organisation admin",
    password,
    orgAdmin: true,
  });
  await options.audit.record({
    at: options.clock(),
    actorKind: "system",
    actorId: null,
    actorName: "bootstrap",
    action: "bootstrapAdmin",
    outcome: "success",
    workspaceId: null,
    targetId: user.id,
    ip: null,
    userAgent: null,
    details: { passwordSource: generated ? "generated" : "configuration" },
  });
  const how = generated
    ? `password ${password}\n  (generated and shown only this once; change it with POST /api/v1/auth/password)`
    : "the password from SEXTANT_ADMIN_PASSWORD";
  options.print(`Created the organisation admin. Sign in as "${options.username}" with ${how}.`);
  return true;
}
