/**
 * Registers one contract operation on the app: method and path come from the sdk contract, the
 * request is parsed with its schemas, the handler returns the wire body, the status is the contract's.
 */
import { apiBasePath, apiContract, type ApiContract, type OperationId } from "@sextant/sdk";
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from "fastify";
import { parseRequest, type ParsedRequest } from "../app/request-parsing.js";

/** A route handler: parsed request in, wire body out. */
export type RouteHandler<K extends OperationId> = (
  parsed: ParsedRequest<ApiContract[K]>,
  request: FastifyRequest,
  reply: FastifyReply,
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
      const parsed = parseRequest(operation, request, rawBody === true);
      const body = await handler(parsed, request, reply);
      void reply.status(operation.successStatus);
      return operation.successStatus === 204 ? reply.send() : body;
    },
  });
}
