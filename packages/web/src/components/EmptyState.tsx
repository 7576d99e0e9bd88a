/** An empty state that says what happened and what to do next. */
import type { ReactNode } from "react";

/** Shows a title and the next step. */
export function EmptyState({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  return (
    <div className="empty-state" role="status">
      <h3>{title}</h3>
      <div>{children}</div>
    </div>
  );
}
