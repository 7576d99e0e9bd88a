/** Converters from domain records to the wire types of @sextant/sdk (dates become ISO strings). */
import type { Model, ModelVersion, Reference, Segment, VersionSchema, Workspace } from "@sextant/sdk";
import type {
  ModelRecord,
  ReferenceRecord,
  SchemaRecord,
  SegmentRecord,
  VersionRecord,
  WorkspaceRecord,
} from "./records.js";

/** A workspace record on the wire. */
export function toWorkspaceResponse(record: WorkspaceRecord): Workspace {
  return { ...record, createdAt: record.createdAt.toISOString(), updatedAt: record.updatedAt.toISOString() };
}

/** A model record on the wire. */
export function toModelResponse(record: ModelRecord): Model {
  return {
    ...record,
    stakeholders: [...record.stakeholders],
    tags: [...record.tags],
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** A schema record on the wire. */
export function toSchemaResponse(schema: SchemaRecord): VersionSchema {
  return {
    revision: schema.revision,
    columns: [...schema.columns],
    updatedAt: schema.updatedAt.toISOString(),
  };
}

/** A version record on the wire. */
export function toVersionResponse(record: VersionRecord): ModelVersion {
  return {
    ...record,
    schema: record.schema === null ? null : toSchemaResponse(record.schema),
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** A reference record on the wire. */
export function toReferenceResponse(record: ReferenceRecord): Reference {
  return {
    ...record,
    from: record.from?.toISOString() ?? null,
    to: record.to?.toISOString() ?? null,
    createdAt: record.createdAt.toISOString(),
  };
}

/** A segment record on the wire. */
export function toSegmentResponse(record: SegmentRecord): Segment {
  return {
    ...record,
    conditions: [...record.conditions],
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}
