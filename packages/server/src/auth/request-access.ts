/**
 * Auth at the HTTP boundary: an onRequest hook authenticates every request (bearer key or session
 * cookie) and enforces CSRF rules on cookie-authenticated changes; `authorizeRoute` and
 * `auditRoute` are called by defineRoute around every contract operation.
 */
import { apiBasePath, apiContract, type OperationId } from "@sextant/sdk";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../app/app-error.js";
import { authorizeOperation, PermissionDeniedError, type AccessDecision } from "./access-guard.js";
import type { AuditService } from "./audit-service.js";
import type { ActorKind, AuditDraft } from "./auth-records.js";
import type { AuthenticationService, ClientInfo } from "./authentication-service.js";
import { readCookie, sessionCookieName } from "./cookies.js";
import type { Permission } from "./permissions.js";
import { listPermittedWorkspaceIds, type Principal } from "./principal.js";
import type { ResourceResolvers } from "./resource-resolvers.js";
import {
  assertRoutePermissionsComplete,
  routePermissions,
  type RoutePermission,
} from "./route-permissions.js";
import { isSameSecret } from "./secret-tokens.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The authenticated caller, or null. */
    principal: Principal | null;
  }
  interface FastifyInstance {
    /** Route-level authorization and audit, used by defineRoute. */
    routeAccess: RouteAccess;
  }
}

/** What defineRoute calls around each operation. */
export interface RouteAccess {
  authorize(operationId: OperationId, request: FastifyRequest): Promise<AccessDecision>;
  audit(
    operationId: OperationId,
    request: FastifyRequest,
    decision: AccessDecision,
    body: unknown,
  ): Promise<void>;
  /** True when defineRoute records a success entry for the operation (not GETs, "none" or "self"). */
  isAudited(operationId: OperationId): boolean;
  /** The success entry `audit` would record for this body, or null when the operation is not audited here. */
  draftAudit(
    operationId: OperationId,
    request: FastifyRequest,
    decision: AccessDecision,
    body: unknown,
  ): AuditDraft | null;
}

/** Dependencies of the HTTP auth layer. */
export interface RequestAccessDeps {
  readonly authentication: AuthenticationService;
  readonly audit: AuditService;
  readonly resolvers: ResourceResolvers;
  readonly clock: () => Date;
  /** Permission rows (defaults to the route-permission table; tests may pass another). */
  readonly permissions?: Readonly<Record<string, RoutePermission | undefined>>;
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/** The client address and user agent of a request. */
export function toClientInfo(request: FastifyRequest): ClientInfo {
  const agent = request.headers["user-agent"];
  return { ip: request.ip || null, userAgent: typeof agent === "string" ? agent.slice(0, 300) : null };
}

/** The workspaces where the caller holds the permission (undefined = all); for listed routes. */
export function readPermittedWorkspaceIds(
  request: FastifyRequest,
  permission: Permission,
): string[] | undefined {
  if (request.principal === null) return [];
  return listPermittedWorkspaceIds(request.principal, permission);
}

/** Refuses a request whose Origin header names another host (cross-site forms and fetches). */
export function checkSameOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (typeof origin === "string" && origin !== "null") {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      host = "";
    }
    if (host !== request.host)
      throw new AppError("CSRF_TOKEN_INVALID", `requests from origin ${origin} are refused`);
  }
}

function checkCsrf(request: FastifyRequest, principal: Principal): void {
  checkSameOrigin(request);
  const token = request.headers["x-csrf-token"];
  const expected = principal.session?.csrfToken;
  if (typeof token !== "string" || expected === undefined || !isSameSecret(token, expected)) {
    throw new AppError("CSRF_TOKEN_INVALID", "send the session's CSRF token in the X-CSRF-Token header");
  }
}

function toActor(principal: Principal | null): {
  actorKind: ActorKind;
  actorId: string | null;
  actorName: string | null;
} {
  if (principal === null) return { actorKind: "anonymous", actorId: null, actorName: null };
  return { actorKind: principal.kind, actorId: principal.id, actorName: principal.name };
}

function toWorkspaceOfBody(operationId: string, body: unknown): string | null {
  if (typeof body !== "object" || body === null) return null;
  const record = body as Record<string, unknown>;
  if (typeof record.workspaceId === "string") return record.workspaceId;
  return operationId === "createWorkspace" && typeof record.id === "string" ? record.id : null;
}

/** Installs authentication and the route access checks; throws when an operation has no permission row. */
export function installRequestAccess(app: FastifyInstance, deps: RequestAccessDeps): void {
  const table = deps.permissions ?? routePermissions;
  assertRoutePermissionsComplete(Object.keys(apiContract), table);
  for (const [operationId, row] of Object.entries(table)) {
    if (row?.scope !== undefined && deps.resolvers[row.scope.kind] === undefined) {
      throw new Error(
        `operation ${operationId} is scoped by ${row.scope.kind}, which has no resource resolver`,
      );
    }
  }
  app.decorateRequest("principal", null);
  app.addHook("onRequest", async (request) => {
    const authorization = request.headers.authorization;
    if (typeof authorization === "string" && authorization !== "") {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      const principal =
        match?.[1] === undefined ? undefined : await deps.authentication.authenticateBearer(match[1]);
      if (principal === undefined) {
        throw new AppError("AUTHENTICATION_REQUIRED", "the API key is unknown, expired or revoked");
      }
      request.principal = principal;
      return;
    }
    const token = readCookie(request.headers.cookie, sessionCookieName);
    if (token === undefined) return;
    const principal = await deps.authentication.authenticateSession(token);
    if (principal === undefined) return;
    request.principal = principal;
    // Signing in again while a session cookie is still set needs no token (login checks Origin itself).
    const isLogin = request.routeOptions.url === `${apiBasePath}${apiContract.login.path}`;
    if (!safeMethods.has(request.method) && !isLogin) checkCsrf(request, principal);
  });

  const record = async (
    request: FastifyRequest,
    entry: {
      action: string;
      outcome: "success" | "denied";
      workspaceId: string | null;
      targetId: string | null;
      details: Record<string, unknown>;
    },
  ): Promise<void> => {
    await deps.audit.record({
      at: deps.clock(),
      ...toActor(request.principal),
      ...toClientInfo(request),
      ...entry,
    });
  };

  const auditModeOf = (operationId: OperationId): "export" | "self" | "none" | "change" =>
    table[operationId]?.audit ?? (apiContract[operationId].method === "GET" ? "none" : "change");

  app.decorate("routeAccess", {
    async authorize(operationId, request) {
      const row = table[operationId];
      if (row === undefined) throw new Error(`no permission row for ${operationId}`);
      try {
        return await authorizeOperation({
          principal: request.principal,
          row,
          params: request.params as Record<string, unknown>,
          resolvers: deps.resolvers,
        });
      } catch (error) {
        if (error instanceof PermissionDeniedError) {
          await record(request, {
            action: operationId,
            outcome: "denied",
            workspaceId: error.workspaceId,
            targetId: error.targetId,
            details: { method: request.method, path: request.routeOptions.url ?? "" },
          });
        }
        throw error;
      }
    },
    isAudited(operationId) {
      const mode = auditModeOf(operationId);
      return mode !== "none" && mode !== "self";
    },
    draftAudit(operationId, request, decision, body) {
      const mode = auditModeOf(operationId);
      if (mode === "none" || mode === "self") return null;
      const response = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
      const details: Record<string, unknown> = {
        method: request.method,
        path: request.routeOptions.url ?? "",
        params: request.params,
      };
      if (mode === "export") {
        details.query = request.query;
        if (Array.isArray(response.items)) details.returnedRows = response.items.length;
      } else if (typeof request.body === "object" && request.body !== null && !Array.isArray(request.body)) {
        // Field names only: bodies may hold passwords or bulk data.
        details.changedFields = Object.keys(request.body);
      }
      for (const key of ["accepted", "duplicates", "rejected", "rowCount"]) {
        if (typeof response[key] === "number") details[key] = response[key];
      }
      const targetId = decision.targetId ?? (typeof response.id === "string" ? response.id : null);
      return {
        at: deps.clock(),
        ...toActor(request.principal),
        ...toClientInfo(request),
        action: operationId,
        outcome: "success",
        workspaceId: decision.workspaceId ?? toWorkspaceOfBody(operationId, body),
        targetId,
        details,
      };
    },
    async audit(operationId, request, decision, body) {
      const draft = this.draftAudit(operationId, request, decision, body);
      if (draft !== null) await deps.audit.record(draft);
    },
  } satisfies RouteAccess);
}
