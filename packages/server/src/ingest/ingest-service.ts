/**
 * Ingest use cases: validate a request's rows against the version schema, refuse or split invalid
 * rows (all-or-nothing by default, `partial` keeps the valid ones), hand the batch to the buffer
 * and answer only once it is committed (with the request's audit entry in the same transaction).
 * Also reads stored events back.
 */
import type { EventKind, FieldError, IngestResult } from "@sextant/sdk";
import { AppError } from "../app/app-error.js";
import type { RegistryService } from "../registry/registry-service.js";
import type { Page } from "../registry/records.js";
import type { CarriedAudit } from "../auth/audit-service.js";
import type {
  BatchTarget,
  EventBatch,
  EventCountsRecord,
  StoredEvent,
  WriteOutcome,
} from "../storage/event-batch.js";
import type { EventFilter, Store } from "../storage/store.js";
import { createRejectionTally, type RejectionTally } from "../monitoring/ingest-rejection-tally.js";
import { createBatchBuilder, type RejectedRow } from "./batch-builder.js";
import type { IngestBuffer } from "./ingest-buffer.js";
import { isMalformedLine } from "./ndjson-rows.js";

/** Rows of a request: an array (JSON, files) or an async stream (NDJSON). */
export type RowSource = Iterable<unknown> | AsyncIterable<unknown> | RowChunks;

/** Rows that arrive in arrays (a streamed body's chunks): one `await` per array instead of per row. */
export interface RowChunks {
  readonly chunks: AsyncIterable<readonly unknown[]>;
}

function isRowChunks(rows: RowSource): rows is RowChunks {
  return "chunks" in rows;
}

/** Any row source as arrays of rows. */
async function* inChunks(rows: RowSource): AsyncGenerator<Iterable<unknown>> {
  if (isRowChunks(rows)) {
    yield* rows.chunks;
    return;
  }
  if (Symbol.iterator in rows) {
    yield rows;
    return;
  }
  for await (const row of rows) yield [row];
}

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
  /** Rejected rows by kind (type errors, unknown fields), recorded for data-quality monitors. */
  readonly rejections: RejectionTally;
}

/** The ingest use cases. */
export interface IngestService {
  /** Validates and stores the rows; `audit` rides in the batch's transaction (see CarriedAudit). */
  ingest(
    request: RowInput & {
      versionId: string;
      kind: EventKind;
      partial: boolean;
      audit?: CarriedAudit<IngestResult> | undefined;
    },
  ): Promise<IngestResult>;
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
      const rejections = createRejectionTally();
      for await (const chunk of inChunks(rows)) {
        for (const row of chunk) {
          const index = received;
          received += 1;
          const errors: readonly FieldError[] = isMalformedLine(row)
            ? [{ path: `/${index}`, row: index, code: "MALFORMED_JSON", message: row.message }]
            : builder.addRow(row, index);
          if (errors.length === 0) continue;
          rejectedCount += 1;
          errorCount += errors.length;
          rejections.add(errors);
          if (rejected.length < context.maxReportedErrors) rejected.push({ row: index, errors });
        }
      }
      return {
        batch: builder.build(),
        received,
        rejected,
        rejectedCount,
        errorCount,
        duplicatesInRequest: builder.duplicatesInRequest,
        rejections,
      };
    },
    async ingest({ versionId, kind, rows, partial, textValues, audit }) {
      const { schema } = await registry.loadSchema(versionId);
      const validated = await service.validateRows({
        columns: schema.columns,
        target: { kind, versionId },
        rows,
        textValues: textValues === true,
      });
      if (validated.rejectedCount > 0 && !partial)
        throw toRowsInvalidError(validated, context.maxReportedErrors);
      const toResult = (outcome: WriteOutcome): IngestResult => ({
        received: validated.received,
        accepted: outcome.inserted,
        duplicates: outcome.duplicates + validated.duplicatesInRequest,
        rejected: validated.rejectedCount,
        rejectedRows: validated.rejected.map((row) => ({ row: row.row, errors: [...row.errors] })),
      });
      const rejection = validated.rejections.toRecord({
        versionId,
        stream: kind,
        receivedAt: new Date(validated.batch.receivedAtMs),
      });
      // The valid rows, their rejected siblings and the audit entry commit together. An empty batch is
      // never written: its rejections are recorded on their own and the route audits the request.
      const writes = validated.batch.rowCount > 0;
      const batch: EventBatch = {
        ...validated.batch,
        ...(writes && audit !== undefined
          ? { audit: (outcome: WriteOutcome) => audit.draftFor(toResult(outcome)) }
          : {}),
        ...(writes && rejection !== null ? { rejections: rejection } : {}),
      };
      const result = toResult(await buffer.submit(batch));
      if (writes) audit?.markCarried();
      else if (rejection !== null) await context.store.recordIngestRejections(rejection);
      return result;
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
