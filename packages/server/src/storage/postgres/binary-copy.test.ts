import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeBinaryCopy, type CopyField } from "./binary-copy.js";

// The encoder against a field-by-field reference written with Buffer's own big-endian methods and
// Buffer.from for text, straight from PostgreSQL's binary COPY description (header, per tuple an int16
// field count and length-prefixed fields, -1 for NULL, trailer -1).
function referenceEncoding(fields: readonly CopyField[], rowCount: number): Buffer {
  const parts: Buffer[] = [Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"), Buffer.alloc(8)];
  const int32 = (v: number) => {
    const b = Buffer.alloc(4);
    b.writeInt32BE(v);
    return b;
  };
  const float8 = (v: number) => {
    const b = Buffer.alloc(12);
    b.writeInt32BE(8);
    b.writeDoubleBE(v, 4);
    return b;
  };
  const timestamp = (ms: number) => {
    if (!Number.isFinite(ms)) return int32(-1);
    const b = Buffer.alloc(12);
    b.writeInt32BE(8);
    b.writeBigInt64BE(BigInt(Math.round((ms - 946_684_800_000) * 1000)), 4);
    return b;
  };
  const text = (v: string | null | undefined) => {
    if (v === null || v === undefined) return int32(-1);
    const bytes = Buffer.from(v, "utf8");
    return Buffer.concat([int32(bytes.length), bytes]);
  };
  for (let row = 0; row < rowCount; row++) {
    const count = Buffer.alloc(2);
    count.writeInt16BE(fields.length);
    parts.push(count);
    for (const field of fields) {
      if (field.kind === "text") parts.push(text(field.values[row]));
      else if (field.kind === "timestamp") parts.push(timestamp(field.valuesMs[row]!));
      else if (field.kind === "constant_timestamp") parts.push(timestamp(field.ms));
      else {
        const values = field.values;
        if (values.storage === "double")
          parts.push(values.valid[row] === 1 ? float8(values.values[row]!) : int32(-1));
        else if (values.storage === "varchar") parts.push(text(values.values[row]));
        else if (values.storage === "boolean") {
          const v = values.values[row];
          parts.push(v === null || v === undefined ? int32(-1) : Buffer.from([0, 0, 0, 1, v ? 1 : 0]));
        } else {
          const list = values.values[row];
          if (list === null || list === undefined) parts.push(int32(-1));
          else
            parts.push(
              int32(20 + list.length * 12),
              int32(1),
              int32(0),
              int32(701),
              int32(list.length),
              int32(1),
              ...list.map(float8),
            );
        }
      }
    }
  }
  parts.push(Buffer.from([0xff, 0xff]));
  return Buffer.concat(parts);
}

const text = fc.option(
  fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: "grapheme", maxLength: 30 }), fc.constant("")),
);

describe("encodeBinaryCopy", () => {
  it("writes every field type exactly as the reference encoding", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }).chain((rows) =>
          fc.record({
            rows: fc.constant(rows),
            ids: fc.array(text, { minLength: rows, maxLength: rows }),
            times: fc.array(
              fc.oneof(fc.double({ min: -1e13, max: 1e13, noNaN: true }), fc.constant(Number.NaN)),
              { minLength: rows, maxLength: rows },
            ),
            numbers: fc.array(fc.option(fc.double()), { minLength: rows, maxLength: rows }),
            labels: fc.array(text, { minLength: rows, maxLength: rows }),
            flags: fc.array(fc.option(fc.boolean()), { minLength: rows, maxLength: rows }),
            lists: fc.array(fc.option(fc.array(fc.double(), { maxLength: 4 })), {
              minLength: rows,
              maxLength: rows,
            }),
          }),
        ),
        (data) => {
          const fields: CopyField[] = [
            { kind: "text", values: data.ids },
            { kind: "timestamp", valuesMs: Float64Array.from(data.times) },
            { kind: "constant_timestamp", ms: 1_767_225_600_123 },
            {
              kind: "column",
              values: {
                storage: "double",
                values: Float64Array.from(data.numbers, (v) => v ?? 0),
                valid: Uint8Array.from(data.numbers, (v) => (v === null ? 0 : 1)),
              },
            },
            { kind: "column", values: { storage: "varchar", values: data.labels } },
            { kind: "column", values: { storage: "boolean", values: data.flags } },
            { kind: "column", values: { storage: "double_list", values: data.lists } },
          ];
          expect(encodeBinaryCopy(fields, data.rows).equals(referenceEncoding(fields, data.rows))).toBe(true);
        },
      ),
    );
  });

  it("grows past its size estimate when text is long", () => {
    const long = "é".repeat(5000);
    const fields: CopyField[] = [{ kind: "text", values: [long, null, long] }];
    expect(encodeBinaryCopy(fields, 3).equals(referenceEncoding(fields, 3))).toBe(true);
  });
});
