/**
 * @sextant/server: the Sextant service (REST API, ingest, embedded DuckDB store, demo seeding).
 * `startServer` runs it; `buildApp` builds the HTTP app without listening (tests, embedding).
 */
export const packageName = "@sextant/server";
export { startServer, installShutdownSignals, toDatabasePath, type RunningServer } from "./main.js";
export { buildApp, type AppDeps } from "./app/build-app.js";
export { createServices, type Services } from "./app/services.js";
export { AppError } from "./app/app-error.js";
export { configSchema, type Config, type ConfigInput } from "./config/config-schema.js";
export { loadConfig, describeConfigOptions, listConfigKeys, ConfigError } from "./config/load-config.js";
export { openDuckDbStore, StoreLockedError } from "./storage/duckdb/duckdb-store.js";
export type { Store } from "./storage/store.js";
export { serverVersion } from "./version.js";
export { renderRoadmapHtml } from "./roadmap/roadmap-html.js";
export { buildDefaultQuestionnaire } from "./roadmap/questionnaire-defaults.js";
