import type { FieldError } from "@sextant/sdk";
import { describe, expect, it } from "vitest";
import { createRejectionTally } from "./ingest-rejection-tally.js";

const error = (field: string, code: string): FieldError => ({
  path: `/0/${field}`,
  row: 0,
  field,
  code,
  message: code,
});

describe("createRejectionTally", () => {
  it("counts rows (not errors) with type errors per field and unknown fields per field", () => {
    const tally = createRejectionTally();
    expect(tally.toRecord({ versionId: "v", stream: "predictions", receivedAt: new Date(0) })).toBeNull();
    tally.add([error("x", "TYPE_MISMATCH"), error("x", "TYPE_MISMATCH"), error("vec", "LENGTH_MISMATCH")]);
    tally.add([error("ts", "INVALID_TIMESTAMP"), error("zip", "UNKNOWN_FIELD")]);
    tally.add([error("zip", "UNKNOWN_FIELD")]);
    tally.add([error("y", "REQUIRED"), error("p", "WRONG_STREAM")]);
    expect(tally.toRecord({ versionId: "v", stream: "labels", receivedAt: new Date(5) })).toEqual({
      versionId: "v",
      stream: "labels",
      receivedAt: new Date(5),
      rejectedRows: 4,
      typeErrorRows: 2,
      unknownFieldRows: 2,
      typeErrorsByField: { x: 1, vec: 1, ts: 1 },
      unknownFields: { zip: 2 },
    });
  });
});
