/** Thin REST routes of sign-in, users, workspace members, API keys and the audit log. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { toPageResponse } from "../routes/registry-routes.js";
import { defineRoute } from "../routes/define-route.js";
import type { AccessAdminService } from "./access-admin-service.js";
import type { AuditService } from "./audit-service.js";
import type { AuthenticationService } from "./authentication-service.js";
import {
  toApiKeyResponse,
  toAuditEventResponse,
  toMemberResponse,
  toSessionInfo,
  toUserResponse,
} from "./auth-wire-mapping.js";
import { csrfCookieName, sessionCookieName, toSetCookie } from "./cookies.js";
import type { Principal } from "./principal.js";
import { checkSameOrigin, readPermittedWorkspaceIds, toClientInfo } from "./request-access.js";

/** What the auth routes need. */
export interface AuthRouteDeps {
  readonly authentication: AuthenticationService;
  readonly admin: AccessAdminService;
  readonly audit: AuditService;
  readonly clock: () => Date;
  readonly sessionTtlMs: number;
  /** "auto": Secure when the request came over TLS (X-Forwarded-Proto counts with trustProxy). */
  readonly secureCookies: "auto" | "always" | "never";
}

function requirePrincipal(request: FastifyRequest): Principal {
  if (request.principal === null) throw new Error("an authenticated route ran without a principal");
  return request.principal;
}

/** Registers the auth routes. */
export function registerAuthRoutes(app: FastifyInstance, deps: AuthRouteDeps): void {
  const { authentication, admin, audit } = deps;
  const setSessionCookies = (
    request: FastifyRequest,
    reply: FastifyReply,
    token: string,
    csrf: string,
    maxAgeSeconds: number,
  ): void => {
    const secure =
      deps.secureCookies === "always" || (deps.secureCookies === "auto" && request.protocol === "https");
    void reply.header("set-cookie", [
      toSetCookie({ name: sessionCookieName, value: token, maxAgeSeconds, httpOnly: true, secure }),
      toSetCookie({ name: csrfCookieName, value: csrf, maxAgeSeconds, httpOnly: false, secure }),
    ]);
  };
  const recordSelf = (request: FastifyRequest, action: string): Promise<void> => {
    const principal = requirePrincipal(request);
    return audit.record({
      at: deps.clock(),
      actorKind: principal.kind,
      actorId: principal.id,
      actorName: principal.name,
      action,
      outcome: "success",
      workspaceId: null,
      targetId: principal.id,
      ...toClientInfo(request),
      details: {},
    });
  };

  defineRoute(app, "login", async ({ body }, request, reply) => {
    checkSameOrigin(request);
    const signedIn = await authentication.login({ ...body, client: toClientInfo(request) });
    const session = signedIn.principal.session;
    if (session !== null) {
      setSessionCookies(
        request,
        reply,
        signedIn.token,
        session.csrfToken,
        Math.floor(deps.sessionTtlMs / 1000),
      );
    }
    return toSessionInfo(signedIn.principal);
  });
  defineRoute(app, "logout", async (_parsed, request, reply) => {
    await recordSelf(request, "logout");
    await authentication.logout(requirePrincipal(request));
    setSessionCookies(request, reply, "", "", 0);
  });
  defineRoute(app, "getSession", (_parsed, request) =>
    Promise.resolve(toSessionInfo(requirePrincipal(request))),
  );
  defineRoute(app, "changePassword", async ({ body }, request) => {
    await authentication.changePassword(requirePrincipal(request), body);
    await recordSelf(request, "changePassword");
  });

  defineRoute(app, "listUsers", async ({ query }) =>
    toPageResponse(await admin.listUsers(query), query, toUserResponse),
  );
  defineRoute(app, "createUser", async ({ body }) => toUserResponse(await admin.createUser(body)));
  defineRoute(app, "getUser", async ({ params }) => toUserResponse(await admin.loadUser(params.id)));
  defineRoute(app, "updateUser", async ({ params, body }) =>
    toUserResponse(await admin.updateUser(params.id, body)),
  );

  defineRoute(app, "listMembers", async ({ params, query }) =>
    toPageResponse(
      await admin.listMembers({ ...query, workspaceId: params.workspaceId }),
      query,
      toMemberResponse,
    ),
  );
  defineRoute(app, "putMember", async ({ params, body }) =>
    toMemberResponse(await admin.putMember(params.workspaceId, params.userId, body.role)),
  );
  defineRoute(app, "deleteMember", async ({ params }) => {
    await admin.deleteMember(params.workspaceId, params.userId);
  });

  defineRoute(app, "listApiKeys", async ({ params, query }) =>
    toPageResponse(
      await admin.listApiKeys({ ...query, workspaceId: params.workspaceId }),
      query,
      toApiKeyResponse,
    ),
  );
  defineRoute(app, "createApiKey", async ({ params, body }, request) => {
    const created = await admin.createApiKey(params.workspaceId, body, requirePrincipal(request));
    return { apiKey: toApiKeyResponse(created.record), key: created.key };
  });
  defineRoute(app, "revokeApiKey", async ({ params }) =>
    toApiKeyResponse(await admin.revokeApiKey(params.workspaceId, params.keyId)),
  );

  defineRoute(app, "listAuditEvents", async ({ query }, request) => {
    const permitted = readPermittedWorkspaceIds(request, "audit.read");
    const page = await audit.list({
      ...query,
      from: query.from === undefined ? undefined : new Date(query.from),
      to: query.to === undefined ? undefined : new Date(query.to),
      workspaceIds: permitted,
    });
    return toPageResponse(page, query, toAuditEventResponse);
  });
  defineRoute(app, "verifyAuditChain", async () => {
    const result = await audit.verify();
    return { ...result, problems: [...result.problems] };
  });
}
