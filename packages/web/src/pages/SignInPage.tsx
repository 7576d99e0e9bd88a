/** The sign-in form: username and password to a cookie session. */
import { useState, type SyntheticEvent } from "react";
import type { SextantClient } from "@sextant/sdk";
import { toErrorMessage } from "../api/api-client.js";

/** Props of SignInPage. */
export interface SignInPageProps {
  readonly client: SextantClient;
  readonly onSignedIn: () => Promise<void>;
}

/** Signs the user in. */
export function SignInPage({ client, onSignedIn }: SignInPageProps) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await client.call("login", { body: { username, password } });
      await onSignedIn();
    } catch (caught) {
      setError(toErrorMessage(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="sign-in">
      <form onSubmit={(event) => void submit(event)} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Sign in to Sextant</h1>
        <label htmlFor="username">Username</label>
        <input
          id="username"
          name="username"
          autoComplete="username"
          required
          value={username}
          onChange={(e) => {
            setUsername(e.target.value);
          }}
        />
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
          }}
        />
        {error === null ? null : (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
        <p className="muted small">
          First start? The server printed the admin password once; change it with POST /api/v1/auth/password.
        </p>
      </form>
    </main>
  );
}
