/** Renders an AsyncState: a spinner line, an error, a "not available yet" note, or the content. */
import type { ReactNode } from "react";
import type { AsyncState } from "../api/use-async.js";
import { EmptyState } from "./EmptyState.js";

/** Props of AsyncBlock. */
export interface AsyncBlockProps<T> {
  readonly state: AsyncState<T>;
  readonly what: string;
  readonly children: (data: T) => ReactNode;
}

/** Shows the state of a load of `what`. */
export function AsyncBlock<T>({ state, what, children }: AsyncBlockProps<T>) {
  if (state.status === "loading")
    return (
      <p className="muted" aria-busy="true">
        Loading {what}…
      </p>
    );
  if (state.status === "missing") {
    return (
      <EmptyState
        title={`${what[0]?.toUpperCase() ?? ""}${what.slice(1)} are not available on this server yet`}
      >
        This server does not offer this part of the API yet. Upgrade the server, then reload the page.
      </EmptyState>
    );
  }
  if (state.status === "error") {
    return (
      <p className="error" role="alert">
        Could not load {what}: {state.message}
      </p>
    );
  }
  return <>{children(state.data)}</>;
}
