/**
 * A minimal history router: the current path as React state (popstate + in-app navigation) and a
 * matcher of `/models/:id`-style patterns. The server answers every non-API path with index.html.
 */
import { useSyncExternalStore } from "react";

const navigationEvent = "sextant:navigate";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("popstate", onChange);
  window.addEventListener(navigationEvent, onChange);
  return () => {
    window.removeEventListener("popstate", onChange);
    window.removeEventListener(navigationEvent, onChange);
  };
}

function readLocation(): string {
  return window.location.pathname + window.location.search;
}

/** The current path and query, re-rendering on navigation. */
export function useLocation(): string {
  return useSyncExternalStore(subscribe, readLocation, () => "/");
}

/** Goes to an in-app path without reloading. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace === true) window.history.replaceState(null, "", path);
  else window.history.pushState(null, "", path);
  window.dispatchEvent(new Event(navigationEvent));
  window.scrollTo(0, 0);
}

/** The parameters of `path` when it matches `pattern` (`/models/:id`), else undefined. */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const pathOnly = path.split("?")[0] ?? "";
  const want = pattern.split("/").filter(Boolean);
  const got = pathOnly.split("/").filter(Boolean);
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const segment = want[i]!;
    const actual = got[i]!;
    if (segment.startsWith(":")) params[segment.slice(1)] = decodeURIComponent(actual);
    else if (segment !== actual) return undefined;
  }
  return params;
}

/** One query parameter of the current location. */
export function readQueryParam(location: string, name: string): string | undefined {
  const query = location.split("?")[1];
  return query === undefined ? undefined : (new URLSearchParams(query).get(name) ?? undefined);
}
