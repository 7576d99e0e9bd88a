/** Thin REST routes of workspaces, models, versions and schemas: parse, call the service, map to wire types. */
import type { FastifyInstance } from "fastify";
import type { RegistryService } from "../registry/registry-service.js";
import {
  toModelResponse,
  toSchemaResponse,
  toVersionResponse,
  toWorkspaceResponse,
} from "../registry/wire-mapping.js";
import type { Page } from "../registry/records.js";
import { readPermittedWorkspaceIds } from "../auth/request-access.js";
import { defineRoute } from "./define-route.js";

/** A page of records on the wire. */
export function toPageResponse<T, W>(
  page: Page<T>,
  request: { limit: number; offset: number },
  convert: (item: T) => W,
) {
  return {
    items: page.items.map(convert),
    page: { limit: request.limit, offset: request.offset, total: page.total },
  };
}

/** Registers the registry routes. */
export function registerRegistryRoutes(app: FastifyInstance, registry: RegistryService): void {
  defineRoute(app, "listWorkspaces", async ({ query }, request) =>
    toPageResponse(
      await registry.listWorkspaces({ ...query, ids: readPermittedWorkspaceIds(request, "workspace.read") }),
      query,
      toWorkspaceResponse,
    ),
  );
  defineRoute(app, "createWorkspace", async ({ body }) =>
    toWorkspaceResponse(await registry.createWorkspace(body)),
  );
  defineRoute(app, "getWorkspace", async ({ params }) =>
    toWorkspaceResponse(await registry.loadWorkspace(params.id)),
  );
  defineRoute(app, "updateWorkspace", async ({ params, body }) =>
    toWorkspaceResponse(await registry.updateWorkspace(params.id, body)),
  );

  defineRoute(app, "listModels", async ({ query }, request) =>
    toPageResponse(
      await registry.listModels({
        ...query,
        workspaceIds: readPermittedWorkspaceIds(request, "workspace.read"),
      }),
      query,
      toModelResponse,
    ),
  );
  defineRoute(app, "listWorkspaceModels", async ({ params, query }) => {
    await registry.loadWorkspace(params.workspaceId);
    return toPageResponse(
      await registry.listModels({ ...query, workspaceId: params.workspaceId }),
      query,
      toModelResponse,
    );
  });
  defineRoute(app, "createModel", async ({ params, body }) =>
    toModelResponse(await registry.createModel(params.workspaceId, body)),
  );
  defineRoute(app, "getModel", async ({ params }) => toModelResponse(await registry.loadModel(params.id)));
  defineRoute(app, "updateModel", async ({ params, body }) =>
    toModelResponse(await registry.updateModel(params.id, body)),
  );

  defineRoute(app, "listVersions", async ({ params, query }) => {
    await registry.loadModel(params.modelId);
    return toPageResponse(
      await registry.listVersions({ ...query, modelId: params.modelId }),
      query,
      toVersionResponse,
    );
  });
  defineRoute(app, "createVersion", async ({ params, body }) =>
    toVersionResponse(await registry.createVersion(params.modelId, body)),
  );
  defineRoute(app, "getVersion", async ({ params }) =>
    toVersionResponse(await registry.loadVersion(params.id)),
  );
  defineRoute(app, "updateVersion", async ({ params, body }) =>
    toVersionResponse(await registry.updateVersion(params.id, body)),
  );

  defineRoute(app, "getVersionSchema", async ({ params }) =>
    toSchemaResponse((await registry.loadSchema(params.versionId)).schema),
  );
  defineRoute(app, "putVersionSchema", async ({ params, body }) =>
    toSchemaResponse(await registry.saveSchema(params.versionId, body.columns)),
  );
  defineRoute(app, "inferVersionSchema", async ({ params, body }) => {
    const result = await registry.inferSchema(params.versionId, body);
    return {
      columns: result.columns,
      applied: result.schema !== null,
      schema: result.schema === null ? null : toSchemaResponse(result.schema),
    };
  });
}
