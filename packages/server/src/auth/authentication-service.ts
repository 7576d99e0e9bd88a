/**
 * Authentication: API keys (bearer), session cookies, sign-in with back-off, sign-out and password
 * change. Secrets are compared only as SHA-256 fingerprints; passwords only through argon2id.
 */
import type { WorkspaceRole } from "@sextant/sdk";
import { AppError } from "../app/app-error.js";
import type { IdGenerator } from "../registry/ids.js";
import type { AuthStore } from "../storage/auth-store.js";
import type { AuditService } from "./audit-service.js";
import type { SessionRecord, UserRecord } from "./auth-records.js";
import type { LoginThrottle } from "./login-throttle.js";
import { hashPassword, verifyDecoyPassword, verifyPassword } from "./password-hashing.js";
import type { Principal } from "./principal.js";
import { generateToken, isSameSecret, toSecretFingerprint } from "./secret-tokens.js";

/** Where a request comes from (for sessions, throttling and audit). */
export interface ClientInfo {
  readonly ip: string | null;
  readonly userAgent: string | null;
}

/** A new session: the cookie token (never stored) and the principal. */
export interface SignedIn {
  readonly token: string;
  readonly principal: Principal;
}

/** The authentication use cases. */
export interface AuthenticationService {
  authenticateBearer(key: string): Promise<Principal | undefined>;
  authenticateSession(token: string): Promise<Principal | undefined>;
  login(input: { username: string; password: string; client: ClientInfo }): Promise<SignedIn>;
  logout(principal: Principal): Promise<void>;
  changePassword(
    principal: Principal,
    input: { currentPassword: string; newPassword: string },
  ): Promise<void>;
}

/** Settings of authentication. */
export interface AuthenticationOptions {
  readonly store: AuthStore;
  readonly audit: AuditService;
  readonly throttle: LoginThrottle;
  readonly ids: IdGenerator;
  readonly clock: () => Date;
  readonly sessionTtlMs: number;
  /** The bootstrap organisation-admin key from SEXTANT_ADMIN_API_KEY, if set. */
  readonly bootstrapApiKey: string | undefined;
}

const touchEveryMs = 60_000;

/** Creates the authentication service. */
export function createAuthenticationService(options: AuthenticationOptions): AuthenticationService {
  const { store, audit, throttle, clock } = options;

  const principalOfUser = async (user: UserRecord, session: SessionRecord | null): Promise<Principal> => {
    const memberships = await store.listUserMemberships(user.id);
    return {
      kind: "user",
      id: user.id,
      name: user.username,
      orgAdmin: user.orgAdmin,
      roles: new Map(memberships.map((m) => [m.workspaceId, m.role] as [string, WorkspaceRole])),
      session,
      expiresAt: session?.expiresAt ?? null,
    };
  };
  const fail = async (
    username: string,
    client: ClientInfo,
    reason: string,
    keys: string[],
  ): Promise<never> => {
    throttle.recordFailure(keys);
    await audit.record({
      at: clock(),
      actorKind: "anonymous",
      actorId: null,
      actorName: username,
      action: "login",
      outcome: "failure",
      workspaceId: null,
      targetId: null,
      ...client,
      details: { reason },
    });
    throw new AppError("CREDENTIALS_INVALID", "the username or password is wrong");
  };

  return {
    async authenticateBearer(key) {
      const bootstrap = options.bootstrapApiKey;
      if (bootstrap !== undefined && isSameSecret(key, bootstrap)) {
        const id = "bootstrap";
        return {
          kind: "api_key",
          id,
          name: "bootstrap admin key",
          orgAdmin: true,
          roles: new Map(),
          session: null,
          expiresAt: null,
        };
      }
      const record = await store.findApiKeyByHash(toSecretFingerprint(key));
      const now = clock();
      if (record === undefined || record.revokedAt !== null) return undefined;
      if (record.expiresAt !== null && record.expiresAt.getTime() <= now.getTime()) return undefined;
      if (record.lastUsedAt === null || now.getTime() - record.lastUsedAt.getTime() >= touchEveryMs) {
        await store.touchApiKey(record.id, now);
      }
      return {
        kind: "api_key",
        id: record.id,
        name: record.name,
        orgAdmin: false,
        roles: new Map([[record.workspaceId, record.role]]),
        session: null,
        expiresAt: record.expiresAt,
      };
    },
    async authenticateSession(token) {
      const session = await store.findSessionByTokenHash(toSecretFingerprint(token));
      if (session === undefined) return undefined;
      if (session.expiresAt.getTime() <= clock().getTime()) {
        await store.deleteSession(session.id);
        return undefined;
      }
      const user = await store.findUser(session.userId);
      if (user === undefined || user.disabled) return undefined;
      return principalOfUser(user, session);
    },
    async login({ username, password, client }) {
      const keys = [`user:${username.toLowerCase()}`, `ip:${client.ip ?? "unknown"}`];
      const waitMs = throttle.computeWaitMs(keys);
      if (waitMs > 0) {
        const retryAfterSeconds = Math.ceil(waitMs / 1000);
        await audit.record({
          at: clock(),
          actorKind: "anonymous",
          actorId: null,
          actorName: username,
          action: "login",
          outcome: "denied",
          workspaceId: null,
          targetId: null,
          ...client,
          details: { reason: "rate_limited", retryAfterSeconds },
        });
        throw new AppError(
          "LOGIN_RATE_LIMITED",
          `too many failed sign-ins; retry in ${retryAfterSeconds} s`,
          {
            retryAfterSeconds,
          },
        );
      }
      const user = await store.findUserByUsername(username.toLowerCase());
      if (user === undefined) {
        await verifyDecoyPassword(password);
        return fail(username, client, "unknown_user", keys);
      }
      if (!(await verifyPassword(user.passwordHash, password)))
        return fail(username, client, "wrong_password", keys);
      if (user.disabled) return fail(username, client, "user_disabled", keys);
      throttle.recordSuccess([keys[0]!]);
      const now = clock();
      const token = generateToken();
      const session: SessionRecord = {
        id: options.ids("ses"),
        tokenHash: toSecretFingerprint(token),
        userId: user.id,
        csrfToken: generateToken(),
        createdAt: now,
        expiresAt: new Date(now.getTime() + options.sessionTtlMs),
        ...client,
      };
      await store.deleteExpiredSessions(now);
      await store.insertSession(session);
      await audit.record({
        at: now,
        actorKind: "user",
        actorId: user.id,
        actorName: user.username,
        action: "login",
        outcome: "success",
        workspaceId: null,
        targetId: user.id,
        ...client,
        details: { sessionId: session.id },
      });
      return { token, principal: await principalOfUser(user, session) };
    },
    async logout(principal) {
      if (principal.session !== null) await store.deleteSession(principal.session.id);
    },
    async changePassword(principal, input) {
      if (principal.kind !== "user") throw new AppError("PERMISSION_DENIED", "API keys have no password");
      const user = await store.findUser(principal.id);
      if (user === undefined || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
        throw new AppError("CREDENTIALS_INVALID", "the current password is wrong");
      }
      await store.updateUser({
        ...user,
        passwordHash: await hashPassword(input.newPassword),
        updatedAt: clock(),
      });
      await store.deleteUserSessions(user.id, principal.session?.id);
    },
  };
}
