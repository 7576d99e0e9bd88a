/**
 * Spools an uploaded request body (CSV or Parquet) to a temporary file under the data directory so
 * DuckDB can read it, enforcing the upload size limit while streaming.
 */
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "../app/app-error.js";

/** A spooled upload; `remove` deletes the file. */
export interface SpooledFile {
  readonly path: string;
  remove(): Promise<void>;
}

/** Writes the body to `<tempDir>/upload-<random>.<extension>`; throws PAYLOAD_TOO_LARGE past `maxBytes`. */
export async function spoolUpload(options: {
  readonly body: NodeJS.ReadableStream;
  readonly tempDir: string;
  readonly extension: string;
  readonly maxBytes: number;
}): Promise<SpooledFile> {
  await mkdir(options.tempDir, { recursive: true });
  const path = join(options.tempDir, `upload-${randomBytes(8).toString("hex")}.${options.extension}`);
  let bytes = 0;
  const limiter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > options.maxBytes)
        callback(new AppError("PAYLOAD_TOO_LARGE", `the upload exceeds ${options.maxBytes} bytes`));
      else callback(null, chunk);
    },
  });
  const remove = (): Promise<void> => rm(path, { force: true });
  try {
    await pipeline(options.body, limiter, createWriteStream(path));
  } catch (error) {
    await remove();
    throw error;
  }
  return { path, remove };
}
