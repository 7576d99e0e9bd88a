/**
 * The Store port: everything the services persist and read, with no SQL and no dialect. Every
 * adapter (DuckDB now, PostgreSQL later) implements it and passes the `describeStore` suite.
 */
import type {
  ModelRecord,
  Page,
  PageRequest,
  ReferenceRecord,
  SchemaRecord,
  SegmentRecord,
  VersionRecord,
  WorkspaceRecord,
} from "../registry/records.js";
import type { MonitoringStore } from "./monitoring-store.js";
import type { AuthStore } from "./auth-store.js";
import type { RoadmapStore } from "./roadmap-store.js";
import type { OverviewStore } from "./overview-store.js";
import type { EventBatch, EventCountsRecord, EventLayout, StoredEvent, WriteOutcome } from "./event-batch.js";
import type { DeletedEventCounts } from "./event-retention.js";

/** An insert or update broke a uniqueness rule; `field` names the unique key. */
export class UniqueViolationError extends Error {
  readonly field: string;
  constructor(field: string) {
    super(`unique violation on ${field}`);
    this.name = "UniqueViolationError";
    this.field = field;
  }
}

/** A schema change cannot be applied because stored rows use the column with another type. */
export class SchemaConflictError extends Error {
  readonly column: string;
  constructor(column: string, message: string) {
    super(message);
    this.name = "SchemaConflictError";
    this.column = column;
  }
}

/** Filter of the model lists. */
export interface ModelFilter extends PageRequest {
  readonly workspaceId?: string | undefined;
  /** Limits the list to these workspaces (the caller's visible ones). */
  readonly workspaceIds?: readonly string[] | undefined;
  readonly task?: string | undefined;
  readonly riskTier?: string | undefined;
  readonly tag?: string | undefined;
  readonly owner?: string | undefined;
  readonly q?: string | undefined;
}

/** Filter of the event read-back. */
export interface EventFilter extends PageRequest {
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
}

/** The persistence port of the server. */
export interface Store extends MonitoringStore, AuthStore, RoadmapStore, OverviewStore {
  /** Short adapter name, e.g. "duckdb". */
  readonly dialect: string;
  /** Resolves when the store answers a trivial query. */
  ping(): Promise<void>;
  /** Flushes and releases everything; no call may follow. */
  close(): Promise<void>;

  insertWorkspace(record: WorkspaceRecord): Promise<void>;
  updateWorkspace(record: WorkspaceRecord): Promise<void>;
  findWorkspace(id: string): Promise<WorkspaceRecord | undefined>;
  /** `ids` limits the list to those workspaces (the caller's visible ones). */
  listWorkspaces(
    filter: PageRequest & { readonly q?: string | undefined; readonly ids?: readonly string[] | undefined },
  ): Promise<Page<WorkspaceRecord>>;

  insertModel(record: ModelRecord): Promise<void>;
  updateModel(record: ModelRecord): Promise<void>;
  findModel(id: string): Promise<ModelRecord | undefined>;
  listModels(filter: ModelFilter): Promise<Page<ModelRecord>>;

  insertVersion(record: VersionRecord): Promise<void>;
  updateVersion(record: VersionRecord): Promise<void>;
  findVersion(id: string): Promise<VersionRecord | undefined>;
  listVersions(
    filter: PageRequest & { readonly modelId: string; readonly stage?: string | undefined },
  ): Promise<Page<VersionRecord>>;
  /** Saves the schema on the version and creates or extends its event tables to `layout`. */
  saveVersionSchema(versionId: string, schema: SchemaRecord, layout: EventLayout): Promise<void>;

  /** Inserts a reference; file references get a row table shaped by `layout.reference`. */
  insertReference(record: ReferenceRecord, layout: EventLayout | null): Promise<void>;
  updateReferenceRowCount(id: string, rowCount: number): Promise<void>;
  findReference(id: string): Promise<ReferenceRecord | undefined>;
  listReferences(filter: PageRequest & { readonly versionId: string }): Promise<Page<ReferenceRecord>>;
  /** Deletes a reference and its stored rows. */
  deleteReference(id: string): Promise<void>;

  insertSegment(record: SegmentRecord): Promise<void>;
  updateSegment(record: SegmentRecord): Promise<void>;
  findSegment(id: string): Promise<SegmentRecord | undefined>;
  listSegments(
    filter: PageRequest & { readonly modelId: string; readonly q?: string | undefined },
  ): Promise<Page<SegmentRecord>>;
  deleteSegment(id: string): Promise<void>;

  /**
   * Writes the batches in one transaction and resolves only once it is committed durably.
   * Rows whose event id is already stored (or earlier in the same call) are skipped and counted.
   */
  writeEventBatches(batches: readonly EventBatch[]): Promise<WriteOutcome[]>;
  /** Predictions of a version, oldest first, joined by id with their label and outcome. */
  listEvents(versionId: string, filter: EventFilter): Promise<Page<StoredEvent>>;
  countEvents(versionId: string): Promise<EventCountsRecord>;
  /** Retention: deletes predictions whose event time is before `cutoff`, and their orphaned labels/outcomes. */
  deleteEventsBefore(cutoff: Date): Promise<DeletedEventCounts>;
}
