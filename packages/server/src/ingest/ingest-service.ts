/**
 * Ingest use cases: validate a request's rows against the version schema, refuse or split invalid
 * rows (all-or-nothing by default, `partial` keeps the valid ones), hand the batch to the buffer
 * and answer only once it is committed. Also reads stored events back.
 */
import type { EventKind, FieldError, IngestResult } from "@sextant/sdk";
import { AppError } from "../app/app-error.js";
import type { RegistryService } from "../registry/registry-service.js";
import type { Page } from "../registry/records.js";
import type { BatchTarget, EventBatch, EventCountsRecord, StoredEvent } from "../storage/event-batch.js";
import type { EventFilter, Store } from "../storage/store.js";
import { createBatchBuilder, type RejectedRow } from "./batch-builder.js";
import type { IngestBuffer } from "./ingest-buffer.js";
import { isMalformedLine } from "./ndjson-rows.js";

/** Rows of a request: an array (JSON, files) or an async stream (NDJSON). */
export type RowSource = Iterable<unknown> | AsyncIterable<unknown>;

/** Rows plus whether their values are CSV text (converted to each column's type). */
export interface RowInput {
  readonly rows: RowSource;
  readonly textValues?: boolean;
}

/** Validated rows of a request. */
export interface ValidatedRows {
  readonly batch: EventBatch;
  readonly received: number;
  readonly rejected: readonly RejectedRow[];
  readonly rejectedCount: number;
  readonly errorCount: number;
  readonly duplicatesInRequest: number;
}

/** The ingest use cases. */
export interface IngestService {
  ingest(request: RowInput & { versionId: string; kind: EventKind; partial: boolean }): Promise<IngestResult>;
  validateRows(
    request: RowInput & { columns: Parameters<typeof createBatchBuilder>[0]["columns"]; target: BatchTarget },
  ): Promise<ValidatedRows>;
  listEvents(versionId: string, filter: EventFilter): Promise<Page<StoredEvent>>;
  countEvents(versionId: string): Promise<EventCountsRecord>;
}

/** Creates the ingest service. */
export function createIngestService(context: {
  readonly store: Store;
  readonly registry: RegistryService;
  readonly buffer: IngestBuffer;
  readonly clock: () => Date;
  readonly maxReportedErrors: number;
}): IngestService {
  const { registry, buffer } = context;

  const service: IngestService = {
    async validateRows({ columns, target, rows, textValues }) {
      const builder = createBatchBuilder({
        columns,
        target,
        receivedAtMs: context.clock().getTime(),
        textValues: textValues === true,
      });
      const rejected: RejectedRow[] = [];
      let received = 0;
      let rejectedCount = 0;
      let errorCount = 0;
      for await (const row of rows) {
        const index = received;
        received += 1;
        const errors: readonly FieldError[] = isMalformedLine(row)
          ? [{ path: `/${index}`, row: index, code: "MALFORMED_JSON", message: row.message }]
          : builder.addRow(row, index);
        if (errors.length === 0) continue;
        rejectedCount += 1;
        errorCount += errors.length;
        if (rejected.length < context.maxReportedErrors) rejected.push({ row: index, errors });
      }
      return {
        batch: builder.build(),
        received,
        rejected,
        rejectedCount,
        errorCount,
        duplicatesInRequest: builder.duplicatesInRequest,
      };
    },
    async ingest({ versionId, kind, rows, partial, textValues }) {
      const { schema } = await registry.loadSchema(versionId);
      const validated = await service.validateRows({
        columns: schema.columns,
        target: { kind, versionId },
        rows,
        textValues: textValues === true,
      });
      if (validated.rejectedCount > 0 && !partial)
        throw toRowsInvalidError(validated, context.maxReportedErrors);
      const outcome = await buffer.submit(validated.batch);
      return {
        received: validated.received,
        accepted: outcome.inserted,
        duplicates: outcome.duplicates + validated.duplicatesInRequest,
        rejected: validated.rejectedCount,
        rejectedRows: validated.rejected.map((row) => ({ row: row.row, errors: [...row.errors] })),
      };
    },
    async listEvents(versionId, filter) {
      await registry.loadSchema(versionId);
      return context.store.listEvents(versionId, filter);
    },
    async countEvents(versionId) {
      await registry.loadVersion(versionId);
      return context.store.countEvents(versionId);
    },
  };
  return service;
}

/** The 422 error of an all-or-nothing request with invalid rows. */
export function toRowsInvalidError(validated: ValidatedRows, maxReportedErrors: number): AppError {
  const errors = validated.rejected.flatMap((row) => row.errors).slice(0, maxReportedErrors);
  return new AppError(
    "INGEST_ROWS_INVALID",
    `${validated.rejectedCount} of ${validated.received} rows are invalid; nothing was stored (send ?partial=true to store the valid rows)`,
    { errors, errorCount: validated.errorCount },
  );
}
