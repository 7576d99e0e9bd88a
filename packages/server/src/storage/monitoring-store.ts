/**
 * The monitoring part of the Store port: monitors, their state and results, incidents, channels,
 * deliveries and policies, plus the gather reads of the monitor runner (binned counts, values and late
 * arrivals per window), which keep every SQL statement inside the adapter.
 */
import type { TimeWindow } from "@sextant/core";
import type { ColumnSpec, SegmentCondition } from "@sextant/sdk";
import type {
  ChannelRecord,
  DeliveryRecord,
  IncidentRecord,
  MonitorRecord,
  MonitorResultRecord,
  MonitorRunRecord,
  MonitorStateRecord,
  PolicyRecord,
} from "../monitoring/monitoring-records.js";
import type { Page, PageRequest } from "../registry/records.js";
import type { LeaseFence } from "./work-leases.js";

/** Which stream of a version a column lives in. */
export type EventStream = "predictions" | "labels" | "outcomes";

/** A column to read, with its stream (file references hold every stream in one table). */
export interface GatherColumn {
  readonly name: string;
  readonly stream: EventStream;
}

/** Rows to gather: a version's events grouped into windows, or a baseline (reference rows or a time range). */
export type GatherSource =
  | { readonly kind: "windows"; readonly versionId: string; readonly windows: readonly TimeWindow[] }
  | { readonly kind: "reference"; readonly versionId: string; readonly referenceId: string }
  | { readonly kind: "range"; readonly versionId: string; readonly fromMs: number; readonly toMs: number };

/** A column to bin: numeric by edges (bin i = number of edges below the value), or categorical by value. */
export type BinnedColumn =
  | (GatherColumn & { readonly kind: "numeric"; readonly edges: readonly number[] })
  | (GatherColumn & { readonly kind: "categorical" });

/** Counts per bin (numeric: bin index as a string) and missing values of one column. */
export interface ColumnBins {
  readonly counts: ReadonlyMap<string, number>;
  readonly missing: number;
}

/** Binned counts of one group of rows (a window, or the whole baseline with windowIndex 0). */
export interface GroupBins {
  readonly windowIndex: number;
  readonly rowCount: number;
  readonly columns: Readonly<Record<string, ColumnBins>>;
}

/** Column values of gathered rows; `windowIndex[i]` is row i's window (0 for a baseline). */
export interface GatheredValues {
  readonly windowIndex: Int32Array;
  readonly columns: Readonly<Record<string, readonly (number | string | boolean | null)[]>>;
}

/** A gather request: where, which segment filter, which columns. */
export interface GatherRequest<C> {
  readonly source: GatherSource;
  readonly segment: readonly SegmentCondition[] | null;
  readonly columns: readonly C[];
  /** Only rows with a joined label (performance monitors). */
  readonly labelledOnly?: boolean;
}

/** Rejected rows of one committed ingest request (recorded only when some rows were rejected). */
export interface IngestRejectionRecord {
  readonly versionId: string;
  readonly stream: EventStream;
  readonly receivedAt: Date;
  readonly rejectedRows: number;
  /** Rows with at least one type error (TYPE_MISMATCH, LENGTH_MISMATCH, INVALID_TIMESTAMP). */
  readonly typeErrorRows: number;
  /** Rows carrying at least one field the schema does not have. */
  readonly unknownFieldRows: number;
  /** Rows with a type error, per field. */
  readonly typeErrorsByField: Readonly<Record<string, number>>;
  /** Rows carrying each unknown field. */
  readonly unknownFields: Readonly<Record<string, number>>;
}

/** What a stream received in a time range: stored rows per receipt instant, and recorded rejections. */
export interface ReceiptsInRange {
  readonly stored: readonly { readonly receivedAtMs: number; readonly rows: number }[];
  readonly rejections: readonly IngestRejectionRecord[];
}

/** A saved revision of a version schema. */
export interface SchemaRevisionRecord {
  readonly versionId: string;
  readonly revision: number;
  readonly columns: readonly ColumnSpec[];
  readonly savedAt: Date;
}

/** A seeded sample of one embedding column per group: at most `maxRowsPerGroup` vectors per window. */
export interface EmbeddingSample {
  /** Group (window) of each sampled vector. */
  readonly windowIndex: Int32Array;
  readonly vectors: readonly (readonly number[])[];
  /** Non-null vectors per group before sampling. */
  readonly totals: ReadonlyMap<number, number>;
}

/** Filter of the result time series. */
export interface MonitorResultFilter extends PageRequest {
  readonly monitorId: string;
  readonly segment?: string | undefined;
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
}

/** One evaluation's results, alert states and run bookkeeping. */
export interface EvaluationWrite {
  readonly states: readonly MonitorStateRecord[];
  readonly results: readonly MonitorResultRecord[];
  readonly run: MonitorRunRecord;
  /** Commit only while this lease is held (multi-process stores); else LeaseLostError, nothing saved. */
  readonly fence?: LeaseFence | undefined;
}

/** What an incident planner sees, read inside the evaluation's transaction after its states were written. */
export interface IncidentView {
  /** The model's incidents unresolved or resolved since `since`, newest first (at most 500). */
  readonly incidents: readonly IncidentRecord[];
  /** The alert states of every monitor of the model, this evaluation's included. */
  readonly states: readonly MonitorStateRecord[];
}

/** Incident upserts and new deliveries (stored pending, sent after the commit) planned for one evaluation. */
export interface IncidentWritePlan {
  readonly incidents: readonly IncidentRecord[];
  readonly deliveries: readonly DeliveryRecord[];
}

/**
 * Plans an evaluation's incident changes from the view read in its transaction (decision 0015). `plan` must
 * not do I/O: the model's incidents stay locked while it runs.
 */
export interface IncidentPlanner<P extends IncidentWritePlan> {
  readonly modelId: string;
  readonly since: Date;
  readonly plan: (view: IncidentView) => P;
}

/** The persistence port of monitoring. */
export interface MonitoringStore {
  saveMonitor(record: MonitorRecord): Promise<void>;
  findMonitor(id: string): Promise<MonitorRecord | undefined>;
  listMonitors(filter: PageRequest & { readonly modelId?: string | undefined }): Promise<Page<MonitorRecord>>;
  /** Deletes the monitor with its state and results. */
  deleteMonitor(id: string): Promise<void>;

  loadMonitorRun(monitorId: string): Promise<MonitorRunRecord | undefined>;
  /** Saves the run; with a fence, only while that lease is held (else LeaseLostError, nothing saved). */
  saveMonitorRun(record: MonitorRunRecord, fence?: LeaseFence): Promise<void>;
  listMonitorStates(monitorId: string): Promise<MonitorStateRecord[]>;
  /** Saves states and results of one evaluation in one transaction (results upsert by window). */
  saveEvaluation(input: EvaluationWrite): Promise<void>;
  /**
   * The transactional outbox (decision 0015): in ONE transaction checks the fence, locks the model's
   * incidents (PostgreSQL: a transaction advisory lock per model; DuckDB: its single writer), writes the
   * states, results and run, reads the incident view, calls `planner.plan` and writes the incidents and
   * deliveries it returns. Anything failing (the plan included) rolls everything back. Returns the plan.
   */
  commitEvaluation<P extends IncidentWritePlan>(
    input: EvaluationWrite & { readonly planner: IncidentPlanner<P> },
  ): Promise<P>;
  listMonitorResults(filter: MonitorResultFilter): Promise<Page<MonitorResultRecord>>;
  /** The newest result of every monitor scope (for /metrics). */
  listLatestMonitorResults(): Promise<MonitorResultRecord[]>;

  saveIncident(record: IncidentRecord): Promise<void>;
  /**
   * Reads the incident, applies `change` and writes the result in one transaction, holding the same
   * per-model lock as commitEvaluation, so a user's action and a worker's update never overwrite each
   * other. Undefined when no such incident; a throwing `change` writes nothing.
   */
  changeIncident(
    id: string,
    change: (current: IncidentRecord) => IncidentRecord,
  ): Promise<IncidentRecord | undefined>;
  findIncident(id: string): Promise<IncidentRecord | undefined>;
  listIncidents(
    filter: PageRequest & {
      readonly modelId?: string | undefined;
      readonly status?: string | undefined;
      readonly unresolvedOrSince?: Date | undefined;
    },
  ): Promise<Page<IncidentRecord>>;

  insertChannel(record: ChannelRecord): Promise<void>;
  findChannel(id: string): Promise<ChannelRecord | undefined>;
  listChannels(filter: PageRequest): Promise<Page<ChannelRecord>>;
  deleteChannel(id: string): Promise<void>;

  saveDelivery(record: DeliveryRecord): Promise<void>;
  listDeliveries(
    filter: PageRequest & { readonly status?: string | undefined },
  ): Promise<Page<DeliveryRecord>>;
  /** Pending deliveries whose next attempt is due at `at`, oldest first. */
  listDueDeliveries(at: Date, limit: number): Promise<DeliveryRecord[]>;

  insertPolicy(record: PolicyRecord): Promise<void>;
  findPolicy(id: string): Promise<PolicyRecord | undefined>;
  listPolicies(filter: PageRequest): Promise<Page<PolicyRecord>>;
  deletePolicy(id: string): Promise<void>;

  /** Numeric edges from the source: min, the given quantiles, max (approximate quantiles are fine). */
  readNumericEdges(
    request: GatherRequest<GatherColumn> & { readonly quantiles: readonly number[] },
  ): Promise<Record<string, number[]>>;
  /** Binned counts per window (or one group for a baseline), binned next to the data. */
  readBins(request: GatherRequest<BinnedColumn>): Promise<GroupBins[]>;
  /** Raw values of a few columns (scores, labels, groups, outcomes), row-aligned. */
  readValues(request: GatherRequest<GatherColumn>): Promise<GatheredValues>;
  /** Event times (ms) of predictions received, or labelled/outcome rows received, in (after, until]. */
  listLateEventTimes(input: {
    readonly versionId: string;
    readonly receivedAfter: Date;
    readonly receivedUntil: Date;
  }): Promise<number[]>;
  /** The newest prediction time of a version, or null. */
  findLatestEventTime(versionId: string): Promise<Date | null>;

  /**
   * Non-null vectors of one embedding column per group, at most `maxRowsPerGroup` each: the rows whose
   * md5(seed:event id) sorts first, so the sample is seeded and the same in every adapter.
   */
  readEmbeddings(
    request: GatherRequest<GatherColumn> & { readonly maxRowsPerGroup: number; readonly seed: number },
  ): Promise<EmbeddingSample>;
  recordIngestRejections(record: IngestRejectionRecord): Promise<void>;
  /** Rows a stream received (stored, and rejected) with receipt times in [fromMs, toMs). */
  readReceipts(input: {
    readonly versionId: string;
    readonly stream: EventStream;
    readonly fromMs: number;
    readonly toMs: number;
  }): Promise<ReceiptsInRange>;
  /** Saved revisions of a version schema, oldest first (adapters record them in saveVersionSchema). */
  listSchemaRevisions(versionId: string): Promise<SchemaRevisionRecord[]>;
}
