/** The app-wide context: the API client and the signed-in caller. */
import type { SextantClient } from "@sextant/sdk";
import { createContext, useContext } from "react";
import type { SessionItem } from "./api-types.js";

/** What every page can read. */
export interface AppContextValue {
  readonly client: SextantClient;
  readonly session: SessionItem;
  readonly signOut: () => Promise<void>;
}

/** Provided by App once signed in. */
export const AppContext = createContext<AppContextValue | null>(null);

/** The app context; pages render only inside the signed-in shell. */
export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (value === null) throw new Error("useApp outside AppContext");
  return value;
}

/** True when the caller may read the audit log somewhere (auditor or admin). */
export function canReadAudit(session: SessionItem): boolean {
  return session.orgAdmin || session.memberships.some((m) => m.role === "auditor" || m.role === "admin");
}

/** True when the caller may change data in the workspace (editor or admin). */
export function canEdit(session: SessionItem, workspaceId: string): boolean {
  return (
    session.orgAdmin ||
    session.memberships.some(
      (m) => m.workspaceId === workspaceId && (m.role === "editor" || m.role === "admin"),
    )
  );
}
