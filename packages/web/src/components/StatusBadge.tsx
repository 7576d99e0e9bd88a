/** A coloured, text-labelled status pill (colour is never the only signal). */
import type { HealthStatus } from "../model/model-health.js";

const labels: Readonly<Record<HealthStatus, string>> = {
  critical: "Critical",
  warning: "Warning",
  error: "Error",
  no_data: "No data",
  healthy: "Healthy",
  unmonitored: "Not monitored",
};

/** Shows one health status. */
export function StatusBadge({ status, label }: { readonly status: HealthStatus; readonly label?: string }) {
  return (
    <span className={`badge badge-${status}`} data-status={status}>
      {label === undefined ? labels[status] : `${label}: ${labels[status]}`}
    </span>
  );
}
