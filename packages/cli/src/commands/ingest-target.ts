/**
 * Finds the model version `sextant ingest` sends to, by name or id; with `--create` registers what is
 * missing (workspace, model, version, and a schema inferred by the server from the file's first rows).
 */
import { SextantApiError, type ModelTask, type SextantClient } from "@sextant/sdk";
import { readSampleRows } from "./ingest-file-chunks.js";

/** The version rows go to, and how to name it in messages. */
export interface IngestTarget {
  readonly versionId: string;
  readonly label: string;
}

/** The `sextant ingest` flags this module reads. */
export interface IngestTargetFlags {
  readonly model?: string | undefined;
  readonly version?: string | undefined;
  readonly create: boolean;
  readonly workspace: string;
  readonly task: string;
  readonly "id-column"?: string | undefined;
  readonly "timestamp-column"?: string | undefined;
  readonly prediction: readonly string[];
  readonly target: readonly string[];
  readonly segment: readonly string[];
  readonly protected: readonly string[];
  readonly outcome: readonly string[];
}

const sampleRows = 1000;

async function findModelId(client: SextantClient, model: string): Promise<string | undefined> {
  const page = await client.call("listModels", { query: { q: model, limit: 500 } });
  return page.items.find((item) => item.name === model || item.id === model)?.id;
}

async function findVersionId(client: SextantClient, modelId: string, version: string | undefined) {
  const page = await client.call("listVersions", { params: { modelId }, query: { limit: 500 } });
  if (version !== undefined)
    return page.items.find((item) => item.name === version || item.id === version)?.id;
  const newestFirst = [...page.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (newestFirst.find((item) => item.stage === "production") ?? newestFirst[0])?.id;
}

async function ensureWorkspaceId(client: SextantClient, slug: string): Promise<string> {
  const page = await client.call("listWorkspaces", { query: { q: slug, limit: 500 } });
  const found = page.items.find((item) => item.slug === slug);
  if (found !== undefined) return found.id;
  return (await client.call("createWorkspace", { body: { slug, name: slug } })).id;
}

async function createSchema(options: {
  client: SextantClient;
  versionId: string;
  path: string;
  format: "csv" | "jsonl" | "parquet";
  flags: IngestTargetFlags;
  log: (line: string) => void;
}): Promise<void> {
  const { client, versionId, path, format, flags } = options;
  if (format === "parquet") {
    throw new SextantApiError({
      type: "urn:sextant:error:schema-invalid",
      title: "Schema needed",
      status: 400,
      code: "SCHEMA_NOT_DEFINED",
      detail:
        "--create infers the schema from CSV or JSON Lines; for Parquet, PUT /versions/{id}/schema first",
    });
  }
  const rows = await readSampleRows({ path, format, limit: sampleRows });
  const inferred = await client.call("inferVersionSchema", {
    params: { versionId },
    body: {
      rows,
      ...(flags["id-column"] === undefined ? {} : { idColumn: flags["id-column"] }),
      ...(flags["timestamp-column"] === undefined ? {} : { timestampColumn: flags["timestamp-column"] }),
      predictionColumns: [...flags.prediction],
      targetColumns: [...flags.target],
      segmentColumns: [...flags.segment],
      protectedAttributes: [...flags.protected],
      outcomeColumns: [...flags.outcome],
      apply: true,
    },
  });
  options.log(`Inferred the schema from ${rows.length} rows:`);
  for (const column of inferred.columns) options.log(`  ${column.name}: ${column.role} ${column.type}`);
}

/** Resolves `--model`/`--version`, creating them (and the schema) with `--create` when missing. */
export async function ensureModelVersion(options: {
  client: SextantClient;
  path: string;
  format: "csv" | "jsonl" | "parquet";
  values: IngestTargetFlags;
  log: (line: string) => void;
}): Promise<IngestTarget> {
  const { client, values: flags } = options;
  const model = flags.model ?? "";
  let modelId = await findModelId(client, model);
  if (modelId === undefined && flags.create) {
    const workspaceId = await ensureWorkspaceId(client, flags.workspace);
    const body = {
      name: model,
      task: flags.task as ModelTask,
      owner: { kind: "team" as const, name: flags.workspace },
    };
    modelId = (await client.call("createModel", { params: { workspaceId }, body })).id;
    options.log(`Created model "${model}" (${modelId}) in workspace "${flags.workspace}"`);
  }
  if (modelId === undefined)
    throw notFound("MODEL_NOT_FOUND", `no model named "${model}" (add --create to register it)`);
  let versionId = await findVersionId(client, modelId, flags.version);
  if (versionId === undefined && flags.create) {
    const body = { name: flags.version ?? "1", stage: "production" as const, source: "ci" as const };
    versionId = (await client.call("createVersion", { params: { modelId }, body })).id;
    options.log(`Created version "${body.name}" (${versionId})`);
    await createSchema({ ...options, versionId, flags });
  }
  if (versionId === undefined) {
    throw notFound(
      "VERSION_NOT_FOUND",
      `model "${model}" has no version ${flags.version ?? ""} (add --create)`,
    );
  }
  return { versionId, label: `${model} ${flags.version ?? ""}`.trim() };
}

function notFound(code: string, detail: string): SextantApiError {
  return new SextantApiError({
    type: "urn:sextant:error:not-found",
    title: "Not found",
    status: 404,
    code,
    detail,
  });
}
