/**
 * Builds the OpenAPI 3.1 document of `/api/v1` from the zod contract (zod 4 `toJSONSchema`), so the
 * served document can never drift from what the server parses.
 */
import { z } from "zod";
import { apiBasePath, apiContract, type Operation } from "./api-contract.js";
import { errorCatalogue } from "./error-codes.js";
import { problemMediaType, problemSchema } from "./problem.js";

type JsonObject = Record<string, unknown>;

/** Converts one zod schema; named sub-schemas (`.meta({ id })`) are hoisted into `components`. */
function toComponentSchema(schema: z.ZodType, io: "input" | "output", components: JsonObject): JsonObject {
  const json = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonObject;
  const defs = (json.$defs ?? {}) as JsonObject;
  delete json.$defs;
  delete json.$schema;
  for (const [id, def] of Object.entries(defs)) components[id] = rewriteRefs(def);
  const rewritten = rewriteRefs(json) as JsonObject;
  const id = z.globalRegistry.get(schema)?.id;
  if (id !== undefined && io === "output") {
    components[id] = rewritten;
    return { $ref: `#/components/schemas/${id}` };
  }
  return rewritten;
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value === null || typeof value !== "object") return value;
  const out: JsonObject = {};
  for (const [key, inner] of Object.entries(value as JsonObject)) {
    out[key] =
      key === "$ref" && typeof inner === "string"
        ? inner.replace("#/$defs/", "#/components/schemas/")
        : rewriteRefs(inner);
  }
  return out;
}

function toParameters(operation: Operation, components: JsonObject): JsonObject[] {
  const parameters: JsonObject[] = [];
  for (const [location, schema] of [
    ["path", operation.params],
    ["query", operation.query],
  ] as const) {
    if (schema === undefined) continue;
    const json = toComponentSchema(schema, "input", components);
    const properties = (json.properties ?? {}) as Record<string, JsonObject>;
    const required = new Set((json.required ?? []) as string[]);
    for (const [name, property] of Object.entries(properties)) {
      const description = property.description;
      parameters.push({
        name,
        in: location,
        required: location === "path" || (required.has(name) && property.default === undefined),
        schema: property,
        ...(typeof description === "string" ? { description } : {}),
      });
    }
  }
  return parameters;
}

function toRequestBody(operation: Operation, components: JsonObject): JsonObject | undefined {
  if (operation.body === undefined && operation.rawBodyMediaTypes === undefined) return undefined;
  const content: JsonObject = {};
  for (const mediaType of operation.rawBodyMediaTypes ?? []) {
    content[mediaType] = { schema: { type: "string", contentMediaType: mediaType } };
  }
  if (operation.body !== undefined) {
    content["application/json"] = { schema: toComponentSchema(operation.body, "input", components) };
  }
  return { required: true, content };
}

function toResponses(operation: Operation, components: JsonObject): JsonObject {
  const responses: JsonObject = {};
  responses[String(operation.successStatus)] =
    operation.response !== undefined
      ? {
          description: "Success",
          content: {
            "application/json": { schema: toComponentSchema(operation.response, "output", components) },
          },
        }
      : operation.responseMediaTypes !== undefined
        ? {
            description: "The document",
            content: Object.fromEntries(
              operation.responseMediaTypes.map((type) => [type, { schema: { type: "string" } }]),
            ),
          }
        : { description: "No content" };
  const codes = [...operation.errors, "INTERNAL_ERROR" as const];
  const byStatus = new Map<number, string[]>();
  for (const code of codes) {
    const status = errorCatalogue[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, statusCodes] of byStatus) {
    responses[String(status)] = {
      description: `Problem: ${statusCodes.join(", ")}`,
      content: { [problemMediaType]: { schema: { $ref: "#/components/schemas/Problem" } } },
    };
  }
  return responses;
}

/** The OpenAPI 3.1 document of the whole API. */
export function buildOpenApiDocument(info: { version: string; serverUrl?: string }): JsonObject {
  const components: JsonObject = {};
  toComponentSchema(problemSchema, "output", components);
  const paths: Record<string, JsonObject> = {};
  for (const [operationId, operation] of Object.entries(apiContract) as [string, Operation][]) {
    const path = apiBasePath + operation.path.replace(/:([A-Za-z]+)/g, "{$1}");
    const requestBody = toRequestBody(operation, components);
    paths[path] = {
      ...paths[path],
      [operation.method.toLowerCase()]: {
        operationId,
        summary: operation.summary,
        tags: [operation.tag],
        parameters: toParameters(operation, components),
        ...(requestBody === undefined ? {} : { requestBody }),
        responses: toResponses(operation, components),
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Sextant API",
      version: info.version,
      description: "Model observability: registry, schemas, references, segments and ingest.",
    },
    ...(info.serverUrl === undefined ? {} : { servers: [{ url: info.serverUrl }] }),
    paths,
    components: { schemas: components },
  };
}
