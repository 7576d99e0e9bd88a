/** The audit log (auditors and admins): newest first, filter by action, verify the hash chain. */
import { useState } from "react";
import { toErrorMessage } from "../api/api-client.js";
import { useApp } from "../api/app-context.js";
import { useAsync } from "../api/use-async.js";
import { AsyncBlock } from "../components/AsyncBlock.js";
import { EmptyState } from "../components/EmptyState.js";

/** The audit log page. */
export function AuditLogPage() {
  const { client } = useApp();
  const [action, setAction] = useState("");
  const state = useAsync(
    () =>
      client.call("listAuditEvents", {
        query: { limit: 200, ...(action.trim() === "" ? {} : { action: action.trim() }) },
      }),
    [client, action],
  );
  const [verdict, setVerdict] = useState<string | null>(null);
  const verify = async (): Promise<void> => {
    try {
      const result = await client.call("verifyAuditChain", {});
      setVerdict(
        result.valid
          ? `The chain is intact (${String(result.checkedEntries)} entries).`
          : `The chain is BROKEN: ${JSON.stringify(result)}`,
      );
    } catch (error) {
      setVerdict(toErrorMessage(error));
    }
  };
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      <div className="filters">
        <label>
          Action
          <input
            value={action}
            onChange={(e) => {
              setAction(e.target.value);
            }}
            placeholder="e.g. acknowledgeIncident"
          />
        </label>
        <button type="button" onClick={() => void verify()}>
          Verify the chain
        </button>
      </div>
      {verdict === null ? null : <p role="status">{verdict}</p>}
      <AsyncBlock state={state} what="audit entries">
        {(page) =>
          page.items.length === 0 ? (
            <EmptyState title="No entries">
              Nothing matches. Clear the filter; every change and sign-in is recorded here.
            </EmptyState>
          ) : (
            <div className="table-scroll">
              <table className="audit">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">When</th>
                    <th scope="col">Who</th>
                    <th scope="col">Action</th>
                    <th scope="col">Outcome</th>
                    <th scope="col">Target</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((e) => (
                    <tr key={e.seq} data-action={e.action}>
                      <td>{e.seq}</td>
                      <td>{e.at.slice(0, 19).replace("T", " ")}</td>
                      <td>{e.actorName ?? e.actorKind}</td>
                      <td>{e.action}</td>
                      <td>{e.outcome}</td>
                      <td className="small">{e.targetId ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </AsyncBlock>
    </section>
  );
}
