/**
 * The REST contract of `/api/v1`: one entry per operation with its method, path, zod schemas and
 * error codes. The server parses with it, the OpenAPI document and the typed client derive from it.
 */
import { z } from "zod";
import type { ErrorCode } from "./error-codes.js";
import { authContract } from "./api-contract-auth.js";
import { monitoringContract } from "./api-contract-monitoring.js";
import { roadmapContract } from "./api-contract-roadmap.js";
import { overviewContract } from "./api-contract-overview.js";
import { idParamsSchema } from "./schemas/common.js";
import {
  createWorkspaceSchema,
  listWorkspacesQuerySchema,
  updateWorkspaceSchema,
  workspacePageSchema,
  workspaceSchema,
} from "./schemas/workspace.js";
import {
  createModelSchema,
  listModelsQuerySchema,
  modelPageSchema,
  modelSchema,
  updateModelSchema,
  workspaceParamsSchema,
} from "./schemas/model.js";
import {
  createVersionSchema,
  listVersionsQuerySchema,
  modelParamsSchema,
  modelVersionSchema,
  updateVersionSchema,
  versionPageSchema,
  versionParamsSchema,
} from "./schemas/version.js";
import {
  inferSchemaRequestSchema,
  inferSchemaResponseSchema,
  putVersionSchemaSchema,
  versionSchemaSchema,
} from "./schemas/column-schema.js";
import {
  createTimeRangeReferenceSchema,
  listReferencesQuerySchema,
  referencePageSchema,
  referenceSchema,
  uploadReferenceQuerySchema,
} from "./schemas/reference.js";
import {
  createSegmentSchema,
  listSegmentsQuerySchema,
  segmentPageSchema,
  segmentSchema,
  updateSegmentSchema,
} from "./schemas/segment.js";
import {
  eventCountsSchema,
  eventPageSchema,
  ingestJsonBodySchema,
  ingestQuerySchema,
  ingestResultSchema,
  listEventsQuerySchema,
} from "./schemas/ingest.js";

/** One REST operation of the contract. */
export interface Operation {
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Fastify-style path under /api/v1, e.g. `/models/:id`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  /** Media types of a raw body (ingest and uploads); the JSON form is `body`. */
  readonly rawBodyMediaTypes?: readonly string[];
  readonly successStatus: 200 | 201 | 204;
  readonly response?: z.ZodType;
  readonly errors: readonly ErrorCode[];
}

/** The prefix of every operation path. */
export const apiBasePath = "/api/v1";

const notFound = (...codes: ErrorCode[]): ErrorCode[] => ["VALIDATION_FAILED", ...codes];
const ingestErrors: ErrorCode[] = [
  "VALIDATION_FAILED",
  "BODY_MALFORMED",
  "INGEST_ROWS_INVALID",
  "PAYLOAD_TOO_LARGE",
  "MEDIA_TYPE_UNSUPPORTED",
  "VERSION_NOT_FOUND",
  "SCHEMA_NOT_DEFINED",
  "INGEST_BUFFER_FULL",
];
const ingestMedia = [
  "application/json",
  "application/x-ndjson",
  "text/csv",
  "application/vnd.apache.parquet",
] as const;

function ingestOperation(stream: string) {
  return {
    method: "POST" as const,
    path: `/versions/:versionId/${stream}`,
    summary: `Ingest ${stream}; 2xx only once committed to disk`,
    tag: "ingest",
    params: versionParamsSchema,
    query: ingestQuerySchema,
    body: ingestJsonBodySchema,
    rawBodyMediaTypes: ingestMedia,
    successStatus: 200 as const,
    response: ingestResultSchema,
    errors: ingestErrors,
  };
}

/** Every operation of `/api/v1`, keyed by operation id. */
export const apiContract = {
  listWorkspaces: {
    method: "GET",
    path: "/workspaces",
    summary: "List workspaces",
    tag: "workspaces",
    query: listWorkspacesQuerySchema,
    successStatus: 200,
    response: workspacePageSchema,
    errors: ["VALIDATION_FAILED"],
  },
  createWorkspace: {
    method: "POST",
    path: "/workspaces",
    summary: "Create a workspace",
    tag: "workspaces",
    body: createWorkspaceSchema,
    successStatus: 201,
    response: workspaceSchema,
    errors: ["VALIDATION_FAILED", "WORKSPACE_SLUG_TAKEN"],
  },
  getWorkspace: {
    method: "GET",
    path: "/workspaces/:id",
    summary: "Get a workspace",
    tag: "workspaces",
    params: idParamsSchema,
    successStatus: 200,
    response: workspaceSchema,
    errors: notFound("WORKSPACE_NOT_FOUND"),
  },
  updateWorkspace: {
    method: "PATCH",
    path: "/workspaces/:id",
    summary: "Update a workspace",
    tag: "workspaces",
    params: idParamsSchema,
    body: updateWorkspaceSchema,
    successStatus: 200,
    response: workspaceSchema,
    errors: notFound("WORKSPACE_NOT_FOUND"),
  },
  listModels: {
    method: "GET",
    path: "/models",
    summary: "List models across workspaces",
    tag: "models",
    query: listModelsQuerySchema,
    successStatus: 200,
    response: modelPageSchema,
    errors: ["VALIDATION_FAILED"],
  },
  listWorkspaceModels: {
    method: "GET",
    path: "/workspaces/:workspaceId/models",
    summary: "List the models of a workspace",
    tag: "models",
    params: workspaceParamsSchema,
    query: listModelsQuerySchema.omit({ workspaceId: true }),
    successStatus: 200,
    response: modelPageSchema,
    errors: notFound("WORKSPACE_NOT_FOUND"),
  },
  createModel: {
    method: "POST",
    path: "/workspaces/:workspaceId/models",
    summary: "Register a model in a workspace",
    tag: "models",
    params: workspaceParamsSchema,
    body: createModelSchema,
    successStatus: 201,
    response: modelSchema,
    errors: notFound("WORKSPACE_NOT_FOUND", "MODEL_NAME_TAKEN"),
  },
  getModel: {
    method: "GET",
    path: "/models/:id",
    summary: "Get a model",
    tag: "models",
    params: idParamsSchema,
    successStatus: 200,
    response: modelSchema,
    errors: notFound("MODEL_NOT_FOUND"),
  },
  updateModel: {
    method: "PATCH",
    path: "/models/:id",
    summary: "Update a model's ownership, tags, risk or cost",
    tag: "models",
    params: idParamsSchema,
    body: updateModelSchema,
    successStatus: 200,
    response: modelSchema,
    errors: notFound("MODEL_NOT_FOUND", "MODEL_NAME_TAKEN"),
  },
  listVersions: {
    method: "GET",
    path: "/models/:modelId/versions",
    summary: "List the versions of a model",
    tag: "versions",
    params: modelParamsSchema,
    query: listVersionsQuerySchema,
    successStatus: 200,
    response: versionPageSchema,
    errors: notFound("MODEL_NOT_FOUND"),
  },
  createVersion: {
    method: "POST",
    path: "/models/:modelId/versions",
    summary: "Register a model version",
    tag: "versions",
    params: modelParamsSchema,
    body: createVersionSchema,
    successStatus: 201,
    response: modelVersionSchema,
    errors: notFound("MODEL_NOT_FOUND", "VERSION_NAME_TAKEN"),
  },
  getVersion: {
    method: "GET",
    path: "/versions/:id",
    summary: "Get a model version",
    tag: "versions",
    params: idParamsSchema,
    successStatus: 200,
    response: modelVersionSchema,
    errors: notFound("VERSION_NOT_FOUND"),
  },
  updateVersion: {
    method: "PATCH",
    path: "/versions/:id",
    summary: "Change a version's stage or provenance",
    tag: "versions",
    params: idParamsSchema,
    body: updateVersionSchema,
    successStatus: 200,
    response: modelVersionSchema,
    errors: notFound("VERSION_NOT_FOUND"),
  },
  getVersionSchema: {
    method: "GET",
    path: "/versions/:versionId/schema",
    summary: "Get the schema of a version",
    tag: "schemas",
    params: versionParamsSchema,
    successStatus: 200,
    response: versionSchemaSchema,
    errors: notFound("VERSION_NOT_FOUND", "SCHEMA_NOT_DEFINED"),
  },
  putVersionSchema: {
    method: "PUT",
    path: "/versions/:versionId/schema",
    summary: "Set or edit the schema of a version",
    tag: "schemas",
    params: versionParamsSchema,
    body: putVersionSchemaSchema,
    successStatus: 200,
    response: versionSchemaSchema,
    errors: notFound("VERSION_NOT_FOUND", "SCHEMA_INVALID", "SCHEMA_CHANGE_CONFLICT"),
  },
  inferVersionSchema: {
    method: "POST",
    path: "/versions/:versionId/schema/infer",
    summary: "Infer a schema from sample rows (and optionally save it)",
    tag: "schemas",
    params: versionParamsSchema,
    body: inferSchemaRequestSchema,
    successStatus: 200,
    response: inferSchemaResponseSchema,
    errors: notFound("VERSION_NOT_FOUND", "SCHEMA_INVALID", "SCHEMA_CHANGE_CONFLICT"),
  },
  listReferences: {
    method: "GET",
    path: "/versions/:versionId/references",
    summary: "List the references of a version",
    tag: "references",
    params: versionParamsSchema,
    query: listReferencesQuerySchema,
    successStatus: 200,
    response: referencePageSchema,
    errors: notFound("VERSION_NOT_FOUND"),
  },
  createReference: {
    method: "POST",
    path: "/versions/:versionId/references",
    summary: "Create a reference from a time range of production data",
    tag: "references",
    params: versionParamsSchema,
    body: createTimeRangeReferenceSchema,
    successStatus: 201,
    response: referenceSchema,
    errors: notFound("VERSION_NOT_FOUND", "SEGMENT_NOT_FOUND"),
  },
  uploadReference: {
    method: "POST",
    path: "/versions/:versionId/references/upload",
    summary: "Create a reference from an uploaded CSV, Parquet, NDJSON or JSON file",
    tag: "references",
    params: versionParamsSchema,
    query: uploadReferenceQuerySchema,
    rawBodyMediaTypes: ingestMedia,
    successStatus: 201,
    response: referenceSchema,
    errors: [...ingestErrors.filter((code) => code !== "INGEST_BUFFER_FULL"), "SEGMENT_NOT_FOUND"],
  },
  getReference: {
    method: "GET",
    path: "/references/:id",
    summary: "Get a reference",
    tag: "references",
    params: idParamsSchema,
    successStatus: 200,
    response: referenceSchema,
    errors: notFound("REFERENCE_NOT_FOUND"),
  },
  deleteReference: {
    method: "DELETE",
    path: "/references/:id",
    summary: "Delete a reference and its stored rows",
    tag: "references",
    params: idParamsSchema,
    successStatus: 204,
    errors: notFound("REFERENCE_NOT_FOUND"),
  },
  listSegments: {
    method: "GET",
    path: "/models/:modelId/segments",
    summary: "List the segments of a model",
    tag: "segments",
    params: modelParamsSchema,
    query: listSegmentsQuerySchema,
    successStatus: 200,
    response: segmentPageSchema,
    errors: notFound("MODEL_NOT_FOUND"),
  },
  createSegment: {
    method: "POST",
    path: "/models/:modelId/segments",
    summary: "Create a segment (AND of conditions)",
    tag: "segments",
    params: modelParamsSchema,
    body: createSegmentSchema,
    successStatus: 201,
    response: segmentSchema,
    errors: notFound("MODEL_NOT_FOUND", "SEGMENT_NAME_TAKEN", "SEGMENT_FILTER_INVALID"),
  },
  getSegment: {
    method: "GET",
    path: "/segments/:id",
    summary: "Get a segment",
    tag: "segments",
    params: idParamsSchema,
    successStatus: 200,
    response: segmentSchema,
    errors: notFound("SEGMENT_NOT_FOUND"),
  },
  updateSegment: {
    method: "PATCH",
    path: "/segments/:id",
    summary: "Update a segment",
    tag: "segments",
    params: idParamsSchema,
    body: updateSegmentSchema,
    successStatus: 200,
    response: segmentSchema,
    errors: notFound("SEGMENT_NOT_FOUND", "SEGMENT_NAME_TAKEN", "SEGMENT_FILTER_INVALID"),
  },
  deleteSegment: {
    method: "DELETE",
    path: "/segments/:id",
    summary: "Delete a segment",
    tag: "segments",
    params: idParamsSchema,
    successStatus: 204,
    errors: notFound("SEGMENT_NOT_FOUND"),
  },
  ingestPredictions: ingestOperation("predictions"),
  ingestLabels: ingestOperation("labels"),
  ingestOutcomes: ingestOperation("outcomes"),
  listEvents: {
    method: "GET",
    path: "/versions/:versionId/events",
    summary: "Read stored predictions joined with their labels and outcomes",
    tag: "ingest",
    params: versionParamsSchema,
    query: listEventsQuerySchema,
    successStatus: 200,
    response: eventPageSchema,
    errors: notFound("VERSION_NOT_FOUND", "SCHEMA_NOT_DEFINED"),
  },
  getEventCounts: {
    method: "GET",
    path: "/versions/:versionId/stats",
    summary: "Stored row counts per event stream",
    tag: "ingest",
    params: versionParamsSchema,
    successStatus: 200,
    response: eventCountsSchema,
    errors: notFound("VERSION_NOT_FOUND"),
  },
  ...monitoringContract,
  ...authContract,
  ...roadmapContract,
  ...overviewContract,
} as const satisfies Record<string, Operation>;

/** The contract type. */
export type ApiContract = typeof apiContract;

/** An operation id, e.g. `createModel`. */
export type OperationId = keyof ApiContract;
