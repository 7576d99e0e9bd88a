/**
 * Ingest routes for predictions, labels and outcomes, plus event read-back. Back-pressure is applied
 * before the body is read: a full buffer or too many concurrent ingest requests answer 503 at once.
 */
import type { EventKind } from "@sextant/sdk";
import type { FastifyInstance, onRequestHookHandler } from "fastify";
import { AppError } from "../app/app-error.js";
import type { IngestBuffer } from "../ingest/ingest-buffer.js";
import type { IngestService } from "../ingest/ingest-service.js";
import { defineRoute } from "./define-route.js";
import type { RequestBodyReader } from "./request-body.js";

/** Limits of the ingest routes. */
export interface IngestRouteLimits {
  readonly maxConcurrentRequests: number;
  readonly retryAfterSeconds: number;
}

/** Registers the ingest routes. */
export function registerIngestRoutes(
  app: FastifyInstance,
  deps: { ingest: IngestService; buffer: IngestBuffer; bodies: RequestBodyReader; limits: IngestRouteLimits },
): void {
  let inFlight = 0;
  const admit: onRequestHookHandler = (request, _reply, done) => {
    const refuse = (detail: string): void => {
      done(new AppError("INGEST_BUFFER_FULL", detail, { retryAfterSeconds: deps.limits.retryAfterSeconds }));
    };
    if (deps.buffer.isFull()) {
      refuse(`the ingest buffer holds ${deps.buffer.bufferedRows()} rows; retry later`);
      return;
    }
    if (inFlight >= deps.limits.maxConcurrentRequests) {
      refuse(`${inFlight} ingest requests are in progress; retry later`);
      return;
    }
    inFlight += 1;
    request.raw.once("close", () => {
      inFlight -= 1;
    });
    done();
  };
  const routes: ["ingestPredictions" | "ingestLabels" | "ingestOutcomes", EventKind][] = [
    ["ingestPredictions", "predictions"],
    ["ingestLabels", "labels"],
    ["ingestOutcomes", "outcomes"],
  ];
  for (const [operationId, kind] of routes) {
    defineRoute(
      app,
      operationId,
      async ({ params, query }, request, _reply, audit) => {
        const body = await deps.bodies.readRows(request);
        try {
          return await deps.ingest.ingest({
            versionId: params.versionId,
            kind,
            rows: body.rows,
            textValues: body.textValues,
            partial: query.partial,
            audit,
          });
        } finally {
          await body.release();
        }
      },
      { rawBody: true, bodyLimit: deps.bodies.maxBodyBytes, onRequest: admit },
    );
  }
  defineRoute(app, "listEvents", async ({ params, query }) => {
    const page = await deps.ingest.listEvents(params.versionId, {
      limit: query.limit,
      offset: query.offset,
      ...(query.from === undefined ? {} : { from: new Date(query.from) }),
      ...(query.to === undefined ? {} : { to: new Date(query.to) }),
    });
    return {
      items: page.items.map((event) => ({
        eventId: event.eventId,
        timestamp: event.timestamp.toISOString(),
        values: event.values,
        label: event.label,
        outcome: event.outcome,
      })),
      page: { limit: query.limit, offset: query.offset, total: page.total },
    };
  });
  defineRoute(app, "getEventCounts", async ({ params }) => deps.ingest.countEvents(params.versionId));
}
