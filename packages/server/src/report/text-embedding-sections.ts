/**
 * Drift of the columns that need a representation first: text columns through their descriptors
 * (length, non-letter share, out-of-vocabulary share) scored like numeric columns, and embedding columns
 * (already scored by the policy's method) with their centroid distances.
 */
import {
  computeColumnDrift,
  computeTextDescriptors,
  prepareDriftColumn,
  textDescriptorNames,
  type PreparedColumn,
  type TextDescriptorId,
} from "@sextant/core";
import type { LoadedTextColumn } from "../files/loaded-datasets.js";
import { computeDriftSection, type DriftSettings } from "./drift-section.js";
import type { ColumnDriftEntry, EmbeddingEntry, TextEntry } from "./report-model.js";

/** Text drift of one column: each descriptor is a numeric column named `column.descriptor`. */
export function computeTextEntry(name: string, column: LoadedTextColumn, settings: DriftSettings): TextEntry {
  const descriptors = computeTextDescriptors(column.reference, column.current);
  const ids = Object.keys(textDescriptorNames) as TextDescriptorId[];
  const prepared = ids.map((id) =>
    prepareDriftColumn({
      name: `${name}.${id}`,
      kind: "numeric",
      reference: descriptors.reference[id],
      current: descriptors.current[id],
    }),
  );
  const section = computeDriftSection({
    prepared,
    settings: { ...settings, correction: "none" },
    withCharts: true,
  });
  return {
    column: name,
    new_word_share: descriptors.newWordShare,
    reference_vocabulary_size: descriptors.referenceVocabularySize,
    drifted: section.columns.some((c) => c.drifted),
    descriptors: section.columns,
  };
}

/** Embedding entry: the drift result already computed plus centroid distances. */
export function computeEmbeddingEntry(prepared: PreparedColumn, drift: ColumnDriftEntry): EmbeddingEntry {
  const distance = (metric: "euclidean" | "cosine") => {
    const r = computeColumnDrift({
      column: prepared,
      method: "centroid_distance",
      options: { centroidMetric: metric },
    });
    return r.status === "ok" && Number.isFinite(r.score) ? r.score : null;
  };
  return {
    column: prepared.name,
    dimension: prepared.sample.kind === "embedding" ? prepared.sample.reference.dimension : 0,
    drift,
    centroid_distance: { euclidean: distance("euclidean"), cosine: distance("cosine") },
  };
}
