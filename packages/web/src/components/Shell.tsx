/** The signed-in layout: navigation, and the page of the current route (pages beyond the overview load lazily). */
import { lazy, Suspense, type ReactNode } from "react";
import { canReadAudit, useApp } from "../api/app-context.js";
import { matchPath, useLocation } from "../routing/router.js";
import { OverviewPage } from "../pages/OverviewPage.js";
import { Link } from "./Link.js";
import { EmptyState } from "./EmptyState.js";

const ModelPage = lazy(() => import("../pages/ModelPage.js").then((m) => ({ default: m.ModelPage })));
const IncidentsPage = lazy(() =>
  import("../pages/IncidentsPage.js").then((m) => ({ default: m.IncidentsPage })),
);
const IncidentPage = lazy(() =>
  import("../pages/IncidentPage.js").then((m) => ({ default: m.IncidentPage })),
);
const MonitorsPage = lazy(() =>
  import("../pages/MonitorsPage.js").then((m) => ({ default: m.MonitorsPage })),
);
const MonitorEditorPage = lazy(() =>
  import("../pages/MonitorEditorPage.js").then((m) => ({ default: m.MonitorEditorPage })),
);
const SegmentsPage = lazy(() =>
  import("../pages/SegmentsPage.js").then((m) => ({ default: m.SegmentsPage })),
);
const AuditLogPage = lazy(() =>
  import("../pages/AuditLogPage.js").then((m) => ({ default: m.AuditLogPage })),
);
const SettingsPage = lazy(() =>
  import("../pages/SettingsPage.js").then((m) => ({ default: m.SettingsPage })),
);
const FinancePage = lazy(() => import("../pages/FinancePage.js").then((m) => ({ default: m.FinancePage })));
const RoadmapPage = lazy(() => import("../pages/RoadmapPage.js").then((m) => ({ default: m.RoadmapPage })));

function selectPage(location: string): ReactNode {
  const routes: [string, (p: Record<string, string>) => ReactNode][] = [
    ["/", () => <OverviewPage />],
    ["/models/:id", (p) => <ModelPage modelId={p.id!} />],
    ["/models/:id/monitors", (p) => <MonitorsPage modelId={p.id!} />],
    ["/models/:id/monitors/new", (p) => <MonitorEditorPage modelId={p.id!} />],
    [
      "/models/:id/monitors/:monitorId",
      (p) => <MonitorEditorPage modelId={p.id!} monitorId={p.monitorId!} />,
    ],
    ["/models/:id/segments", (p) => <SegmentsPage modelId={p.id!} />],
    ["/incidents", () => <IncidentsPage />],
    ["/incidents/:id", (p) => <IncidentPage incidentId={p.id!} />],
    ["/audit", () => <AuditLogPage />],
    ["/settings", () => <SettingsPage />],
    ["/finance", () => <FinancePage />],
    ["/roadmap", () => <RoadmapPage />],
  ];
  for (const [pattern, render] of routes) {
    const params = matchPath(pattern, location);
    if (params !== undefined) return render(params);
  }
  return (
    <EmptyState title="Page not found">
      There is no page at this address. <Link to="/">Go to the overview</Link>.
    </EmptyState>
  );
}

/** The layout around every signed-in page. */
export function Shell() {
  const { session, signOut } = useApp();
  const location = useLocation();
  const current = (path: string): "page" | undefined =>
    (path === "/" ? location.split("?")[0] === "/" : location.startsWith(path)) ? "page" : undefined;
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top-bar">
        <Link to="/" className="brand">
          Sextant
        </Link>
        <nav aria-label="Main">
          <Link to="/" aria-current={current("/")}>
            Overview
          </Link>
          <Link to="/incidents" aria-current={current("/incidents")}>
            Incidents
          </Link>
          <Link to="/finance" aria-current={current("/finance")}>
            Finance
          </Link>
          {canReadAudit(session) ? (
            <Link to="/audit" aria-current={current("/audit")}>
              Audit log
            </Link>
          ) : null}
          <Link to="/roadmap" aria-current={current("/roadmap")}>
            Roadmap
          </Link>
          <Link to="/settings" aria-current={current("/settings")}>
            Settings
          </Link>
        </nav>
        <span className="who">
          {session.name}{" "}
          <button type="button" className="link-button" onClick={() => void signOut()}>
            Sign out
          </button>
        </span>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="muted">Loading…</p>}>{selectPage(location)}</Suspense>
      </main>
    </>
  );
}
