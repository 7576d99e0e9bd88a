/**
 * Encodes columnar event batches into PostgreSQL's binary COPY format (header, one tuple per row with
 * length-prefixed big-endian fields, trailer) straight from typed arrays: no number → text formatting,
 * which was most of the cost of text COPY (MACHINE-NOTES §3: ~600k rows/s binary vs ~95k text).
 */
import type { ColumnValues } from "../event-batch.js";

const signature = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
/** Microseconds between the Unix epoch and PostgreSQL's epoch (2000-01-01). */
const pgEpochMs = 946_684_800_000;
const float8Oid = 701;
const twoTo32 = 2 ** 32;

/** One field source of a tuple, in COPY column order. */
export type CopyField =
  | { readonly kind: "text"; readonly values: readonly (string | null)[] }
  | { readonly kind: "timestamp"; readonly valuesMs: Float64Array }
  | { readonly kind: "constant_timestamp"; readonly ms: number }
  | { readonly kind: "column"; readonly values: ColumnValues };

/** A growable big-endian byte writer. */
class ByteWriter {
  buffer = Buffer.allocUnsafe(1 << 16);
  offset = 0;
  ensure(bytes: number): void {
    if (this.offset + bytes <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.offset + bytes) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buffer.copy(next, 0, 0, this.offset);
    this.buffer = next;
  }
  int16(value: number): void {
    this.ensure(2);
    this.offset = this.buffer.writeInt16BE(value, this.offset);
  }
  int32(value: number): void {
    this.ensure(4);
    this.offset = this.buffer.writeInt32BE(value, this.offset);
  }
  float8(value: number): void {
    this.ensure(12);
    this.offset = this.buffer.writeInt32BE(8, this.offset);
    this.offset = this.buffer.writeDoubleBE(value, this.offset);
  }
  text(value: string): void {
    this.ensure(4 + value.length * 3);
    const written = this.buffer.write(value, this.offset + 4, "utf8");
    this.buffer.writeInt32BE(written, this.offset);
    this.offset += 4 + written;
  }
  timestamp(ms: number): void {
    if (!Number.isFinite(ms)) {
      this.int32(-1);
      return;
    }
    const micros = Math.round((ms - pgEpochMs) * 1000);
    const high = Math.floor(micros / twoTo32);
    this.ensure(12);
    this.offset = this.buffer.writeInt32BE(8, this.offset);
    this.offset = this.buffer.writeInt32BE(high, this.offset);
    this.offset = this.buffer.writeUInt32BE(micros - high * twoTo32, this.offset);
  }
  float8Array(values: readonly number[]): void {
    this.ensure(24 + values.length * 12);
    this.offset = this.buffer.writeInt32BE(20 + values.length * 12, this.offset);
    this.offset = this.buffer.writeInt32BE(1, this.offset);
    this.offset = this.buffer.writeInt32BE(0, this.offset);
    this.offset = this.buffer.writeInt32BE(float8Oid, this.offset);
    this.offset = this.buffer.writeInt32BE(values.length, this.offset);
    this.offset = this.buffer.writeInt32BE(1, this.offset);
    for (const value of values) {
      this.offset = this.buffer.writeInt32BE(8, this.offset);
      this.offset = this.buffer.writeDoubleBE(value, this.offset);
    }
  }
}

function writeColumnValue(writer: ByteWriter, values: ColumnValues, row: number): void {
  switch (values.storage) {
    case "double":
      if (values.valid[row] === 1) writer.float8(values.values[row]!);
      else writer.int32(-1);
      return;
    case "varchar": {
      const value = values.values[row];
      if (value === null || value === undefined) writer.int32(-1);
      else writer.text(value);
      return;
    }
    case "boolean": {
      const value = values.values[row];
      if (value === null || value === undefined) {
        writer.int32(-1);
        return;
      }
      writer.int32(1);
      writer.ensure(1);
      writer.offset = writer.buffer.writeUInt8(value ? 1 : 0, writer.offset);
      return;
    }
    case "double_list": {
      const value = values.values[row];
      if (value === null || value === undefined) writer.int32(-1);
      else writer.float8Array(value);
      return;
    }
  }
}

function writeField(writer: ByteWriter, field: CopyField, row: number): void {
  switch (field.kind) {
    case "text": {
      const value = field.values[row];
      if (value === null || value === undefined) writer.int32(-1);
      else writer.text(value);
      return;
    }
    case "timestamp":
      writer.timestamp(field.valuesMs[row] ?? Number.NaN);
      return;
    case "constant_timestamp":
      writer.timestamp(field.ms);
      return;
    case "column":
      writeColumnValue(writer, field.values, row);
  }
}

/** The binary COPY payload of `rowCount` rows over the fields, header and trailer included. */
export function encodeBinaryCopy(fields: readonly CopyField[], rowCount: number): Buffer {
  const writer = new ByteWriter();
  writer.ensure(signature.length + 8);
  writer.offset += signature.copy(writer.buffer, writer.offset);
  writer.int32(0);
  writer.int32(0);
  for (let row = 0; row < rowCount; row += 1) {
    writer.int16(fields.length);
    for (const field of fields) writeField(writer, field, row);
  }
  writer.int16(-1);
  return writer.buffer.subarray(0, writer.offset);
}
