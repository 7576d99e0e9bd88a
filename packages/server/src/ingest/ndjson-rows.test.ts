import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { isMalformedLine, readNdjsonRows } from "./ndjson-rows.js";

async function collect(chunks: (string | Buffer)[], maxBytes = 1000): Promise<unknown[]> {
  const rows: unknown[] = [];
  for await (const row of readNdjsonRows(Readable.from(chunks), maxBytes)) rows.push(row);
  return rows;
}

describe("readNdjsonRows", () => {
  it("splits lines across chunk boundaries, including multi-byte characters, and skips blank lines", async () => {
    const euro = Buffer.from('{"a":"€"}\n');
    const rows = await collect([
      Buffer.from('{"a":1}\n{"a"'),
      Buffer.from(":2}\r\n\n"),
      euro.subarray(0, 7),
      euro.subarray(7),
      '{"a":3}',
    ]);
    expect(rows).toEqual([{ a: 1 }, { a: 2 }, { a: "€" }, { a: 3 }]);
  });

  it("turns unparsable lines into markers and stops past the byte limit", async () => {
    const rows = await collect(['{"a":1}\n{oops\n']);
    expect(isMalformedLine(rows[1])).toBe(true);
    expect(isMalformedLine(rows[0])).toBe(false);
    await expect(collect(["x".repeat(20)], 10)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });
});
