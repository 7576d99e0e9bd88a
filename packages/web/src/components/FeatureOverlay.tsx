/**
 * A feature's distribution in the latest day overlaid on its reference, from samples of stored events
 * (reference: the version's time-range reference, else the oldest events). Reading events needs the editor role.
 */
import { useMemo } from "react";
import { SextantApiError } from "@sextant/sdk";
import { useApp } from "../api/app-context.js";
import type { ModelPageData } from "../api/load-model.js";
import { useAsync } from "../api/use-async.js";
import { OverlayChart } from "../charts/OverlayChart.js";
import { computeOverlayHistogram } from "../model/histogram-overlay.js";
import { AsyncBlock } from "./AsyncBlock.js";
import { EmptyState } from "./EmptyState.js";

const dayMs = 86_400_000;

/** Props of FeatureOverlay. */
export interface FeatureOverlayProps {
  readonly data: ModelPageData;
  readonly feature: string;
  /** Start of the latest drift window (ISO); the current sample is the day ending with it. */
  readonly currentEnd: string | undefined;
}

/** Loads both samples and draws the overlay. */
export function FeatureOverlay({ data, feature, currentEnd }: FeatureOverlayProps) {
  const { client } = useApp();
  const versionId = data.liveVersion!.id;
  const reference = data.references.find((r) => r.kind === "time_range" && r.from !== null && r.to !== null);
  const state = useAsync(async () => {
    const endMs = currentEnd === undefined ? Date.now() : Date.parse(currentEnd) + 3_600_000;
    try {
      const [ref, cur] = await Promise.all([
        client.call("listEvents", {
          params: { versionId },
          query:
            reference === undefined
              ? { limit: 500 }
              : { from: reference.from!, to: reference.to!, limit: 500 },
        }),
        client.call("listEvents", {
          params: { versionId },
          query: {
            from: new Date(endMs - dayMs).toISOString(),
            to: new Date(endMs).toISOString(),
            limit: 500,
          },
        }),
      ]);
      return { ref: ref.items, cur: cur.items, denied: false };
    } catch (error) {
      if (error instanceof SextantApiError && error.status === 403) return { ref: [], cur: [], denied: true };
      throw error;
    }
  }, [client, versionId, reference?.id, currentEnd]);
  const title = `Distribution of ${feature}`;
  return (
    <section aria-label={title} className="overlay">
      <h3>{title}</h3>
      <AsyncBlock state={state} what="event samples">
        {(samples) => (
          <OverlayBody
            feature={feature}
            samples={samples}
            referenceName={reference?.name ?? "oldest events"}
          />
        )}
      </AsyncBlock>
    </section>
  );
}

function OverlayBody({
  feature,
  samples,
  referenceName,
}: {
  feature: string;
  samples: {
    ref: { values: Record<string, unknown> }[];
    cur: { values: Record<string, unknown> }[];
    denied: boolean;
  };
  referenceName: string;
}) {
  const histogram = useMemo(
    () =>
      computeOverlayHistogram(
        samples.ref.map((e) => e.values[feature]),
        samples.cur.map((e) => e.values[feature]),
      ),
    [samples, feature],
  );
  if (samples.denied) {
    return (
      <EmptyState title="Needs the editor role">
        Reading raw events needs the editor or admin role in this workspace; ask an admin.
      </EmptyState>
    );
  }
  if (histogram.referenceSize === 0 || histogram.currentSize === 0) {
    return (
      <EmptyState title="Not enough events">
        Send predictions for this version; the overlay compares the latest day with the reference.
      </EmptyState>
    );
  }
  return (
    <>
      <p className="muted small">
        Sample of up to 500 events from the reference ({referenceName}) and from the latest day; bars are
        shares of rows.
      </p>
      <OverlayChart histogram={histogram} feature={feature} />
    </>
  );
}
