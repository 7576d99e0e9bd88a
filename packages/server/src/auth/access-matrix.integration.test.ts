/**
 * The access matrix: every contract operation × every principal (anonymous, organisation admin, and
 * API keys of each workspace role) × a resource in the caller's own workspace and in another one.
 * The expected decision is derived from auth/route-permissions.ts and the role permissions, so the
 * table is the spec; an operation without a row fails here (and the app refuses to start).
 * Decisions are observed at the authorization step through the real HTTP path (authentication hook,
 * path params, resolvers over real resources); handlers are then skipped so no case changes data.
 */
import { apiBasePath, apiContract, type ErrorCode, type OperationId, type WorkspaceRole } from "@sextant/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../app/app-error.js";
import { testColumns } from "../testing/record-fixtures.js";
import { createTestApp, testAdminHeaders, type TestApp } from "../testing/test-app.js";
import { hasRolePermission, workspaceRoles } from "./permissions.js";
import type { ResourceResolver } from "./resource-resolvers.js";
import { routePermissions, type RoutePermission } from "./route-permissions.js";

type Principal = {
  label: string;
  headers: Record<string, string>;
  orgAdmin: boolean;
  role: WorkspaceRole | null;
};
type Expected = "allow" | ErrorCode;

const sentinel = "ACCESS_MATRIX_STOP";
const registryKinds = ["workspace", "model", "version", "reference", "segment"] as const;
let context: TestApp;
const fixtures = new Map<string, { own: string; other: string }>();
const workspaces = { own: "", other: "" };
const principals: Principal[] = [];
const decisions: (Expected | "missing")[] = [];
const notFoundOf = new Map<string, ErrorCode>();

async function post(path: string, body: unknown, method = "POST"): Promise<Record<string, unknown>> {
  const response = await context.app.inject({
    method: method as "POST",
    url: `${apiBasePath}${path}`,
    payload: body as object,
  });
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json<Record<string, unknown>>();
}

async function createRegistryFixtures(slug: string): Promise<Record<(typeof registryKinds)[number], string>> {
  const workspace = await post("/workspaces", { slug, name: slug });
  const workspaceId = String(workspace.id);
  const model = await post(`/workspaces/${workspaceId}/models`, {
    name: "m",
    task: "binary",
    owner: { kind: "team", name: "t" },
  });
  const version = await post(`/models/${String(model.id)}/versions`, { name: "1" });
  await post(`/versions/${String(version.id)}/schema`, { columns: testColumns }, "PUT");
  const reference = await post(`/versions/${String(version.id)}/references`, {
    name: "r",
    from: "2026-01-01T00:00:00Z",
    to: "2026-01-02T00:00:00Z",
  });
  const segment = await post(`/models/${String(model.id)}/segments`, {
    name: "s",
    conditions: [{ column: testColumns[1]!.name, op: "is_not_null" }],
  });
  return {
    workspace: workspaceId,
    model: String(model.id),
    version: String(version.id),
    reference: String(reference.id),
    segment: String(segment.id),
  };
}

/** What the spec (the permission row) says this principal gets on a resource of `target`. */
function toExpected(row: RoutePermission, principal: Principal, target: "own" | "other"): Expected {
  if (row.permission === "public") return "allow";
  if (principal.headers.authorization === undefined) return "AUTHENTICATION_REQUIRED";
  if (row.permission === "authenticated") return "allow";
  if (row.permission === "org.admin") return principal.orgAdmin ? "allow" : "PERMISSION_DENIED";
  if (principal.orgAdmin) return "allow";
  const role = principal.role;
  if (row.scope === undefined) {
    if (row.permission === "workspace.read") return "allow";
    return role !== null && hasRolePermission(role, row.permission) ? "allow" : "PERMISSION_DENIED";
  }
  if (target === "other" || role === null) return notFoundOf.get(row.scope.kind) ?? "ROUTE_NOT_FOUND";
  return hasRolePermission(role, row.permission) ? "allow" : "PERMISSION_DENIED";
}

function toUrl(operationId: OperationId, target: "own" | "other"): string {
  const operation = apiContract[operationId];
  const row = routePermissions[operationId];
  const path = operation.path.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    if (row.scope?.param === name) return fixtures.get(row.scope.kind)?.[target] ?? "xx_missingfixture";
    if (name === "workspaceId") return workspaces[target];
    return `zz_${name.toLowerCase().padEnd(10, "0")}`;
  });
  return `${apiBasePath}${path}`;
}

beforeAll(async () => {
  const syntheticKinds = new Set(
    Object.values(routePermissions as Record<string, RoutePermission>)
      .map((row) => row.scope?.kind)
      .filter(
        (kind): kind is string => kind !== undefined && !(registryKinds as readonly string[]).includes(kind),
      ),
  );
  context = await createTestApp({
    // inject never closes the raw request of a skipped ingest handler, so the in-flight count only grows.
    config: { ingest: { maxConcurrentRequests: 10_000 } },
    resolvers: (defaults) => {
      // Kinds without a registry fixture (monitoring resources) get two synthetic ids, one per workspace.
      const extra: Record<string, ResourceResolver> = {};
      for (const kind of syntheticKinds) {
        const base = defaults[kind];
        const notFound = base?.notFound ?? "ROUTE_NOT_FOUND";
        extra[kind] = {
          notFound,
          findWorkspaceId: (id) =>
            Promise.resolve(
              id === `sy_${kind}own00000`
                ? workspaces.own
                : id === `sy_${kind}oth00000`
                  ? workspaces.other
                  : undefined,
            ),
        };
        fixtures.set(kind, { own: `sy_${kind}own00000`, other: `sy_${kind}oth00000` });
      }
      for (const [kind, resolver] of Object.entries({ ...defaults, ...extra }))
        notFoundOf.set(kind, resolver.notFound);
      return { ...defaults, ...extra };
    },
  });
  const own = await createRegistryFixtures("own");
  const other = await createRegistryFixtures("other");
  workspaces.own = own.workspace;
  workspaces.other = other.workspace;
  for (const kind of registryKinds) fixtures.set(kind, { own: own[kind], other: other[kind] });
  principals.push({ label: "anonymous", headers: {}, orgAdmin: false, role: null });
  principals.push({ label: "org admin", headers: { ...testAdminHeaders }, orgAdmin: true, role: null });
  for (const role of workspaceRoles) {
    const created = await post(`/workspaces/${own.workspace}/api-keys`, { name: role, role });
    principals.push({
      label: `${role} key`,
      headers: { authorization: `Bearer ${String(created.key)}` },
      orgAdmin: false,
      role,
    });
  }
  const access = context.app.routeAccess;
  const authorize = access.authorize.bind(access);
  access.authorize = async (operationId, request) => {
    try {
      await authorize(operationId, request);
      decisions.push("allow");
    } catch (error) {
      decisions.push(error instanceof AppError ? error.code : "missing");
    }
    throw new Error(sentinel);
  };
});
afterAll(async () => {
  await context.dispose();
});

describe("the access matrix", () => {
  it("has a permission row for every operation of the contract", () => {
    const table = routePermissions as Readonly<Record<string, RoutePermission | undefined>>;
    expect(Object.keys(apiContract).filter((id) => table[id] === undefined)).toEqual([]);
  });

  it("allows and denies every operation × principal × workspace exactly as the table says", async () => {
    const mismatches: string[] = [];
    let cases = 0;
    for (const operationId of Object.keys(apiContract) as OperationId[]) {
      const row = routePermissions[operationId];
      for (const principal of principals) {
        for (const target of ["own", "other"] as const) {
          const expected = toExpected(row, principal, target);
          const before = decisions.length;
          const response = await context.app.inject({
            method: apiContract[operationId].method,
            url: toUrl(operationId, target),
            headers: { authorization: "", ...principal.headers },
          });
          const actual =
            decisions.length > before
              ? decisions[decisions.length - 1]
              : `HTTP ${response.statusCode} ${response.body.slice(0, 80)}`;
          cases += 1;
          if (actual !== expected)
            mismatches.push(
              `${operationId} as ${principal.label} on ${target}: expected ${expected}, got ${String(actual)}`,
            );
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(cases).toBe(Object.keys(apiContract).length * principals.length * 2);
  });
});
