/** Liveness (`/healthz`), readiness (`/readyz`) and the OpenAPI document (`/api/v1/openapi.json`). */
import { apiBasePath, buildOpenApiDocument } from "@sextant/sdk";
import type { FastifyInstance } from "fastify";
import { AppError } from "../app/app-error.js";

/** What the readiness probe checks. */
export interface Readiness {
  /** Resolves when the store answers; rejects otherwise. */
  checkStore(): Promise<void>;
  isShuttingDown(): boolean;
}

/** Registers the system routes. */
export function registerSystemRoutes(
  app: FastifyInstance,
  deps: { version: string; startedAtMs: number; now: () => Date; readiness: Readiness },
): void {
  const health = (): { status: "ok"; version: string; uptimeSeconds: number } => ({
    status: "ok",
    version: deps.version,
    uptimeSeconds: Math.round((deps.now().getTime() - deps.startedAtMs) / 1000),
  });
  app.get("/healthz", () => health());
  app.get("/readyz", async () => {
    if (deps.readiness.isShuttingDown())
      throw new AppError("SERVICE_NOT_READY", "the server is shutting down");
    try {
      await deps.readiness.checkStore();
    } catch (error) {
      throw new AppError("SERVICE_NOT_READY", "the store does not answer", { cause: error });
    }
    return health();
  });
  let document: Record<string, unknown> | undefined;
  app.get(`${apiBasePath}/openapi.json`, () => {
    document ??= buildOpenApiDocument({ version: deps.version });
    return document;
  });
}
