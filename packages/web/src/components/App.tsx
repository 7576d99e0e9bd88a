/** The root: loads the session, shows the sign-in page or the signed-in shell with its routes. */
import { useCallback, useEffect, useMemo, useState } from "react";
import { createBrowserClient, isUnauthenticated, toErrorMessage } from "../api/api-client.js";
import { AppContext } from "../api/app-context.js";
import type { SessionItem } from "../api/api-types.js";
import { SignInPage } from "../pages/SignInPage.js";
import { Shell } from "./Shell.js";

/** The app. */
export function App() {
  const client = useMemo(() => createBrowserClient(), []);
  const [session, setSession] = useState<SessionItem | null | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    try {
      setSession(await client.call("getSession", {}));
    } catch (error) {
      if (isUnauthenticated(error)) setSession(null);
      else setFailure(toErrorMessage(error));
    }
  }, [client]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const signOut = useCallback(async () => {
    await client.call("logout", {});
    setSession(null);
  }, [client]);
  if (failure !== null)
    return (
      <p className="error" role="alert">
        The server did not answer: {failure}
      </p>
    );
  if (session === undefined) return <p className="muted">Loading…</p>;
  if (session === null) return <SignInPage client={client} onSignedIn={refresh} />;
  return (
    <AppContext.Provider value={{ client, session, signOut }}>
      <Shell />
    </AppContext.Provider>
  );
}
