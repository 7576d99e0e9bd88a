import { describe, expect, it } from "vitest";
import { testColumns } from "../testing/record-fixtures.js";
import { createBatchBuilder } from "./batch-builder.js";

const predictions = () =>
  createBatchBuilder({
    columns: testColumns,
    target: { kind: "predictions", versionId: "ver_test000000000001" },
    receivedAtMs: 5,
  });
const valid = {
  id: "a",
  ts: "2026-01-01T00:00:00Z",
  income: 1.5,
  city: "paris",
  vec: [1, 2],
  owns_car: false,
  score: 0.3,
};

describe("createBatchBuilder", () => {
  it.each([
    [{ ...valid, income: "1.5" }, "income", "TYPE_MISMATCH"],
    [{ ...valid, ts: "yesterday" }, "ts", "INVALID_TIMESTAMP"],
    [{ ...valid, id: undefined }, "id", "REQUIRED"],
    [{ ...valid, id: { nested: true } }, "id", "TYPE_MISMATCH"],
    [{ ...valid, vec: [1] }, "vec", "LENGTH_MISMATCH"],
    [{ ...valid, vec: [1, "x"] }, "vec", "TYPE_MISMATCH"],
    [{ ...valid, owns_car: "maybe" }, "owns_car", "TYPE_MISMATCH"],
    [{ ...valid, score: null }, "score", "REQUIRED"],
    [{ ...valid, label: "yes" }, "label", "WRONG_STREAM"],
    [{ ...valid, extra: 1 }, "extra", "UNKNOWN_FIELD"],
  ])("refuses %j at field %s with %s", (row, field, code) => {
    const builder = predictions();
    expect(builder.addRow(row, 7)).toEqual([
      expect.objectContaining({ row: 7, field, code, path: `/7/${field}` }),
    ]);
    expect(builder.rowCount).toBe(0);
  });

  it("reports every problem of a row and refuses non-objects", () => {
    const builder = predictions();
    expect(builder.addRow({ ...valid, income: "x", score: "y" }, 0)).toHaveLength(2);
    expect(builder.addRow([1, 2], 1)).toEqual([expect.objectContaining({ code: "ROW_NOT_OBJECT", row: 1 })]);
  });

  it("accumulates valid rows into typed columns, with nulls and in-request duplicates", () => {
    const builder = predictions();
    expect(builder.addRow({ ...valid, income: "bad" }, 0)).toHaveLength(1);
    expect(builder.addRow(valid, 1)).toEqual([]);
    expect(builder.addRow({ ...valid, id: 42, income: null, city: 7, ts: 1_000, owns_car: 1 }, 2)).toEqual(
      [],
    );
    expect(builder.addRow(valid, 3)).toEqual([]);
    const batch = builder.build();
    expect(builder.duplicatesInRequest).toBe(1);
    expect(batch.rowCount).toBe(2);
    expect(batch.eventIds).toEqual(["a", "42"]);
    expect(Array.from(batch.timestampsMs ?? [])).toEqual([Date.parse("2026-01-01T00:00:00Z"), 1_000]);
    const income = batch.values[batch.columns.findIndex((column) => column.name === "income")];
    expect(income).toEqual({
      storage: "double",
      values: Float64Array.from([1.5, 0]),
      valid: Uint8Array.from([1, 0]),
    });
    expect(batch.values[batch.columns.findIndex((column) => column.name === "city")]).toEqual({
      storage: "varchar",
      values: ["paris", "7"],
    });
    expect(batch.values[batch.columns.findIndex((column) => column.name === "owns_car")]).toEqual({
      storage: "boolean",
      values: [false, true],
    });
  });

  it("converts CSV text per column type", () => {
    const builder = createBatchBuilder({
      columns: testColumns,
      target: { kind: "predictions", versionId: "ver_test000000000001" },
      receivedAtMs: 0,
      textValues: true,
    });
    expect(
      builder.addRow(
        {
          id: "a",
          ts: "2026-01-01 10:00:00",
          income: " 12.5 ",
          city: "",
          vec: "[1, 2]",
          owns_car: "TRUE",
          score: "1e-3",
        },
        0,
      ),
    ).toEqual([]);
    expect(builder.addRow({ id: "b", ts: "2026-01-01", income: "12,5", score: "0.1" }, 1)).toEqual([
      expect.objectContaining({ field: "income", code: "TYPE_MISMATCH" }),
    ]);
    const batch = builder.build();
    expect(Array.from(batch.timestampsMs ?? [])).toEqual([Date.parse("2026-01-01T10:00:00Z")]);
    expect(
      batch.values.map((values) => (values.storage === "double" ? Array.from(values.values) : values.values)),
    ).toEqual([[12.5], [null], [[1, 2]], [true], [0.001]]);
  });

  it("uses the receive time for labels and keeps reference rows without id or time", () => {
    const labels = createBatchBuilder({
      columns: testColumns,
      target: { kind: "labels", versionId: "ver_test000000000001" },
      receivedAtMs: 9,
    });
    expect(labels.addRow({ id: "a", label: "yes", ts: "2026-01-01T00:00:00Z" }, 0)).toEqual([]);
    expect(labels.build()).toMatchObject({
      rowCount: 1,
      timestampsMs: null,
      columns: [{ name: "label", storage: "varchar" }],
    });
    const reference = createBatchBuilder({
      columns: testColumns,
      target: { kind: "reference", versionId: "ver_test000000000001", referenceId: "ref_test000000000001" },
      receivedAtMs: 9,
    });
    expect(reference.addRow({ income: 1, score: 0.2, label: "no", revenue: 3 }, 0)).toEqual([]);
    const batch = reference.build();
    expect(batch.eventIds).toEqual([null]);
    expect(Number.isNaN(batch.timestampsMs?.[0])).toBe(true);
  });
});
