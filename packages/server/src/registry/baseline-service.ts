/**
 * Use cases of references (baselines: stored file rows or a production time range) and segments
 * (named AND-filters whose columns must exist in one of the model's version schemas).
 */
import type { SegmentCondition } from "@sextant/sdk";
import { AppError, toNotFoundError } from "../app/app-error.js";
import type { IngestService, RowInput } from "../ingest/ingest-service.js";
import { toRowsInvalidError } from "../ingest/ingest-service.js";
import { UniqueViolationError } from "../storage/store.js";
import type { Page, PageRequest, ReferenceRecord, SegmentRecord } from "./records.js";
import type { RegistryService, ServiceContext } from "./registry-service.js";
import { deriveEventLayout } from "./schema-layout.js";

/** The reference and segment use cases. */
export interface BaselineService {
  createTimeRangeReference(
    versionId: string,
    input: { name: string; from: string; to: string; segmentId: string | null },
  ): Promise<ReferenceRecord>;
  createFileReference(
    versionId: string,
    input: RowInput & { name: string; segmentId: string | null },
  ): Promise<ReferenceRecord>;
  loadReference(id: string): Promise<ReferenceRecord>;
  listReferences(filter: PageRequest & { versionId: string }): Promise<Page<ReferenceRecord>>;
  deleteReference(id: string): Promise<void>;
  createSegment(
    modelId: string,
    input: { name: string; description: string; conditions: SegmentCondition[] },
  ): Promise<SegmentRecord>;
  updateSegment(
    id: string,
    patch: {
      name?: string | undefined;
      description?: string | undefined;
      conditions?: SegmentCondition[] | undefined;
    },
  ): Promise<SegmentRecord>;
  loadSegment(id: string): Promise<SegmentRecord>;
  listSegments(
    filter: PageRequest & { modelId: string; q?: string | undefined },
  ): Promise<Page<SegmentRecord>>;
  deleteSegment(id: string): Promise<void>;
}

/** Creates the baseline service. */
export function createBaselineService(
  context: ServiceContext & {
    readonly registry: RegistryService;
    readonly ingest: IngestService;
    readonly maxReportedErrors: number;
  },
): BaselineService {
  const { store, ids, clock, registry } = context;

  const checkSegmentColumns = async (
    modelId: string,
    conditions: readonly SegmentCondition[],
  ): Promise<void> => {
    const versions = await store.listVersions({ modelId, limit: 500, offset: 0 });
    const known = new Set(
      versions.items.flatMap((version) => version.schema?.columns.map((column) => column.name) ?? []),
    );
    if (known.size === 0) return;
    const errors = conditions.flatMap((condition, index) =>
      known.has(condition.column)
        ? []
        : [
            {
              path: `/conditions/${index}/column`,
              field: condition.column,
              code: "UNKNOWN_COLUMN",
              message: `no version of the model has a column ${condition.column}`,
            },
          ],
    );
    if (errors.length > 0)
      throw new AppError("SEGMENT_FILTER_INVALID", `${errors.length} condition(s) name unknown columns`, {
        errors,
      });
  };
  const checkSegmentBelongs = async (segmentId: string | null, modelId: string): Promise<void> => {
    if (segmentId === null) return;
    const segment = await store.findSegment(segmentId);
    if (segment?.modelId !== modelId) throw toNotFoundError("SEGMENT_NOT_FOUND", segmentId);
  };
  const mapSegmentName = async <T>(work: Promise<T>, name: string): Promise<T> => {
    try {
      return await work;
    } catch (error) {
      if (error instanceof UniqueViolationError)
        throw new AppError("SEGMENT_NAME_TAKEN", `segment ${name} already exists`);
      throw error;
    }
  };

  const service: BaselineService = {
    async createTimeRangeReference(versionId, input) {
      const version = await registry.loadVersion(versionId);
      await checkSegmentBelongs(input.segmentId, version.modelId);
      const record: ReferenceRecord = {
        id: ids("ref"),
        versionId,
        name: input.name,
        kind: "time_range",
        rowCount: null,
        from: new Date(input.from),
        to: new Date(input.to),
        segmentId: input.segmentId,
        createdAt: clock(),
      };
      await store.insertReference(record, null);
      return record;
    },
    async createFileReference(versionId, input) {
      const { version, schema } = await registry.loadSchema(versionId);
      await checkSegmentBelongs(input.segmentId, version.modelId);
      const id = ids("ref");
      const validated = await context.ingest.validateRows({
        columns: schema.columns,
        target: { kind: "reference", versionId, referenceId: id },
        rows: input.rows,
        textValues: input.textValues === true,
      });
      if (validated.rejectedCount > 0) throw toRowsInvalidError(validated, context.maxReportedErrors);
      const record: ReferenceRecord = {
        id,
        versionId,
        name: input.name,
        kind: "file",
        rowCount: validated.batch.rowCount,
        from: null,
        to: null,
        segmentId: input.segmentId,
        createdAt: clock(),
      };
      await store.insertReference(record, deriveEventLayout(schema.columns));
      try {
        await store.writeEventBatches([validated.batch]);
      } catch (error) {
        await store.deleteReference(id);
        throw error;
      }
      return record;
    },
    async loadReference(id) {
      const record = await store.findReference(id);
      if (record === undefined) throw toNotFoundError("REFERENCE_NOT_FOUND", id);
      return record;
    },
    async listReferences(filter) {
      await registry.loadVersion(filter.versionId);
      return store.listReferences(filter);
    },
    async deleteReference(id) {
      await service.loadReference(id);
      await store.deleteReference(id);
    },
    async createSegment(modelId, input) {
      await registry.loadModel(modelId);
      await checkSegmentColumns(modelId, input.conditions);
      const now = clock();
      const record: SegmentRecord = { id: ids("seg"), modelId, ...input, createdAt: now, updatedAt: now };
      await mapSegmentName(store.insertSegment(record), input.name);
      return record;
    },
    async updateSegment(id, patch) {
      const current = await service.loadSegment(id);
      if (patch.conditions !== undefined) await checkSegmentColumns(current.modelId, patch.conditions);
      const record: SegmentRecord = {
        ...current,
        name: patch.name ?? current.name,
        description: patch.description ?? current.description,
        conditions: patch.conditions ?? current.conditions,
        updatedAt: clock(),
      };
      await mapSegmentName(store.updateSegment(record), record.name);
      return record;
    },
    async loadSegment(id) {
      const record = await store.findSegment(id);
      if (record === undefined) throw toNotFoundError("SEGMENT_NOT_FOUND", id);
      return record;
    },
    async listSegments(filter) {
      await registry.loadModel(filter.modelId);
      return store.listSegments(
        filter.q === undefined
          ? { modelId: filter.modelId, limit: filter.limit, offset: filter.offset }
          : { ...filter, q: filter.q },
      );
    },
    async deleteSegment(id) {
      await service.loadSegment(id);
      await store.deleteSegment(id);
    },
  };
  return service;
}
