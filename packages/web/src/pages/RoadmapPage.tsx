/**
 * The roadmap page: SLOT for the roadmap module ([roadmap] helper). It fetches `GET /api/v1/roadmap` when the
 * server offers it and shows the raw facts; the roadmap helper replaces RoadmapContent with the real view.
 */
import { useAsync } from "../api/use-async.js";
import { AsyncBlock } from "../components/AsyncBlock.js";
import { EmptyState } from "../components/EmptyState.js";

async function fetchRoadmap(): Promise<unknown> {
  const response = await fetch("/api/v1/roadmap", {
    headers: { accept: "application/json" },
    credentials: "same-origin",
  });
  if (response.status === 404 || response.status === 501) return null;
  if (!response.ok) throw new Error(`the roadmap answered ${response.status}`);
  return response.json();
}

/** What the roadmap API returned (replace with the real view). */
export function RoadmapContent({ roadmap }: { readonly roadmap: unknown }) {
  return <pre className="json">{JSON.stringify(roadmap, null, 2)}</pre>;
}

/** The roadmap route. */
export function RoadmapPage() {
  const state = useAsync(fetchRoadmap, []);
  return (
    <section aria-labelledby="roadmap-title">
      <h1 id="roadmap-title">MLOps roadmap</h1>
      <AsyncBlock state={state} what="the roadmap">
        {(roadmap) =>
          roadmap === null ? (
            <EmptyState title="The roadmap is not available yet">
              This server does not compute the roadmap yet. Once it does, this page shows the maturity score,
              strategy and blueprint computed from the platform's own facts.
            </EmptyState>
          ) : (
            <RoadmapContent roadmap={roadmap} />
          )
        }
      </AsyncBlock>
    </section>
  );
}
