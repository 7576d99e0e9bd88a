import { apiContract } from "@sextant/sdk";
import { describe, expect, it } from "vitest";
import { hasRolePermission, type Permission } from "./permissions.js";
import { assertRoutePermissionsComplete, routePermissions } from "./route-permissions.js";

describe("route permissions", () => {
  it("has a row for every contract operation and no row for an unknown one", () => {
    expect(() => {
      assertRoutePermissionsComplete(Object.keys(apiContract));
    }).not.toThrow();
    expect(Object.keys(routePermissions).filter((id) => !Object.hasOwn(apiContract, id))).toEqual([]);
  });

  it("refuses a table that misses an operation", () => {
    expect(() => {
      assertRoutePermissionsComplete(["getModel", "brandNewOperation"], {
        getModel: { permission: "workspace.read" },
      });
    }).toThrow(/brandNewOperation/);
  });

  it("never lets a GET change data or a change run with read permission", () => {
    const reads: Permission[] = [
      "workspace.read",
      "audit.read",
      "workspace.export",
      "authenticated",
      "public",
    ];
    for (const [operationId, row] of Object.entries(routePermissions)) {
      const method = apiContract[operationId as keyof typeof apiContract].method;
      if (method !== "GET" && !["login", "logout", "changePassword"].includes(operationId)) {
        expect({ operationId, read: reads.includes(row.permission) }).toEqual({ operationId, read: false });
      }
    }
  });

  it.each([
    // role, permission, allowed: the role model of docs/security.md
    ["viewer", "workspace.read", true],
    ["viewer", "workspace.write", false],
    ["viewer", "workspace.export", false],
    ["auditor", "audit.read", true],
    ["auditor", "workspace.write", false],
    ["auditor", "workspace.export", false],
    ["editor", "workspace.write", true],
    ["editor", "workspace.export", true],
    ["editor", "workspace.admin", false],
    ["editor", "audit.read", false],
    ["admin", "workspace.admin", true],
    ["admin", "audit.read", true],
    ["admin", "org.admin", false],
  ] as const)("%s has %s: %s", (role, permission, allowed) => {
    expect(hasRolePermission(role, permission)).toBe(allowed);
  });
});
