/**
 * The report document (JSON schema `sextant.report/v1`, documented in docs/report-json.md): every number
 * the HTML and Markdown show. Keys are snake_case as written to disk; numbers are finite or null, never
 * NaN. This file holds types only.
 */

/** Version tag written into every report. */
export const reportSchemaVersion = "sextant.report/v1";

/** Reference and current values of one quantity. */
export interface SidePair<T> {
  readonly reference: T;
  readonly current: T;
}

/** Distribution of a column for overlay charts, as shares per bin or category. */
export type DistributionSummary =
  | {
      readonly type: "histogram";
      readonly edges: number[];
      readonly reference: number[];
      readonly current: number[];
    }
  | {
      readonly type: "categories";
      readonly categories: string[];
      readonly reference: number[];
      readonly current: number[];
      /** Share held by categories not listed (both sides), when there are more than the chart shows. */
      readonly other_reference: number;
      readonly other_current: number;
    };

/** Summary statistics of a numeric side. */
export interface NumericStats {
  readonly mean: number | null;
  readonly std: number | null;
  readonly min: number | null;
  readonly p25: number | null;
  readonly median: number | null;
  readonly p75: number | null;
  readonly max: number | null;
}

/** One column's drift, as the issue requires plus what the report shows. */
export interface ColumnDriftEntry {
  readonly name: string;
  readonly kind: "numeric" | "categorical" | "embedding" | "text";
  readonly method: string;
  readonly method_name: string;
  readonly method_source: "column" | "policy";
  readonly status: "ok" | "insufficient_data";
  readonly reason?: string;
  readonly score: number | null;
  readonly score_kind: "p_value" | "distance";
  readonly statistic: number | null;
  readonly threshold: number;
  readonly threshold_source: string;
  readonly drifted: boolean;
  /** Verdict before the multiple-testing correction (equals `drifted` when none). */
  readonly drifted_uncorrected: boolean;
  readonly n_reference: number;
  readonly n_current: number;
  readonly missing_reference: number;
  readonly missing_current: number;
  readonly unique_count: number;
  readonly distribution?: DistributionSummary;
  readonly stats?: SidePair<NumericStats>;
}

/** Dataset-level drift verdict. */
export interface DatasetDriftEntry {
  readonly drift_share: number;
  readonly drifted: boolean;
  readonly drifted_count: number;
  readonly column_count: number;
  readonly drift_share_threshold: number;
  readonly correction: string;
  readonly weighted_drift_share?: number;
}

/** Data quality of one column. */
export interface ColumnQualityEntry {
  readonly name: string;
  readonly kind: string;
  readonly missing_share: SidePair<number>;
  readonly missing_count: SidePair<number>;
  readonly constant: SidePair<boolean>;
  readonly type_errors: SidePair<number>;
  readonly out_of_range_count?: number;
  readonly out_of_range_share?: number;
  readonly reference_range?: [number, number];
  readonly new_categories?: string[];
  readonly new_category_count?: number;
  readonly new_category_share?: number;
  readonly missing_categories?: string[];
}

/** Dataset-level quality. */
export interface QualityEntry {
  readonly duplicate_rows: SidePair<number>;
  readonly duplicate_ids: SidePair<number> | null;
  readonly columns_only_in_reference: string[];
  readonly columns_only_in_current: string[];
  readonly columns: ColumnQualityEntry[];
}

/** A curve as parallel x/y arrays. */
export interface CurveEntry {
  readonly x: number[];
  readonly y: number[];
}

/** Performance metrics of one side; null marks a metric the data cannot give. */
export type MetricTable = Readonly<Record<string, number | null>>;

/** Classification or regression performance of both sides. */
export interface PerformanceEntry {
  readonly task: "binary" | "multiclass" | "regression";
  readonly target: string;
  readonly prediction: string | null;
  readonly prediction_proba: string[];
  readonly positive_label?: string;
  readonly labels?: string[];
  readonly metrics: SidePair<MetricTable | null>;
  readonly confusion_matrix?: SidePair<number[][] | null>;
  readonly roc_curve?: SidePair<CurveEntry | null>;
  readonly pr_curve?: SidePair<CurveEntry | null>;
  readonly calibration_curve?: SidePair<(CurveEntry & { counts: number[] }) | null>;
  readonly error_distribution?: SidePair<{ edges: number[]; counts: number[] } | null>;
  readonly dummy_metrics?: SidePair<MetricTable | null>;
  readonly notes: string[];
}

/** Fairness of one protected column on both sides. */
export interface FairnessEntry {
  readonly column: string;
  readonly groups: string[];
  readonly per_group: SidePair<Record<string, Record<string, number | null>> | null>;
  readonly metrics: SidePair<MetricTable | null>;
  readonly four_fifths_rule_violated: SidePair<boolean | null>;
}

/** One segment value, compared with the same segment of the reference. */
export interface SegmentEntry {
  readonly column: string;
  readonly value: string;
  readonly rows: SidePair<number>;
  readonly dataset: DatasetDriftEntry | null;
  readonly columns: Pick<ColumnDriftEntry, "name" | "method" | "score" | "threshold" | "drifted">[];
  readonly performance: SidePair<MetricTable | null> | null;
}

/** Text drift of one text column through its descriptors. */
export interface TextEntry {
  readonly column: string;
  readonly new_word_share: number;
  readonly reference_vocabulary_size: number;
  readonly drifted: boolean;
  readonly descriptors: ColumnDriftEntry[];
}

/** Embedding drift of one embedding column. */
export interface EmbeddingEntry {
  readonly column: string;
  readonly dimension: number;
  readonly drift: ColumnDriftEntry;
  readonly centroid_distance: { readonly euclidean: number | null; readonly cosine: number | null };
}

/** The whole report. */
export interface ReportDocument {
  readonly schema_version: typeof reportSchemaVersion;
  readonly generated_at: string;
  readonly tool: { readonly name: "sextant"; readonly version: string };
  readonly inputs: SidePair<{
    path: string;
    rows: number;
    columns: number;
  }>;
  readonly settings: {
    readonly drift_policy: string;
    readonly correction: string;
    readonly drift_share_threshold: number;
    readonly roles: Record<string, string | string[]>;
  };
  readonly schema: { name: string; kind: string | null; storage: string; source: string; reason: string }[];
  readonly warnings: string[];
  readonly summary: {
    readonly rows: SidePair<number>;
    readonly columns_analysed: number;
    readonly drifted_columns: string[];
    readonly dataset_drifted: boolean;
    readonly drift_share: number;
    readonly quality_issues: number;
  };
  readonly columns: ColumnDriftEntry[];
  readonly dataset: DatasetDriftEntry;
  readonly quality: QualityEntry;
  readonly target_drift: ColumnDriftEntry | null;
  readonly prediction_drift: ColumnDriftEntry[];
  readonly performance: PerformanceEntry | null;
  readonly fairness: FairnessEntry[];
  readonly segments: SegmentEntry[];
  readonly text: TextEntry[];
  readonly embeddings: EmbeddingEntry[];
}
