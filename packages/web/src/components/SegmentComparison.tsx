/** Segment comparison: each segmented monitor's latest value per segment, side by side. */
import type { ModelPageData } from "../api/load-model.js";
import type { MonitorItem, MonitorResult } from "../api/api-types.js";
import { EmptyState } from "./EmptyState.js";
import { Link } from "./Link.js";

/** Props of SegmentComparison. */
export interface SegmentComparisonProps {
  readonly data: ModelPageData;
  readonly monitors: readonly MonitorItem[];
  readonly results: ReadonlyMap<string, readonly MonitorResult[]>;
}

/** A table per segmented monitor: segment, latest value, severity, with a bar. */
export function SegmentComparison({ data, monitors, results }: SegmentComparisonProps) {
  if (monitors.length === 0) {
    return (
      <EmptyState title="No segmented monitor yet">
        {data.segments.length === 0 ? (
          <>
            Define segments first (<Link to={`/models/${data.model.id}/segments`}>segments</Link>), then
            create a monitor with scope “each segment”.
          </>
        ) : (
          <>
            Create a monitor with scope “each segment” to compare{" "}
            {data.segments.map((s) => s.name).join(", ")}:{" "}
            <Link to={`/models/${data.model.id}/monitors/new`}>new monitor</Link>.
          </>
        )}
      </EmptyState>
    );
  }
  return (
    <>
      {monitors.map((monitor) => {
        const latest = new Map<string, MonitorResult>();
        for (const r of results.get(monitor.id) ?? []) if (r.segment !== null) latest.set(r.segment, r);
        const rows = [...latest.values()];
        const max = Math.max(1e-12, ...rows.map((r) => Math.abs(r.value ?? 0)));
        return (
          <table key={monitor.id} className="segments">
            <caption>
              {monitor.name} ({monitor.metric}), latest window
            </caption>
            <thead>
              <tr>
                <th scope="col">Segment</th>
                <th scope="col">Value</th>
                <th scope="col">Severity</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.segment}>
                  <th scope="row">{r.segment}</th>
                  <td>
                    <span
                      className="bar"
                      style={{ width: `${(Math.abs(r.value ?? 0) / max) * 8}em` }}
                      aria-hidden="true"
                    />{" "}
                    {r.value === null ? "n/a" : r.value.toPrecision(3)}
                  </td>
                  <td>{r.severity}</td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </>
  );
}
