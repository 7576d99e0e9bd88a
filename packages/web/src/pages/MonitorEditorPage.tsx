/**
 * Create or edit a monitor. Before saving, the preview draws recent windows of this monitor (or of an
 * existing monitor with the same kind and metric) against the thresholds being edited.
 */
import { useMemo, useState, type SyntheticEvent } from "react";
import { monitorKindSchema, type MonitorCondition, type MonitorKind } from "@sextant/sdk";
import { toErrorMessage } from "../api/api-client.js";
import { useApp } from "../api/app-context.js";
import type { MonitorItem } from "../api/api-types.js";
import { loadModelPage, loadRecentResults, type ModelPageData } from "../api/load-model.js";
import { useAsync } from "../api/use-async.js";
import { TimeSeriesChart } from "../charts/TimeSeriesChart.js";
import { AsyncBlock } from "../components/AsyncBlock.js";
import { EmptyState } from "../components/EmptyState.js";
import { Link } from "../components/Link.js";
import { deriveFixedSeverity, deriveThresholdLines } from "../model/monitor-thresholds.js";
import { navigate, readQueryParam, useLocation } from "../routing/router.js";

interface Draft {
  name: string;
  kind: MonitorKind;
  metric: string;
  columns: string;
  window: "hourly" | "daily" | "weekly";
  baseline: string;
  direction: "higher_is_better" | "lower_is_better";
  warning: string;
  critical: string;
  forWindows: string;
}

const defaultMetric: Partial<Record<MonitorKind, string>> = {
  data_drift: "psi",
  dataset_drift: "drift_share",
  data_quality: "missing_share",
  performance: "f1",
  estimated_performance: "roc_auc",
  fairness: "demographic_parity_difference",
  business_kpi: "mean",
  text_drift: "auto",
  embedding_drift: "mmd",
};

function toDraft(monitor: MonitorItem | undefined, kind: MonitorKind): Draft {
  const condition = monitor?.condition;
  const fixed = condition?.kind === "fixed" ? condition : undefined;
  return {
    name: monitor?.name ?? "",
    kind: monitor?.kind ?? kind,
    metric: monitor?.metric ?? defaultMetric[kind] ?? "",
    columns: monitor?.columns.join(", ") ?? "",
    window:
      monitor?.window.kind === "daily" || monitor?.window.kind === "weekly" ? monitor.window.kind : "hourly",
    baseline: monitor?.baseline.kind === "reference" ? monitor.baseline.referenceId : "trailing",
    direction: fixed?.direction ?? "lower_is_better",
    warning: fixed?.warning?.toString() ?? "",
    critical: fixed?.critical?.toString() ?? "",
    forWindows: String(monitor?.forWindows ?? 1),
  };
}

function toCondition(draft: Draft): MonitorCondition {
  const number = (text: string): number | undefined => (text.trim() === "" ? undefined : Number(text));
  const warning = number(draft.warning);
  const critical = number(draft.critical);
  return {
    kind: "fixed",
    direction: draft.direction,
    ...(warning === undefined ? {} : { warning }),
    ...(critical === undefined ? {} : { critical }),
  };
}

/** The monitor editor page. */
export function MonitorEditorPage({
  modelId,
  monitorId,
}: {
  readonly modelId: string;
  readonly monitorId?: string;
}) {
  const { client } = useApp();
  const state = useAsync(async () => {
    const data = await loadModelPage(client, modelId);
    return { data, monitor: data.monitors?.find((m) => m.id === monitorId) };
  }, [client, modelId, monitorId]);
  return (
    <AsyncBlock state={state} what="the monitor">
      {({ data, monitor }) => <MonitorForm data={data} monitor={monitor} key={monitor?.id ?? "new"} />}
    </AsyncBlock>
  );
}

function MonitorForm({ data, monitor }: { data: ModelPageData; monitor: MonitorItem | undefined }) {
  const { client } = useApp();
  const location = useLocation();
  const kindParam = monitorKindSchema.safeParse(readQueryParam(location, "kind"));
  const [draft, setDraft] = useState<Draft>(() =>
    toDraft(monitor, kindParam.success ? kindParam.data : "data_drift"),
  );
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof Draft) => (event: { target: { value: string } }) => {
    setDraft((d) => ({ ...d, [key]: event.target.value }));
  };
  const source =
    monitor ??
    data.monitors?.find((m) => m.kind === draft.kind && m.metric === draft.metric && m.scope.kind === "all");
  const preview = useAsync(
    () => (source === undefined ? Promise.resolve([]) : loadRecentResults(client, source, 168)),
    [client, source?.id],
  );
  const condition = useMemo(() => toCondition(draft), [draft]);
  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    setError(null);
    const columns = draft.columns
      .split(",")
      .map((c) => c.trim())
      .filter(Boolean);
    const baseline =
      draft.baseline === "trailing"
        ? { kind: "trailing" as const, windows: 24 }
        : { kind: "reference" as const, referenceId: draft.baseline };
    try {
      if (monitor === undefined) {
        if (data.liveVersion === undefined) throw new Error("the model has no version to monitor");
        await client.call("createMonitor", {
          params: { modelId: data.model.id },
          body: {
            name: draft.name,
            versionId: data.liveVersion.id,
            kind: draft.kind,
            metric: draft.metric,
            columns,
            window: { kind: draft.window },
            baseline,
            condition,
            forWindows: Number(draft.forWindows),
          },
        });
      } else {
        await client.call("updateMonitor", {
          params: { id: monitor.id },
          body: {
            name: draft.name,
            columns,
            window: { kind: draft.window },
            baseline,
            condition,
            forWindows: Number(draft.forWindows),
          },
        });
      }
      navigate(`/models/${data.model.id}/monitors`);
    } catch (caught) {
      setError(toErrorMessage(caught));
    }
  };
  const features = data.columns.filter((c) => c.role === "feature").map((c) => c.name);
  return (
    <section aria-labelledby="editor-title">
      <p className="breadcrumb">
        <Link to={`/models/${data.model.id}/monitors`}>Monitors of {data.model.name}</Link> /{" "}
        {monitor?.name ?? "new"}
      </p>
      <h1 id="editor-title">{monitor === undefined ? "New monitor" : `Edit ${monitor.name}`}</h1>
      <form className="form-grid" onSubmit={(e) => void submit(e)}>
        <label>
          Name
          <input required value={draft.name} onChange={set("name")} />
        </label>
        <label>
          Kind
          <select value={draft.kind} onChange={set("kind")} disabled={monitor !== undefined}>
            {monitorKindSchema.options.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
        <label>
          Metric
          <input required value={draft.metric} onChange={set("metric")} disabled={monitor !== undefined} />
        </label>
        <label>
          Columns (comma-separated; empty = all features)
          <input value={draft.columns} onChange={set("columns")} list="feature-names" />
          <datalist id="feature-names">
            {features.map((f) => (
              <option key={f} value={f} />
            ))}
          </datalist>
        </label>
        <label>
          Window
          <select value={draft.window} onChange={set("window")}>
            <option value="hourly">hourly</option>
            <option value="daily">daily</option>
            <option value="weekly">weekly</option>
          </select>
        </label>
        <label>
          Baseline
          <select value={draft.baseline} onChange={set("baseline")}>
            <option value="trailing">the 24 previous windows</option>
            {data.references.map((r) => (
              <option key={r.id} value={r.id}>
                reference: {r.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Direction
          <select value={draft.direction} onChange={set("direction")}>
            <option value="lower_is_better">lower is better (alert above)</option>
            <option value="higher_is_better">higher is better (alert below)</option>
          </select>
        </label>
        <label>
          Warning threshold
          <input inputMode="decimal" value={draft.warning} onChange={set("warning")} />
        </label>
        <label>
          Critical threshold
          <input inputMode="decimal" value={draft.critical} onChange={set("critical")} />
        </label>
        <label>
          Consecutive windows to fire
          <input type="number" min={1} value={draft.forWindows} onChange={set("forWindows")} />
        </label>
        {error === null ? null : (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit">{monitor === undefined ? "Create monitor" : "Save changes"}</button>
      </form>
      <h2>Preview</h2>
      {source === undefined ? (
        <EmptyState title="Nothing to preview yet">
          No results exist for {draft.kind} / {draft.metric} on this model; save the monitor and run it to see
          its windows.
        </EmptyState>
      ) : (
        <AsyncBlock state={preview} what="recent windows">
          {(results) => {
            const rows = results.filter((r) => r.segment === null);
            const severities = rows.map((r) =>
              r.value === null ? null : deriveFixedSeverity(condition, r.value),
            );
            const warnings = severities.filter((s) => s === "warning").length;
            const criticals = severities.filter((s) => s === "critical").length;
            return (
              <>
                <p role="status">
                  With these thresholds, {criticals} of the last {rows.length} windows would be critical and{" "}
                  {warnings} a warning
                  {monitor === undefined ? ` (results of ${source.name})` : ""}.
                </p>
                <TimeSeriesChart
                  label="Recent windows against the thresholds being edited"
                  timesMs={rows.map((r) => Date.parse(r.windowStart))}
                  series={[{ label: draft.metric, values: rows.map((r) => r.value) }]}
                  thresholds={deriveThresholdLines(condition)}
                />
              </>
            );
          }}
        </AsyncBlock>
      )}
    </section>
  );
}
