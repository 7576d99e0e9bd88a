/** A hook running an async loader and exposing loading / ok / missing (route not offered) / error states. */
import { useCallback, useEffect, useState } from "react";
import { isRouteMissing, toErrorMessage } from "./api-client.js";

/** The state of one load. */
export type AsyncState<T> =
  | { readonly status: "loading" }
  | { readonly status: "ok"; readonly data: T }
  | { readonly status: "missing" }
  | { readonly status: "error"; readonly message: string };

/** Runs `load` when `deps` change; `reload` runs it again. */
export function useAsync<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
): AsyncState<T> & { readonly reload: () => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: "loading" });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (data) => {
        if (live) setState({ status: "ok", data });
      },
      (error: unknown) => {
        if (!live) return;
        setState(
          isRouteMissing(error) ? { status: "missing" } : { status: "error", message: toErrorMessage(error) },
        );
      },
    );
    return () => {
      live = false;
    };
  }, [...deps, generation]);
  const reload = useCallback(() => {
    setGeneration((g) => g + 1);
  }, []);
  return { ...state, reload };
}
