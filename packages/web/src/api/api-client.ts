/**
 * The browser's API client: the typed client of @sextant/sdk over same-origin `fetch`, adding the
 * session's CSRF token (from the `sextant_csrf` cookie) to every change. It owns no state of its own.
 */
import { createSextantClient, SextantApiError, type FetchLike, type SextantClient } from "@sextant/sdk";

/** The CSRF token of the session, read from a `document.cookie` string. */
export function readCsrfToken(cookie: string): string | undefined {
  for (const part of cookie.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === "sextant_csrf") return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

/** A client of the server this page came from. */
export function createBrowserClient(): SextantClient {
  const fetchWithCsrf: FetchLike = async (url, init) => {
    const headers: Record<string, string> = { ...init.headers };
    const token = readCsrfToken(document.cookie);
    if (init.method !== "GET" && token !== undefined) headers["x-csrf-token"] = token;
    // The SDK body is a string or bytes, both valid fetch bodies.
    return fetch(url, { ...init, headers, credentials: "same-origin" });
  };
  return createSextantClient({ baseUrl: window.location.origin, fetch: fetchWithCsrf });
}

/** True when the server does not offer the route yet (404 ROUTE_NOT_FOUND or 501). */
export function isRouteMissing(error: unknown): boolean {
  if (!(error instanceof SextantApiError)) return false;
  return error.status === 501 || (error.status === 404 && error.problem.code === "ROUTE_NOT_FOUND");
}

/** True when the caller is not signed in (401). */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof SextantApiError && error.status === 401;
}

/** A sentence for the user describing an error. */
export function toErrorMessage(error: unknown): string {
  if (error instanceof SextantApiError) {
    const fields = (error.problem.errors ?? []).map((e) => `${e.field ?? e.path}: ${e.message}`);
    return [error.problem.detail, ...fields].join(" — ");
  }
  return error instanceof Error ? error.message : String(error);
}

/** Runs `load` over `items` with at most `limit` calls in flight (browsers allow ~6 per host). */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  load: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await load(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Every item of a paged list (500 per page). */
export async function listAllPages<T>(
  loadPage: (offset: number) => Promise<{ items: T[]; page: { total: number } }>,
): Promise<T[]> {
  const items: T[] = [];
  for (;;) {
    const page = await loadPage(items.length);
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.page.total) return items;
  }
}
