/** A model's segments: list, create (one condition per line: `column op value`), delete. */
import { useState, type SyntheticEvent } from "react";
import type { SegmentCondition } from "@sextant/sdk";
import { toErrorMessage } from "../api/api-client.js";
import { canEdit, useApp } from "../api/app-context.js";
import { useAsync } from "../api/use-async.js";
import { AsyncBlock } from "../components/AsyncBlock.js";
import { EmptyState } from "../components/EmptyState.js";
import { Link } from "../components/Link.js";

/** Parses `column op value` lines (`in`/`not_in` take comma-separated values); throws on a bad line. */
export function parseSegmentConditions(text: string): SegmentCondition[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [column, op, ...rest] = line.split(/\s+/);
      const raw = rest.join(" ");
      const scalar = (v: string): string | number | boolean =>
        v === "true" ? true : v === "false" ? false : v !== "" && !Number.isNaN(Number(v)) ? Number(v) : v;
      if (column === undefined || op === undefined)
        throw new Error(`"${line}": write column, operator, value`);
      if (op === "is_null" || op === "is_not_null") return { column, op };
      if (op === "in" || op === "not_in")
        return { column, op, values: raw.split(",").map((v) => scalar(v.trim())) };
      if (op === "eq" || op === "neq") return { column, op, value: scalar(raw) };
      if (op === "gt" || op === "gte" || op === "lt" || op === "lte")
        return { column, op, value: Number(raw) };
      throw new Error(`"${line}": unknown operator ${op}`);
    });
}

/** The segments page. */
export function SegmentsPage({ modelId }: { readonly modelId: string }) {
  const { client, session } = useApp();
  const state = useAsync(async () => {
    const [model, segments] = await Promise.all([
      client.call("getModel", { params: { id: modelId } }),
      client.call("listSegments", { params: { modelId }, query: { limit: 500 } }),
    ]);
    return { model, segments: segments.items };
  }, [client, modelId]);
  const [name, setName] = useState("");
  const [conditions, setConditions] = useState("");
  const [error, setError] = useState<string | null>(null);
  const create = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    setError(null);
    try {
      await client.call("createSegment", {
        params: { modelId },
        body: { name, conditions: parseSegmentConditions(conditions) },
      });
      setName("");
      setConditions("");
      state.reload();
    } catch (caught) {
      setError(toErrorMessage(caught));
    }
  };
  const remove = async (id: string): Promise<void> => {
    try {
      await client.call("deleteSegment", { params: { id } });
      state.reload();
    } catch (caught) {
      setError(toErrorMessage(caught));
    }
  };
  return (
    <AsyncBlock state={state} what="segments">
      {({ model, segments }) => (
        <section aria-labelledby="segments-title">
          <p className="breadcrumb">
            <Link to={`/models/${modelId}`}>{model.name}</Link> / segments
          </p>
          <h1 id="segments-title">Segments of {model.name}</h1>
          {segments.length === 0 ? (
            <EmptyState title="No segments yet">
              Add one below, e.g. <code>channel eq broker</code>; monitors can then compare segments.
            </EmptyState>
          ) : (
            <ul className="segment-list">
              {segments.map((s) => (
                <li key={s.id}>
                  <strong>{s.name}</strong>:{" "}
                  {s.conditions
                    .map(
                      (c) =>
                        `${c.column} ${c.op}${"value" in c ? ` ${String(c.value)}` : "values" in c ? ` ${c.values.join(",")}` : ""}`,
                    )
                    .join(" and ")}{" "}
                  {canEdit(session, model.workspaceId) ? (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => void remove(s.id)}
                      aria-label={`Delete segment ${s.name}`}
                    >
                      Delete
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {canEdit(session, model.workspaceId) ? (
            <form className="form-grid" onSubmit={(e) => void create(e)} aria-label="New segment">
              <h2>New segment</h2>
              <label>
                Name
                <input
                  required
                  value={name}
                  onChange={(e) => {
                    setName(e.target.value);
                  }}
                />
              </label>
              <label>
                Conditions (one per line: column operator value; all must hold)
                <textarea
                  required
                  rows={3}
                  value={conditions}
                  onChange={(e) => {
                    setConditions(e.target.value);
                  }}
                  placeholder="channel eq broker"
                />
              </label>
              {error === null ? null : (
                <p className="error" role="alert">
                  {error}
                </p>
              )}
              <button type="submit">Create segment</button>
            </form>
          ) : null}
        </section>
      )}
    </AsyncBlock>
  );
}
