/** Business view: KPI trends in plain language. */
import { useMemo } from "react";
import type { ModelPageData } from "../api/load-model.js";
import { MonitorCharts } from "../components/MonitorCharts.js";

/** The business tab. */
export function BusinessTab({ data }: { readonly data: ModelPageData }) {
  const kpis = useMemo(() => (data.monitors ?? []).filter((m) => m.kind === "business_kpi"), [data.monitors]);
  return (
    <div className="tab-body">
      <h2>Business KPIs</h2>
      <p className="muted">
        Business owner: {data.model.businessOwner?.name ?? "not set"}. Each chart is a KPI computed from the
        outcomes logged with predictions; dashed lines are the alert thresholds.
      </p>
      <MonitorCharts modelId={data.model.id} monitors={kpis} what="business KPI" kind="business_kpi" />
    </div>
  );
}
