/**
 * The HTTP boundary's error mapping: AppError, zod and Fastify errors become application/problem+json
 * from the catalogue; anything else is a 500 with no internals in the body, logged with its cause.
 */
import {
  errorCatalogue,
  problemMediaType,
  toProblemType,
  type ErrorCode,
  type FieldError,
  type Problem,
} from "@sextant/sdk";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ZodError } from "zod";
import { AppError } from "./app-error.js";

const fastifyCodes: Readonly<Record<string, ErrorCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "MEDIA_TYPE_UNSUPPORTED",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "BODY_MALFORMED",
  FST_ERR_CTP_EMPTY_JSON_BODY: "BODY_MALFORMED",
  FST_ERR_CTP_INVALID_JSON_BODY: "BODY_MALFORMED",
};

/** Field errors of a zod error, under the request part it came from (`/body`, `/query`, `/params`). */
export function fieldErrorsFromZod(error: ZodError, location: string): FieldError[] {
  return error.issues.map((issue) => ({
    path: `/${[location, ...issue.path.map(String)].join("/")}`,
    ...(issue.path.length > 0 ? { field: issue.path.map(String).join(".") } : {}),
    code: issue.code.toUpperCase(),
    message: issue.message,
  }));
}

/** A problem body for a code. */
export function toProblem(code: ErrorCode, detail: string, extra: Partial<Problem> = {}): Problem {
  const entry = errorCatalogue[code];
  return { type: toProblemType(code), title: entry.title, status: entry.status, detail, code, ...extra };
}

function problemFromError(error: unknown): {
  problem: Problem;
  retryAfterSeconds?: number;
  internal: boolean;
} {
  if (error instanceof AppError) {
    const extra: Partial<Problem> = {};
    if (error.errors !== undefined) extra.errors = [...error.errors];
    if (error.errorCount !== undefined) extra.errorCount = error.errorCount;
    if (error.retryAfterSeconds !== undefined) extra.retryAfterSeconds = error.retryAfterSeconds;
    const problem = toProblem(error.code, error.detail, extra);
    return error.retryAfterSeconds === undefined
      ? { problem, internal: false }
      : { problem, retryAfterSeconds: error.retryAfterSeconds, internal: false };
  }
  if (error instanceof ZodError) {
    return {
      problem: toProblem("VALIDATION_FAILED", "the request is invalid", {
        errors: fieldErrorsFromZod(error, "body"),
      }),
      internal: false,
    };
  }
  const fastifyError = error as Partial<FastifyError>;
  const mapped = fastifyError.code === undefined ? undefined : fastifyCodes[fastifyError.code];
  if (mapped !== undefined)
    return { problem: toProblem(mapped, fastifyError.message ?? mapped), internal: false };
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) {
    return {
      problem: toProblem("BODY_MALFORMED", `the body is not valid JSON: ${error.message}`),
      internal: false,
    };
  }
  return {
    problem: toProblem("INTERNAL_ERROR", "an unexpected error occurred; it has been logged"),
    internal: true,
  };
}

/** Sends a problem+json response. */
export function sendProblem(reply: FastifyReply, problem: Problem, retryAfterSeconds?: number): FastifyReply {
  if (retryAfterSeconds !== undefined) void reply.header("retry-after", String(retryAfterSeconds));
  return reply.status(problem.status).type(problemMediaType).send(problem);
}

/** Installs the error and not-found handlers on an app. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { problem, retryAfterSeconds, internal } = problemFromError(error);
    problem.instance = request.url.split("?")[0] ?? request.url;
    if (internal) request.log.error({ err: error }, "unhandled error");
    else request.log.info({ code: problem.code, status: problem.status }, "request failed");
    return sendProblem(reply, problem, retryAfterSeconds);
  });
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) =>
    sendProblem(
      reply,
      toProblem("ROUTE_NOT_FOUND", `no route ${request.method} ${request.url.split("?")[0] ?? ""}`, {
        instance: request.url.split("?")[0] ?? "",
      }),
    ),
  );
}
