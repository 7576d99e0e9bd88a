/**
 * Use cases of the model registry: workspaces, models, versions and version schemas. Checks
 * existence and invariants, stamps times and ids, and maps store conflicts to catalogue codes.
 */
import type {
  ColumnSpec,
  CreateModel,
  createModelSchema,
  createVersionSchema,
  createWorkspaceSchema,
  inferSchemaRequestSchema,
  updateModelSchema,
  updateVersionSchema,
  updateWorkspaceSchema,
} from "@sextant/sdk";
import type { z } from "zod";
import { AppError, toNotFoundError } from "../app/app-error.js";
import { SchemaConflictError, UniqueViolationError, type ModelFilter, type Store } from "../storage/store.js";
import type { IdGenerator } from "./ids.js";
import type {
  ModelRecord,
  Page,
  PageRequest,
  SchemaRecord,
  VersionRecord,
  WorkspaceRecord,
} from "./records.js";
import { checkSchemaColumns, deriveEventLayout } from "./schema-layout.js";
import { inferSchemaColumns } from "./schema-inference.js";

/** What every service needs from the composition root. */
export interface ServiceContext {
  readonly store: Store;
  readonly ids: IdGenerator;
  readonly clock: () => Date;
}

async function mapUnique<T>(
  work: Promise<T>,
  code: "WORKSPACE_SLUG_TAKEN" | "MODEL_NAME_TAKEN" | "VERSION_NAME_TAKEN",
  detail: string,
): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof UniqueViolationError) throw new AppError(code, detail);
    throw error;
  }
}

/** The registry use cases. */
export interface RegistryService {
  createWorkspace(input: z.output<typeof createWorkspaceSchema>): Promise<WorkspaceRecord>;
  updateWorkspace(id: string, patch: z.output<typeof updateWorkspaceSchema>): Promise<WorkspaceRecord>;
  loadWorkspace(id: string): Promise<WorkspaceRecord>;
  listWorkspaces(
    filter: PageRequest & { q?: string | undefined; ids?: readonly string[] | undefined },
  ): Promise<Page<WorkspaceRecord>>;
  createModel(
    workspaceId: string,
    input: z.output<typeof createModelSchema> | CreateModel,
  ): Promise<ModelRecord>;
  updateModel(id: string, patch: z.output<typeof updateModelSchema>): Promise<ModelRecord>;
  loadModel(id: string): Promise<ModelRecord>;
  listModels(filter: ModelFilter): Promise<Page<ModelRecord>>;
  createVersion(modelId: string, input: z.output<typeof createVersionSchema>): Promise<VersionRecord>;
  updateVersion(id: string, patch: z.output<typeof updateVersionSchema>): Promise<VersionRecord>;
  loadVersion(id: string): Promise<VersionRecord>;
  listVersions(
    filter: PageRequest & { modelId: string; stage?: string | undefined },
  ): Promise<Page<VersionRecord>>;
  loadSchema(versionId: string): Promise<{ version: VersionRecord; schema: SchemaRecord }>;
  saveSchema(versionId: string, columns: readonly ColumnSpec[]): Promise<SchemaRecord>;
  inferSchema(
    versionId: string,
    request: z.output<typeof inferSchemaRequestSchema>,
  ): Promise<{ columns: ColumnSpec[]; schema: SchemaRecord | null }>;
}

/** The patch without its undefined fields (so a spread never erases a stored value). */
function dropUndefined<T extends object>(patch: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

/** Creates the registry service over a store. */
export function createRegistryService(context: ServiceContext): RegistryService {
  const { store, ids, clock } = context;
  const service: RegistryService = {
    async createWorkspace(input) {
      const now = clock();
      const record: WorkspaceRecord = { id: ids("ws"), ...input, createdAt: now, updatedAt: now };
      await mapUnique(store.insertWorkspace(record), "WORKSPACE_SLUG_TAKEN", `slug ${input.slug} is taken`);
      return record;
    },
    async updateWorkspace(id, patch) {
      const current = await service.loadWorkspace(id);
      const record = { ...current, ...dropUndefined(patch), updatedAt: clock() };
      await store.updateWorkspace(record);
      return record;
    },
    async loadWorkspace(id) {
      const record = await store.findWorkspace(id);
      if (record === undefined) throw toNotFoundError("WORKSPACE_NOT_FOUND", id);
      return record;
    },
    listWorkspaces: (filter) => store.listWorkspaces(dropUndefined(filter) as PageRequest),
    async createModel(workspaceId, input) {
      await service.loadWorkspace(workspaceId);
      const now = clock();
      const record: ModelRecord = {
        id: ids("mdl"),
        workspaceId,
        name: input.name,
        task: input.task,
        owner: input.owner,
        description: input.description ?? "",
        businessOwner: input.businessOwner ?? null,
        stakeholders: input.stakeholders ?? [],
        tags: input.tags ?? [],
        riskTier: input.riskTier ?? "medium",
        costPer1kPredictions: input.costPer1kPredictions ?? null,
        costCurrency: input.costCurrency ?? "USD",
        createdAt: now,
        updatedAt: now,
      };
      await mapUnique(
        store.insertModel(record),
        "MODEL_NAME_TAKEN",
        `model ${input.name} already exists in the workspace`,
      );
      return record;
    },
    async updateModel(id, patch) {
      const current = await service.loadModel(id);
      const record = { ...current, ...dropUndefined(patch), updatedAt: clock() } as ModelRecord;
      await mapUnique(
        store.updateModel(record),
        "MODEL_NAME_TAKEN",
        `model ${record.name} already exists in the workspace`,
      );
      return record;
    },
    async loadModel(id) {
      const record = await store.findModel(id);
      if (record === undefined) throw toNotFoundError("MODEL_NOT_FOUND", id);
      return record;
    },
    listModels: (filter) => store.listModels(dropUndefined(filter) as ModelFilter),
    async createVersion(modelId, input) {
      await service.loadModel(modelId);
      const now = clock();
      const record: VersionRecord = {
        id: ids("ver"),
        modelId,
        ...input,
        schema: null,
        createdAt: now,
        updatedAt: now,
      };
      await mapUnique(
        store.insertVersion(record),
        "VERSION_NAME_TAKEN",
        `version ${input.name} already exists`,
      );
      return record;
    },
    async updateVersion(id, patch) {
      const current = await service.loadVersion(id);
      const record = { ...current, ...dropUndefined(patch), updatedAt: clock() } as VersionRecord;
      await store.updateVersion(record);
      return record;
    },
    async loadVersion(id) {
      const record = await store.findVersion(id);
      if (record === undefined) throw toNotFoundError("VERSION_NOT_FOUND", id);
      return record;
    },
    listVersions: (filter) => store.listVersions(dropUndefined(filter) as PageRequest & { modelId: string }),
    async loadSchema(versionId) {
      const version = await service.loadVersion(versionId);
      if (version.schema === null) {
        throw new AppError(
          "SCHEMA_NOT_DEFINED",
          `version ${versionId} has no schema; PUT /versions/${versionId}/schema first`,
        );
      }
      return { version, schema: version.schema };
    },
    async saveSchema(versionId, columns) {
      const version = await service.loadVersion(versionId);
      const errors = checkSchemaColumns(columns);
      if (errors.length > 0)
        throw new AppError("SCHEMA_INVALID", `the schema has ${errors.length} problem(s)`, { errors });
      const schema: SchemaRecord = {
        revision: (version.schema?.revision ?? 0) + 1,
        columns,
        updatedAt: clock(),
      };
      try {
        await store.saveVersionSchema(versionId, schema, deriveEventLayout(columns));
      } catch (error) {
        if (error instanceof SchemaConflictError) {
          throw new AppError("SCHEMA_CHANGE_CONFLICT", error.message, {
            errors: [{ path: "/columns", field: error.column, code: "TYPE_CHANGE", message: error.message }],
          });
        }
        throw error;
      }
      return schema;
    },
    async inferSchema(versionId, request) {
      const version = await service.loadVersion(versionId);
      const model = await service.loadModel(version.modelId);
      const columns = inferSchemaColumns(request.rows, request, model.task);
      const schema = request.apply ? await service.saveSchema(versionId, columns) : null;
      return { columns, schema };
    },
  };
  return service;
}
