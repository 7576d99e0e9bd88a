/**
 * A small typed client over `fetch` for the whole contract: `call("createModel", { params, body })`
 * returns the parsed response type; errors throw `SextantApiError` carrying the problem+json body.
 * It authenticates with an API key (`Authorization: Bearer`) or a session from `login()`, whose cookie
 * it keeps itself outside browsers and whose CSRF token it sends on every change.
 */
import type { z } from "zod";
import { apiBasePath, apiContract, type ApiContract, type OperationId } from "./api-contract.js";
import type { Problem } from "./problem.js";
import type { EventKind, IngestResult } from "./schemas/ingest.js";
import { ingestMediaTypes } from "./schemas/ingest.js";
import type { Reference } from "./schemas/reference.js";

/** A request body the client sends: JSON or NDJSON text, or the bytes of a file. */
export type RequestBody = string | Uint8Array;

/** The subset of the WHATWG `fetch` the client needs (Node 18+, browsers, Deno, Bun). */
export type FetchLike = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    /** Text, or for file uploads (`ingestFile`, `uploadReference` with bytes) a Uint8Array. */
    body?: string;
    credentials?: "include" | "same-origin" | "omit";
  },
) => Promise<{
  status: number;
  headers: { get(name: string): string | null; getSetCookie?(): string[] };
  text(): Promise<string>;
}>;

type SchemaOf<O, K extends string> = O extends Record<K, infer S extends z.ZodType> ? S : never;

/** The arguments of one operation: path params, query and JSON body as the contract declares them. */
export type OperationArgs<K extends OperationId> = ([SchemaOf<ApiContract[K], "params">] extends [never]
  ? unknown
  : { params: z.input<SchemaOf<ApiContract[K], "params">> }) &
  ([SchemaOf<ApiContract[K], "query">] extends [never]
    ? unknown
    : { query?: Partial<z.input<SchemaOf<ApiContract[K], "query">>> }) &
  ([SchemaOf<ApiContract[K], "body">] extends [never]
    ? unknown
    : { body: z.input<SchemaOf<ApiContract[K], "body">> });

/** The parsed success body of one operation (`undefined` for 204). */
export type OperationResult<K extends OperationId> = [SchemaOf<ApiContract[K], "response">] extends [never]
  ? undefined
  : z.output<SchemaOf<ApiContract[K], "response">>;

/** An error response of the API, with its problem+json body and the server's Retry-After. */
export class SextantApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** Seconds the server asked to wait before retrying (503, 429), when it said so. */
  readonly retryAfterSeconds: number | undefined;
  constructor(problem: Problem, retryAfterSeconds?: number) {
    super(`${problem.code}: ${problem.detail}`);
    this.name = "SextantApiError";
    this.status = problem.status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds ?? problem.retryAfterSeconds;
  }
}

/** Options of `createSextantClient`. */
export interface SextantClientOptions {
  /** Server origin, e.g. `http://127.0.0.1:8080`. */
  readonly baseUrl: string;
  /** An API key (`sxk_...`), sent as `Authorization: Bearer`; omit it to sign in with `login()`. */
  readonly apiKey?: string;
  readonly fetch?: FetchLike;
  readonly headers?: Readonly<Record<string, string>>;
  /** Let the browser send its session cookie (`"include"` for another origin); default same-origin. */
  readonly credentials?: "include" | "same-origin" | "omit";
}

/** A typed client of the Sextant REST API. */
export interface SextantClient {
  call<K extends OperationId>(operationId: K, args: OperationArgs<K>): Promise<OperationResult<K>>;
  /** Sends rows as NDJSON to one event stream; resolves once they are durably stored. */
  ingest(
    versionId: string,
    kind: EventKind,
    rows: readonly Record<string, unknown>[],
    options?: { partial?: boolean },
  ): Promise<IngestResult>;
  /** Sends a file's content (CSV, Parquet, NDJSON or JSON) to one event stream. */
  ingestFile(
    versionId: string,
    kind: EventKind,
    body: RequestBody,
    format: keyof typeof ingestMediaTypes,
    options?: { partial?: boolean },
  ): Promise<IngestResult>;
  /** Creates a reference from a file's content (CSV, Parquet, NDJSON or JSON). */
  uploadReference(
    versionId: string,
    body: RequestBody,
    options: { name: string; format: keyof typeof ingestMediaTypes; segmentId?: string },
  ): Promise<Reference>;
  /** Signs in with a password; later calls use the session (cookie and CSRF token). */
  login(username: string, password: string): Promise<OperationResult<"login">>;
  /** Ends the session started by `login()`. */
  logout(): Promise<void>;
}

function toUrl(baseUrl: string, path: string, args: Record<string, unknown>): string {
  const params = (args.params ?? {}) as Record<string, string>;
  const filled = path.replace(/:([A-Za-z]+)/g, (_match, name: string) =>
    encodeURIComponent(params[name] ?? ""),
  );
  const query = Object.entries((args.query ?? {}) as Record<string, unknown>)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join("&");
  return `${baseUrl.replace(/\/$/, "")}${apiBasePath}${filled}${query === "" ? "" : `?${query}`}`;
}

/** Reads Retry-After in its seconds form (the form Sextant and most proxies send). */
function parseRetryAfterSeconds(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

function toProblem(status: number, text: string): Problem {
  try {
    const parsed = JSON.parse(text) as Partial<Problem>;
    if (typeof parsed.code === "string") return parsed as Problem;
  } catch {
    // A proxy or load balancer answered with something else than problem+json.
  }
  const code = status === 429 ? "TOO_MANY_REQUESTS" : status >= 500 ? "UPSTREAM_ERROR" : "HTTP_ERROR";
  return { type: "about:blank", title: `HTTP ${status}`, status, detail: text.slice(0, 500), code };
}

async function readResponse(response: Awaited<ReturnType<FetchLike>>): Promise<unknown> {
  const text = await response.text();
  if (response.status >= 400) {
    const retryAfter = parseRetryAfterSeconds(response.headers.get("retry-after"));
    throw new SextantApiError(toProblem(response.status, text), retryAfter);
  }
  return text === "" ? undefined : JSON.parse(text);
}

/** `name=value` pairs of the Set-Cookie headers of a response (Node's fetch exposes them). */
function readSetCookies(response: Awaited<ReturnType<FetchLike>>): string[] {
  const all = response.headers.getSetCookie?.() ?? [];
  return all.map((cookie) => cookie.split(";")[0] ?? "").filter((pair) => pair.includes("="));
}

/** Creates a client; `fetch` defaults to the global one. */
export function createSextantClient(options: SextantClientOptions): SextantClient {
  const fetchFn = options.fetch ?? (globalThis as { fetch?: FetchLike }).fetch;
  if (fetchFn === undefined) throw new Error("no fetch available: pass options.fetch");
  const session = { cookie: "", csrfToken: "" };

  const send = async (
    method: string,
    url: string,
    body?: { content: RequestBody; mediaType: string },
  ): Promise<Awaited<ReturnType<FetchLike>>> => {
    const headers: Record<string, string> = { accept: "application/json", ...options.headers };
    if (options.apiKey !== undefined) headers.authorization = `Bearer ${options.apiKey}`;
    if (session.cookie !== "") headers.cookie = session.cookie;
    if (session.csrfToken !== "" && method !== "GET") headers["x-csrf-token"] = session.csrfToken;
    if (body !== undefined) headers["content-type"] = body.mediaType;
    return fetchFn(url, {
      method,
      headers,
      credentials: options.credentials ?? "same-origin",
      // Byte bodies (Parquet uploads) pass through as they are: every real fetch accepts a Uint8Array;
      // the declared type stays `string` so fakes written for JSON keep compiling.
      ...(body === undefined ? {} : { body: body.content as string }),
    });
  };

  const call = async <K extends OperationId>(
    operationId: K,
    args: OperationArgs<K>,
  ): Promise<OperationResult<K>> => {
    const operation = apiContract[operationId];
    const record = args as Record<string, unknown>;
    const body =
      "body" in record ? { content: JSON.stringify(record.body), mediaType: "application/json" } : undefined;
    const response = await send(operation.method, toUrl(options.baseUrl, operation.path, record), body);
    return (await readResponse(response)) as OperationResult<K>;
  };

  const ingestFile: SextantClient["ingestFile"] = async (versionId, kind, content, format, ingestOptions) => {
    const url = toUrl(options.baseUrl, `/versions/:versionId/${kind}`, {
      params: { versionId },
      query: { partial: ingestOptions?.partial === true ? "true" : undefined },
    });
    const response = await send("POST", url, { content, mediaType: ingestMediaTypes[format] });
    return (await readResponse(response)) as IngestResult;
  };

  return {
    call,
    ingestFile,
    ingest: (versionId, kind, rows, ingestOptions) =>
      ingestFile(versionId, kind, rows.map((row) => JSON.stringify(row)).join("\n"), "ndjson", ingestOptions),
    async uploadReference(versionId, content, upload) {
      const url = toUrl(options.baseUrl, "/versions/:versionId/references/upload", {
        params: { versionId },
        query: { name: upload.name, format: upload.format, segmentId: upload.segmentId },
      });
      const response = await send("POST", url, { content, mediaType: ingestMediaTypes[upload.format] });
      return (await readResponse(response)) as Reference;
    },
    async login(username, password) {
      const url = toUrl(options.baseUrl, apiContract.login.path, {});
      const body = { content: JSON.stringify({ username, password }), mediaType: "application/json" };
      const response = await send("POST", url, body);
      const cookies = readSetCookies(response);
      const info = (await readResponse(response)) as OperationResult<"login">;
      if (cookies.length > 0) session.cookie = cookies.join("; ");
      session.csrfToken = info.csrfToken ?? "";
      return info;
    },
    async logout() {
      await call("logout", {});
      session.cookie = "";
      session.csrfToken = "";
    },
  };
}
