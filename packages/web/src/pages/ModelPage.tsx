/** A model's page: header facts and one tab per stakeholder (data science, business, risk, operations, finance). */
import { useState } from "react";
import { useApp } from "../api/app-context.js";
import { loadModelPage } from "../api/load-model.js";
import { useAsync } from "../api/use-async.js";
import { AsyncBlock } from "../components/AsyncBlock.js";
import { Link } from "../components/Link.js";
import { StatusBadge } from "../components/StatusBadge.js";
import { Tabs } from "../components/Tabs.js";
import { deriveAreaHealth, healthAreas } from "../model/model-health.js";
import { navigate, readQueryParam, useLocation } from "../routing/router.js";
import { BusinessTab } from "./BusinessTab.js";
import { DataScienceTab } from "./DataScienceTab.js";
import { FinanceTab } from "./FinanceTab.js";
import { OperationsTab } from "./OperationsTab.js";
import { RiskTab } from "./RiskTab.js";

const tabs = [
  { id: "data-science", title: "Data science" },
  { id: "business", title: "Business" },
  { id: "risk", title: "Risk" },
  { id: "operations", title: "Operations" },
  { id: "finance", title: "Finance" },
];

/** The model page. */
export function ModelPage({ modelId }: { readonly modelId: string }) {
  const { client } = useApp();
  const location = useLocation();
  const state = useAsync(() => loadModelPage(client, modelId), [client, modelId]);
  const initial = readQueryParam(location, "tab") ?? "data-science";
  const [tab, setTab] = useState(tabs.some((t) => t.id === initial) ? initial : "data-science");
  const select = (id: string): void => {
    setTab(id);
    navigate(`/models/${modelId}?tab=${id}`, { replace: true });
  };
  return (
    <AsyncBlock state={state} what="the model">
      {(data) => {
        const health = deriveAreaHealth(data.monitors ?? []);
        return (
          <section aria-labelledby="model-title">
            <p className="breadcrumb">
              <Link to="/">Overview</Link> / {data.model.name}
            </p>
            <h1 id="model-title">{data.model.name}</h1>
            <p className="muted">
              {data.model.task} · risk tier {data.model.riskTier} · owner {data.model.owner.name}
              {data.liveVersion === undefined
                ? " · no version"
                : ` · version ${data.liveVersion.name} (${data.liveVersion.stage})`}
            </p>
            <div className="badges">
              {healthAreas.map((area) => (
                <StatusBadge
                  key={area}
                  status={health[area]}
                  label={area === "kpi" ? "KPI" : area[0]!.toUpperCase() + area.slice(1)}
                />
              ))}
            </div>
            <p className="actions">
              <Link to={`/models/${modelId}/monitors`}>Monitors</Link>
              <Link to={`/models/${modelId}/segments`}>Segments</Link>
              <Link to={`/incidents?modelId=${modelId}`}>Incidents</Link>
            </p>
            <Tabs tabs={tabs} selected={tab} onSelect={select} label="Views of the model">
              {tab === "data-science" ? <DataScienceTab data={data} /> : null}
              {tab === "business" ? <BusinessTab data={data} /> : null}
              {tab === "risk" ? <RiskTab data={data} /> : null}
              {tab === "operations" ? <OperationsTab data={data} /> : null}
              {tab === "finance" ? <FinanceTab data={data} /> : null}
            </Tabs>
          </section>
        );
      }}
    </AsyncBlock>
  );
}
