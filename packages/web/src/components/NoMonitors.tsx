/** The empty state of a view whose monitors do not exist yet, with the way to create one. */
import { EmptyState } from "./EmptyState.js";
import { Link } from "./Link.js";

/** Says which monitor kind is missing and links to the editor. */
export function NoMonitors({
  modelId,
  what,
  kind,
}: {
  readonly modelId: string;
  readonly what: string;
  readonly kind: string;
}) {
  return (
    <EmptyState title={`No ${what} monitor yet`}>
      Create a <code>{kind}</code> monitor to see {what} here:{" "}
      <Link to={`/models/${modelId}/monitors/new?kind=${kind}`}>new monitor</Link>.
    </EmptyState>
  );
}
