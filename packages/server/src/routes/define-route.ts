/**
 * Registers one contract operation on the app: method and path come from the sdk contract, the
 * request is authorized against auth/route-permissions.ts and parsed with its schemas, the handler
 * returns the wire body, the status is the contract's, and changes and raw-data reads are audited.
 */
import { apiBasePath, apiContract, type ApiContract, type Operation, type OperationId } from "@sextant/sdk";
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from "fastify";
import { parseRequest, type ParsedRequest } from "../app/request-parsing.js";
import type { CarriedAudit } from "../auth/audit-service.js";

/**
 * A route handler: parsed request in, wire body out. `audit` (present when the operation is audited)
 * lets a store write carry the success entry into its own transaction; otherwise defineRoute records
 * it after the handler returns.
 */
export type RouteHandler<K extends OperationId> = (
  parsed: ParsedRequest<ApiContract[K]>,
  request: FastifyRequest,
  reply: FastifyReply,
  audit: CarriedAudit<unknown> | undefined,
) => Promise<unknown>;

/** Registers an operation of the contract. */
export function defineRoute<K extends OperationId>(
  app: FastifyInstance,
  operationId: K,
  handler: RouteHandler<K>,
  options: RouteShorthandOptions & { readonly rawBody?: boolean } = {},
): void {
  const operation = apiContract[operationId];
  const { rawBody, ...routeOptions } = options;
  app.route({
    ...routeOptions,
    method: operation.method,
    url: apiBasePath + operation.path,
    handler: async (request, reply) => {
      // Malformed path ids stay 400; then authorization (401/403/404) runs before query and body checks.
      const pathParams = (operation as Operation).params;
      if (pathParams !== undefined && !pathParams.safeParse(request.params).success) {
        parseRequest(operation, request, true);
      }
      const decision = await app.routeAccess.authorize(operationId, request);
      const parsed = parseRequest(operation, request, rawBody === true);
      const carriage = { carried: false };
      const audit: CarriedAudit<unknown> | undefined = app.routeAccess.isAudited(operationId)
        ? {
            draftFor: (result) => app.routeAccess.draftAudit(operationId, request, decision, result)!,
            markCarried: () => {
              carriage.carried = true;
            },
          }
        : undefined;
      const body = await handler(parsed, request, reply, audit);
      if (!carriage.carried) await app.routeAccess.audit(operationId, request, decision, body);
      void reply.status(operation.successStatus);
      return operation.successStatus === 204 ? reply.send() : body;
    },
  });
}
