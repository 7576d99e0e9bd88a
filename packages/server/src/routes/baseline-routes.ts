/** Thin REST routes of references and segments. */
import type { FastifyInstance } from "fastify";
import type { BaselineService } from "../registry/baseline-service.js";
import { toReferenceResponse, toSegmentResponse } from "../registry/wire-mapping.js";
import type { RequestBodyReader } from "./request-body.js";
import { defineRoute } from "./define-route.js";
import { toPageResponse } from "./registry-routes.js";

/** Registers the reference and segment routes. */
export function registerBaselineRoutes(
  app: FastifyInstance,
  baselines: BaselineService,
  bodies: RequestBodyReader,
): void {
  defineRoute(app, "listReferences", async ({ params, query }) =>
    toPageResponse(
      await baselines.listReferences({ ...query, versionId: params.versionId }),
      query,
      toReferenceResponse,
    ),
  );
  defineRoute(app, "createReference", async ({ params, body }) =>
    toReferenceResponse(await baselines.createTimeRangeReference(params.versionId, body)),
  );
  defineRoute(
    app,
    "uploadReference",
    async ({ params, query }, request) => {
      const rows = await bodies.readRows(request, query.format);
      try {
        const record = await baselines.createFileReference(params.versionId, {
          name: query.name,
          segmentId: query.segmentId ?? null,
          rows: rows.rows,
          textValues: rows.textValues,
        });
        return toReferenceResponse(record);
      } finally {
        await rows.release();
      }
    },
    { rawBody: true, bodyLimit: bodies.maxUploadBytes },
  );
  defineRoute(app, "getReference", async ({ params }) =>
    toReferenceResponse(await baselines.loadReference(params.id)),
  );
  defineRoute(app, "deleteReference", async ({ params }) => {
    await baselines.deleteReference(params.id);
  });

  defineRoute(app, "listSegments", async ({ params, query }) =>
    toPageResponse(
      await baselines.listSegments({ ...query, modelId: params.modelId }),
      query,
      toSegmentResponse,
    ),
  );
  defineRoute(app, "createSegment", async ({ params, body }) =>
    toSegmentResponse(await baselines.createSegment(params.modelId, body)),
  );
  defineRoute(app, "getSegment", async ({ params }) =>
    toSegmentResponse(await baselines.loadSegment(params.id)),
  );
  defineRoute(app, "updateSegment", async ({ params, body }) =>
    toSegmentResponse(await baselines.updateSegment(params.id, body)),
  );
  defineRoute(app, "deleteSegment", async ({ params }) => {
    await baselines.deleteSegment(params.id);
  });
}
