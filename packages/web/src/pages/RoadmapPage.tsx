/**
 * The roadmap page (ROADMAP.md §6 UI): a summary header and one tab per step of the article (1 strategy,
 * 2 needs, 3 blueprint and maturity, 4–5 tool evaluation), plus Compliance, History and the questionnaire.
 * The tab and the shown assessment live in the query (`?tab=needs&assessment=…`).
 */
import { useApp } from "../api/app-context.js";
import { useAsync } from "../api/use-async.js";
import { AsyncBlock } from "../components/AsyncBlock.js";
import { EmptyState } from "../components/EmptyState.js";
import { Tabs, type TabSpec } from "../components/Tabs.js";
import { BlueprintTab } from "../roadmap/BlueprintTab.js";
import { ComplianceTab } from "../roadmap/ComplianceTab.js";
import { EvaluationTab } from "../roadmap/EvaluationTab.js";
import { HistoryTab } from "../roadmap/HistoryTab.js";
import { NeedsTab } from "../roadmap/NeedsTab.js";
import { QuestionnaireTab } from "../roadmap/QuestionnaireTab.js";
import { loadRoadmapView, type RoadmapView } from "../roadmap/roadmap-data.js";
import { RoadmapSummary } from "../roadmap/RoadmapSummary.js";
import { StrategyTab } from "../roadmap/StrategyTab.js";
import { navigate, readQueryParam, useLocation } from "../routing/router.js";

const tabs: readonly TabSpec[] = [
  { id: "strategy", title: "1 Organisation strategy" },
  { id: "needs", title: "2 Needs" },
  { id: "blueprint", title: "3 Blueprint & maturity" },
  { id: "evaluation", title: "4–5 Tool evaluation" },
  { id: "compliance", title: "Compliance" },
  { id: "history", title: "History" },
  { id: "questionnaire", title: "Questionnaire" },
];

function toPath(tab: string, assessmentId: string | undefined): string {
  const query = new URLSearchParams({ tab });
  if (assessmentId !== undefined) query.set("assessment", assessmentId);
  return `/roadmap?${query.toString()}`;
}

function RoadmapTabs(props: {
  readonly view: RoadmapView;
  readonly tab: string;
  readonly assessmentId: string | undefined;
  readonly reload: (assessmentId?: string) => void;
}) {
  const { view, tab, reload } = props;
  const a = view.assessment;
  const select = (id: string): void => {
    navigate(toPath(id, props.assessmentId), { replace: true });
  };
  const needsAssessment = (
    <EmptyState title="No assessment yet">
      Save the questionnaire, then run an assessment from the Questionnaire tab.
    </EmptyState>
  );
  return (
    <>
      {a === null ? null : <RoadmapSummary assessment={a} sources={view.sources} />}
      <Tabs tabs={tabs} selected={tab} onSelect={select} label="Steps of the roadmap">
        <div className="tab-body">
          {tab === "questionnaire" ? (
            <QuestionnaireTab view={view.questionnaire} onChanged={reload} />
          ) : tab === "evaluation" ? (
            <EvaluationTab
              evaluations={view.evaluations}
              buildVsBuyLean={view.questionnaire.questionnaire.constraints.buildVsBuyLean}
              sources={view.sources}
              onChanged={() => {
                reload();
              }}
            />
          ) : a === null ? (
            needsAssessment
          ) : tab === "needs" ? (
            <NeedsTab assessment={a} sources={view.sources} />
          ) : tab === "blueprint" ? (
            <BlueprintTab assessment={a} sources={view.sources} />
          ) : tab === "compliance" ? (
            <ComplianceTab assessment={a} sources={view.sources} />
          ) : tab === "history" ? (
            <HistoryTab history={view.history} currentId={a.id} />
          ) : (
            <StrategyTab assessment={a} sources={view.sources} />
          )}
        </div>
      </Tabs>
    </>
  );
}

/** The roadmap route. */
export function RoadmapPage() {
  const { client } = useApp();
  const location = useLocation();
  const assessmentId = readQueryParam(location, "assessment");
  const requested = readQueryParam(location, "tab");
  const state = useAsync(() => loadRoadmapView(client, assessmentId), [client, assessmentId]);
  const reload = (createdId?: string): void => {
    if (createdId !== undefined) navigate(toPath("strategy", undefined), { replace: true });
    state.reload();
  };
  return (
    <section aria-labelledby="roadmap-title">
      <h1 id="roadmap-title">MLOps roadmap</h1>
      <AsyncBlock state={state} what="the roadmap">
        {(view) => {
          const fallback = view.assessment === null ? "questionnaire" : "strategy";
          const tab = tabs.some((t) => t.id === requested) ? requested! : fallback;
          return <RoadmapTabs view={view} tab={tab} assessmentId={assessmentId} reload={reload} />;
        }}
      </AsyncBlock>
    </section>
  );
}
