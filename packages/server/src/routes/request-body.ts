/**
 * Turns an ingest or upload request body into rows by media type: JSON arrays (parsed by Fastify),
 * NDJSON (streamed line by line), CSV and Parquet (spooled to a temp file and read by DuckDB).
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../app/app-error.js";
import type { RowSource } from "../ingest/ingest-service.js";
import { readNdjsonRowChunks } from "../ingest/ndjson-rows.js";
import { spoolUpload } from "../ingest/upload-spool.js";

/** Body formats the ingest and upload routes accept. */
export type BodyFormat = "json" | "ndjson" | "csv" | "parquet";

const mediaTypes: Readonly<Record<string, BodyFormat>> = {
  "application/json": "json",
  "application/x-ndjson": "ndjson",
  "application/ndjson": "ndjson",
  "application/jsonl": "ndjson",
  "application/x-jsonlines": "ndjson",
  "text/csv": "csv",
  "application/vnd.apache.parquet": "parquet",
  "application/x-parquet": "parquet",
};

/** Media types whose bodies reach handlers as raw streams. */
export const rawMediaTypes = [
  ...Object.keys(mediaTypes).filter((type) => type !== "application/json"),
  "application/octet-stream",
];

/** Rows of a request plus a cleanup for temp files. */
export interface RequestRows {
  readonly rows: RowSource;
  /** CSV cells arrive as text and are converted per column type during validation. */
  readonly textValues: boolean;
  release(): Promise<void>;
}

/** Reads request bodies as rows. */
export interface RequestBodyReader {
  readonly maxBodyBytes: number;
  readonly maxUploadBytes: number;
  readRows(request: FastifyRequest, formatHint?: BodyFormat): Promise<RequestRows>;
}

/** Registers pass-through parsers so raw bodies reach handlers as streams. */
export function installRawBodyParsers(app: FastifyInstance): void {
  app.addContentTypeParser(rawMediaTypes, (_request, payload, done) => {
    done(null, payload);
  });
}

function selectFormat(request: FastifyRequest, hint: BodyFormat | undefined): BodyFormat {
  const mediaType = (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (
    hint !== undefined &&
    (mediaType === "application/octet-stream" || mediaTypes[mediaType] !== undefined)
  ) {
    return hint;
  }
  const format = mediaTypes[mediaType];
  if (format === undefined) {
    throw new AppError(
      "MEDIA_TYPE_UNSUPPORTED",
      `content type ${JSON.stringify(mediaType)} is not accepted; use ${Object.keys(mediaTypes).join(", ")}`,
    );
  }
  return format;
}

/** Reads the rows of a spooled CSV or Parquet file (CSV cells as text). */
export type FileRowReader = (path: string, format: "csv" | "parquet") => Promise<Record<string, unknown>[]>;

/** Creates the body reader with the configured limits; uploads are spooled under `tempDir`. */
export function createRequestBodyReader(options: {
  readFileRows: FileRowReader;
  tempDir: string;
  maxBodyBytes: number;
  maxUploadBytes: number;
}): RequestBodyReader {
  const noRelease = (): Promise<void> => Promise.resolve();
  return {
    maxBodyBytes: options.maxBodyBytes,
    maxUploadBytes: options.maxUploadBytes,
    async readRows(request, formatHint) {
      const format = selectFormat(request, formatHint);
      const body = request.body;
      if (format === "json") {
        if (!Array.isArray(body))
          throw new AppError("BODY_MALFORMED", "a JSON ingest body must be an array of row objects");
        return { rows: body, textValues: false, release: noRelease };
      }
      const stream = body as NodeJS.ReadableStream & AsyncIterable<Buffer>;
      if (format === "ndjson")
        return {
          rows: { chunks: readNdjsonRowChunks(stream, options.maxBodyBytes) },
          textValues: false,
          release: noRelease,
        };
      const file = await spoolUpload({
        body: stream,
        tempDir: options.tempDir,
        extension: format,
        maxBytes: options.maxUploadBytes,
      });
      try {
        const rows = await options.readFileRows(file.path, format);
        return { rows, textValues: format === "csv", release: () => file.remove() };
      } catch (error) {
        await file.remove();
        throw new AppError(
          "BODY_MALFORMED",
          `the ${format} file could not be read: ${(error as Error).message}`,
          { cause: error },
        );
      }
    },
  };
}
