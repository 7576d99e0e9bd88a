/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return, @typescript-eslint/restrict-plus-operands, @typescript-eslint/no-explicit-any -- response bodies are read as loose JSON; their shape is what the assertions check */
/**
 * Sign-in, sessions and CSRF, API keys (scope, expiry, revocation, last use), login back-off, the
 * bootstrap admin, the audit log over HTTP, and secrets kept out of the logs.
 */
import { Writable } from "node:stream";
import { apiBasePath } from "@sextant/sdk";
import type { LightMyRequestResponse } from "fastify";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPredictionRow, testColumns } from "../testing/record-fixtures.js";
import { createTestApp, testAdminPassword, type TestApp } from "../testing/test-app.js";
import { logRedaction } from "./log-redaction.js";

const api = (path: string): string => `${apiBasePath}${path}`;
const json = (response: LightMyRequestResponse): Record<string, any> => response.json<Record<string, any>>();
const logLines: string[] = [];
let context: TestApp;
const ids = { own: "", other: "", ownModel: "", otherModel: "", version: "" };

function expectCode(response: LightMyRequestResponse, status: number, code: string): void {
  expect({ status: response.statusCode, code: json(response).code }).toEqual({ status, code });
}

async function call(
  method: string,
  path: string,
  options: { payload?: unknown; headers?: Record<string, string>; remoteAddress?: string } = {},
) {
  return context.app.inject({
    method: method as "GET",
    url: api(path),
    ...(options.remoteAddress === undefined ? {} : { remoteAddress: options.remoteAddress }),
    ...(options.payload === undefined ? {} : { payload: options.payload as object }),
    ...(options.headers === undefined ? {} : { headers: options.headers }),
  });
}

async function login(
  username: string,
  password: string,
  remoteAddress = "127.0.0.1",
): Promise<{ cookie: string; csrf: string; response: LightMyRequestResponse }> {
  const payload = { username, password };
  const response = await call("POST", "/auth/login", {
    payload,
    headers: { authorization: "" },
    remoteAddress,
  });
  const setCookie = [response.headers["set-cookie"] ?? []].flat();
  const session = setCookie.find((value) => value.startsWith("sextant_session=")) ?? "";
  return { cookie: session.split(";")[0] ?? "", csrf: String(json(response).csrfToken), response };
}

beforeAll(async () => {
  const capture = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString("utf8"));
      done();
    },
  });
  context = await createTestApp({
    logger: pino({ level: "trace", redact: logRedaction }, capture),
    config: { auth: { loginFreeAttempts: 3, loginBackoffBaseMs: 60_000 } },
  });
  for (const slug of ["own", "other"] as const) {
    const workspace = json(await call("POST", "/workspaces", { payload: { slug, name: slug } }));
    const model = json(
      await call("POST", `/workspaces/${workspace.id}/models`, {
        payload: { name: "m", task: "binary", owner: { kind: "team", name: "t" } },
      }),
    );
    ids[slug] = String(workspace.id);
    ids[slug === "own" ? "ownModel" : "otherModel"] = String(model.id);
  }
  const version = json(await call("POST", `/models/${ids.ownModel}/versions`, { payload: { name: "1" } }));
  ids.version = String(version.id);
  await call("PUT", `/versions/${ids.version}/schema`, { payload: { columns: testColumns } });
});
afterAll(async () => {
  await context.dispose();
});

describe("bootstrap and sessions", () => {
  it("signs the bootstrap admin in with an HttpOnly, SameSite=Lax session cookie (not Secure over plain HTTP)", async () => {
    const { response, cookie } = await login("admin", testAdminPassword);
    expect(response.statusCode).toBe(200);
    expect(json(response)).toMatchObject({ kind: "user", name: "admin", orgAdmin: true });
    const session = [response.headers["set-cookie"]]
      .flat()
      .find((value) => value?.startsWith("sextant_session="));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).not.toMatch(/Secure/);
    const me = await call("GET", "/auth/session", { headers: { cookie } });
    expect(json(me)).toMatchObject({ kind: "user", name: "admin", csrfToken: expect.any(String) });
  });

  it("needs the CSRF token (and the same origin) for cookie-authenticated changes, and logout ends the session", async () => {
    const { cookie, csrf } = await login("admin", testAdminPassword);
    const payload = { slug: "csrf-check", name: "CSRF" };
    expectCode(
      await call("POST", "/workspaces", { payload, headers: { cookie } }),
      403,
      "CSRF_TOKEN_INVALID",
    );
    expectCode(
      await call("POST", "/workspaces", { payload, headers: { cookie, "x-csrf-token": "wrong" } }),
      403,
      "CSRF_TOKEN_INVALID",
    );
    const crossSite = { cookie, "x-csrf-token": csrf, origin: "https://evil.example" };
    expectCode(await call("POST", "/workspaces", { payload, headers: crossSite }), 403, "CSRF_TOKEN_INVALID");
    expect(
      (await call("POST", "/workspaces", { payload, headers: { cookie, "x-csrf-token": csrf } })).statusCode,
    ).toBe(201);
    expect(
      (await call("POST", "/auth/logout", { headers: { cookie, "x-csrf-token": csrf } })).statusCode,
    ).toBe(204);
    expectCode(await call("GET", "/auth/session", { headers: { cookie } }), 401, "AUTHENTICATION_REQUIRED");
  });

  it("marks cookies Secure behind a TLS-terminating proxy when trustProxy is on", async () => {
    const proxied = await createTestApp({ config: { trustProxy: true } });
    try {
      const response = await proxied.app.inject({
        method: "POST",
        url: api("/auth/login"),
        payload: { username: "admin", password: testAdminPassword },
        headers: { authorization: "", "x-forwarded-proto": "https" },
      });
      expect([response.headers["set-cookie"]].flat().join("\n")).toMatch(/sextant_session=[^\n]*Secure/);
    } finally {
      await proxied.dispose();
    }
  });

  it("lets a member see only their workspaces, and answers anonymous calls with 401", async () => {
    const user = json(
      await call("POST", "/users", { payload: { username: "vera", password: "vera-password-123" } }),
    );
    await call("PUT", `/workspaces/${ids.own}/members/${user.id}`, { payload: { role: "viewer" } });
    const { cookie } = await login("vera", "vera-password-123");
    const listed = json(await call("GET", "/workspaces", { headers: { cookie } }));
    expect(listed.items.map((item: any) => item.id)).toEqual([ids.own]);
    expect(
      json(await call("GET", "/models", { headers: { cookie } })).items.map((item: any) => item.id),
    ).toEqual([ids.ownModel]);
    expectCode(
      await call("GET", `/models/${ids.otherModel}`, { headers: { cookie } }),
      404,
      "MODEL_NOT_FOUND",
    );
    expectCode(
      await call("GET", "/models", { headers: { authorization: "" } }),
      401,
      "AUTHENTICATION_REQUIRED",
    );
    expectCode(await call("GET", "/users", { headers: { cookie } }), 403, "PERMISSION_DENIED");
  });
});

describe("API keys", () => {
  it("scopes a key to one workspace and role, records last use, and stops it on revocation or expiry", async () => {
    const created = json(
      await call("POST", `/workspaces/${ids.own}/api-keys`, { payload: { name: "ci", role: "viewer" } }),
    );
    const key = String(created.key);
    expect(key).toMatch(/^sxk_/);
    expect(JSON.stringify(created.apiKey)).not.toContain(key);
    const bearer = { authorization: `Bearer ${key}` };
    expect((await call("GET", `/models/${ids.ownModel}`, { headers: bearer })).statusCode).toBe(200);
    expectCode(
      await call("PATCH", `/models/${ids.ownModel}`, { payload: { description: "x" }, headers: bearer }),
      403,
      "PERMISSION_DENIED",
    );
    expectCode(await call("GET", `/models/${ids.otherModel}`, { headers: bearer }), 404, "MODEL_NOT_FOUND");
    const listed = json(await call("GET", `/workspaces/${ids.own}/api-keys`));
    const row = listed.items.find((item: any) => item.id === created.apiKey.id);
    expect(row.lastUsedAt).toEqual(expect.any(String));
    expect(JSON.stringify(listed)).not.toContain(key);
    expectCode(
      await call("DELETE", `/workspaces/${ids.other}/api-keys/${created.apiKey.id}`),
      404,
      "API_KEY_NOT_FOUND",
    );
    const revoked = json(await call("DELETE", `/workspaces/${ids.own}/api-keys/${created.apiKey.id}`));
    expect(revoked.revokedAt).toEqual(expect.any(String));
    expectCode(
      await call("GET", `/models/${ids.ownModel}`, { headers: bearer }),
      401,
      "AUTHENTICATION_REQUIRED",
    );

    const expired = json(
      await call("POST", `/workspaces/${ids.own}/api-keys`, {
        payload: { name: "old", role: "editor", expiresAt: new Date(Date.now() - 1000).toISOString() },
      }),
    );
    const live = json(
      await call("POST", `/workspaces/${ids.own}/api-keys`, {
        payload: { name: "new", role: "editor", expiresAt: new Date(Date.now() + 3_600_000).toISOString() },
      }),
    );
    expectCode(
      await call("GET", "/models", { headers: { authorization: `Bearer ${String(expired.key)}` } }),
      401,
      "AUTHENTICATION_REQUIRED",
    );
    expect(
      (await call("GET", "/models", { headers: { authorization: `Bearer ${String(live.key)}` } })).statusCode,
    ).toBe(200);
  });
});

describe("login rate limiting", () => {
  it("backs off after repeated failures, even for the right password, and audits the attempts", async () => {
    await call("POST", "/users", { payload: { username: "bob", password: "bob-password-1234" } });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expectCode((await login("bob", "wrong-password", "10.0.0.1")).response, 401, "CREDENTIALS_INVALID");
    }
    expectCode((await login("bob", "wrong-password", "10.0.0.1")).response, 401, "CREDENTIALS_INVALID");
    // Blocked for the username from any address, and for the address whatever the username.
    const blocked = (await login("bob", "bob-password-1234", "10.0.0.2")).response;
    expectCode(blocked, 429, "LOGIN_RATE_LIMITED");
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThanOrEqual(59);
    const failures = json(await call("GET", "/audit-events?action=login&outcome=failure&limit=500"));
    expect(failures.items.filter((item: any) => item.actorName === "bob")).toHaveLength(4);
    expectCode((await login("admin", testAdminPassword, "10.0.0.1")).response, 429, "LOGIN_RATE_LIMITED");
    // Unknown users fail the same way (no user enumeration).
    expectCode(
      (await login("nobody-here", "whatever-password", "10.0.0.3")).response,
      401,
      "CREDENTIALS_INVALID",
    );
  });
});

describe("the audit log over HTTP", () => {
  it("commits each ingest batch with its audit entry, and audits a request that stored nothing", async () => {
    const ingestEntries = async (): Promise<any[]> =>
      json(await call("GET", "/audit-events?limit=500&action=ingestPredictions")).items;
    const before = (await ingestEntries()).length;
    const rows = [0, 1, 2].map((n) => buildPredictionRow(900 + n));
    const path = `/versions/${ids.version}/predictions`;
    expect(json(await call("POST", path, { payload: rows }))).toMatchObject({ accepted: 3, duplicates: 0 });
    expect(json(await call("POST", path, { payload: rows }))).toMatchObject({ accepted: 0, duplicates: 3 });
    const invalid = [{ ...buildPredictionRow(950), score: "high" }];
    expect(json(await call("POST", `${path}?partial=true`, { payload: invalid }))).toMatchObject({
      accepted: 0,
      rejected: 1,
    });
    expectCode(await call("POST", path, { payload: invalid }), 422, "INGEST_ROWS_INVALID");
    const entries = (await ingestEntries()).slice(0, 3).reverse();
    expect((await ingestEntries()).length).toBe(before + 3);
    expect(entries.map((entry: any) => entry.details)).toEqual([
      expect.objectContaining({ accepted: 3, duplicates: 0, rejected: 0 }),
      expect.objectContaining({ accepted: 0, duplicates: 3, rejected: 0 }),
      expect.objectContaining({ accepted: 0, rejected: 1 }),
    ]);
    for (const entry of entries) {
      expect(entry).toMatchObject({ actorKind: "api_key", outcome: "success", workspaceId: ids.own });
      expect(entry.targetId).toBe(ids.version);
    }
    expect(json(await call("GET", "/audit-events/verify"))).toMatchObject({ valid: true, problems: [] });
  });

  it("records who changed what and raw-data exports, filters by workspace for auditors, and verifies", async () => {
    await call("PATCH", `/models/${ids.ownModel}`, { payload: { description: "audited" } });
    await call("PATCH", `/models/${ids.otherModel}`, { payload: { description: "elsewhere" } });
    await call("GET", `/versions/${ids.version}/events`);
    const all = json(await call("GET", "/audit-events?limit=500"));
    const update = all.items.find(
      (item: any) => item.action === "updateModel" && item.targetId === ids.ownModel,
    );
    expect(update).toMatchObject({
      actorKind: "api_key",
      actorName: "bootstrap admin key",
      outcome: "success",
      workspaceId: ids.own,
      details: { changedFields: ["description"] },
    });
    expect(all.items.some((item: any) => item.action === "listEvents" && item.workspaceId === ids.own)).toBe(
      true,
    );
    const auditor = json(
      await call("POST", `/workspaces/${ids.own}/api-keys`, { payload: { name: "audit", role: "auditor" } }),
    );
    const seen = json(
      await call("GET", "/audit-events?limit=500", {
        headers: { authorization: `Bearer ${String(auditor.key)}` },
      }),
    );
    expect(seen.items.length).toBeGreaterThan(0);
    expect(new Set(seen.items.map((item: any) => item.workspaceId))).toEqual(new Set([ids.own]));
    const editor = json(
      await call("POST", `/workspaces/${ids.own}/api-keys`, { payload: { name: "ed", role: "editor" } }),
    );
    expectCode(
      await call("GET", "/audit-events", { headers: { authorization: `Bearer ${String(editor.key)}` } }),
      403,
      "PERMISSION_DENIED",
    );
    const verified = json(await call("GET", "/audit-events/verify"));
    expect(verified).toMatchObject({ valid: true, problems: [] });
    expect(verified.checkedEntries).toBe(all.page.total + 3);
  });
});

describe("secrets in logs", () => {
  it("never writes passwords, keys, tokens or cookies to the log", async () => {
    const { cookie, csrf } = await login("admin", testAdminPassword);
    const created = json(
      await call("POST", `/workspaces/${ids.own}/api-keys`, { payload: { name: "log", role: "viewer" } }),
    );
    await call("GET", "/models", { headers: { authorization: `Bearer ${String(created.key)}` } });
    await call("GET", "/models", {
      headers: { authorization: "Bearer sxk_not-a-real-key-but-secret-looking" },
    });
    await call("POST", "/auth/password", {
      payload: { currentPassword: "wrong-current-pass", newPassword: "a-new-password-123" },
      headers: { cookie, "x-csrf-token": csrf },
    });
    context.app.log.info(
      {
        req: { headers: { authorization: `Bearer ${String(created.key)}`, cookie } },
        password: testAdminPassword,
      },
      "probe",
    );
    const output = logLines.join("");
    expect(output).toContain("probe");
    expect(output).toContain("[redacted]");
    for (const secret of [
      testAdminPassword,
      String(created.key),
      cookie.split("=")[1] ?? "",
      csrf,
      "a-new-password-123",
      "sxk_not-a-real-key",
    ]) {
      expect(secret.length).toBeGreaterThan(8);
      expect(output).not.toContain(secret);
    }
  });
});
