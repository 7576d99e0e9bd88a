/**
 * A small typed client over `fetch` for the whole contract: `call("createModel", { params, body })`
 * returns the parsed response type; errors throw `SextantApiError` carrying the problem+json body.
 */
import type { z } from "zod";
import { apiBasePath, apiContract, type ApiContract, type OperationId } from "./api-contract.js";
import type { Problem } from "./problem.js";
import type { EventKind, IngestResult } from "./schemas/ingest.js";

/** The subset of the WHATWG `fetch` the client needs (Node 18+, browsers, Deno, Bun). */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
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

/** An error response of the API, with its problem+json body. */
export class SextantApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(`${problem.code}: ${problem.detail}`);
    this.name = "SextantApiError";
    this.status = problem.status;
    this.problem = problem;
  }
}

/** Options of `createSextantClient`. */
export interface SextantClientOptions {
  /** Server origin, e.g. `http://127.0.0.1:8080`. */
  readonly baseUrl: string;
  readonly fetch?: FetchLike;
  readonly headers?: Readonly<Record<string, string>>;
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

async function readResponse(response: Awaited<ReturnType<FetchLike>>): Promise<unknown> {
  const text = await response.text();
  const body: unknown = text === "" ? undefined : JSON.parse(text);
  if (response.status >= 400) throw new SextantApiError(body as Problem);
  return body;
}

/** Creates a client; `fetch` defaults to the global one. */
export function createSextantClient(options: SextantClientOptions): SextantClient {
  const fetchFn = options.fetch ?? (globalThis as { fetch?: FetchLike }).fetch;
  if (fetchFn === undefined) throw new Error("no fetch available: pass options.fetch");
  const headers = { accept: "application/json", ...options.headers };
  return {
    async call(operationId, args) {
      const operation = apiContract[operationId];
      const record = args as Record<string, unknown>;
      const hasBody = "body" in record;
      const response = await fetchFn(toUrl(options.baseUrl, operation.path, record), {
        method: operation.method,
        headers: hasBody ? { ...headers, "content-type": "application/json" } : headers,
        ...(hasBody ? { body: JSON.stringify(record.body) } : {}),
      });
      return (await readResponse(response)) as never;
    },
    async ingest(versionId, kind, rows, ingestOptions) {
      const url = toUrl(options.baseUrl, `/versions/:versionId/${kind}`, {
        params: { versionId },
        query: { partial: ingestOptions?.partial === true ? "true" : undefined },
      });
      const body = rows.map((row) => JSON.stringify(row)).join("\n");
      const response = await fetchFn(url, {
        method: "POST",
        headers: { ...headers, "content-type": "application/x-ndjson" },
        body,
      });
      return (await readResponse(response)) as IngestResult;
    },
  };
}
