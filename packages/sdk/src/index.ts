/**
 * @sextant/sdk: the public wire contract of Sextant (zod schemas of every REST resource, the
 * error-code catalogue, the problem+json type, the OpenAPI document) and a typed `fetch` client.
 */
export * from "./error-codes.js";
export * from "./problem.js";
export * from "./schemas/common.js";
export * from "./schemas/workspace.js";
export * from "./schemas/model.js";
export * from "./schemas/version.js";
export * from "./schemas/column-schema.js";
export * from "./schemas/reference.js";
export * from "./schemas/segment.js";
export * from "./schemas/ingest.js";
export * from "./schemas/health.js";
export * from "./schemas/auth.js";
export * from "./schemas/audit.js";
export * from "./schemas/monitoring.js";
export * from "./schemas/incidents.js";
export * from "./schemas/roadmap.js";
export * from "./schemas/overview.js";
export * from "./api-contract.js";
export * from "./api-contract-auth.js";
export * from "./api-contract-monitoring.js";
export * from "./api-contract-roadmap.js";
export * from "./api-contract-overview.js";
export * from "./openapi.js";
export * from "./client.js";
export * from "./prediction-logger.js";
