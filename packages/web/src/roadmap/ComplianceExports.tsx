/**
 * Links to the compliance exports (ROADMAP.md §5): the assessment report, the portfolio logs (incident log,
 * inventory, audit log) and, per model (high risk first), the PMM plan and the Annex IV skeleton.
 */
import { listAllPages } from "../api/api-client.js";
import { useApp } from "../api/app-context.js";
import { useAsync } from "../api/use-async.js";
import { AsyncBlock } from "../components/AsyncBlock.js";

const riskOrder = ["critical", "high", "medium", "low", "minimal"];

function DocumentLink({ href, children }: { readonly href: string; readonly children: string }) {
  return (
    <a href={href} target="_blank" rel="noreferrer">
      {children}
    </a>
  );
}

/** Props of ComplianceExports. */
export interface ComplianceExportsProps {
  readonly assessmentId: string;
}

/** The exports section of the compliance tab. */
export function ComplianceExports({ assessmentId }: ComplianceExportsProps) {
  const { client } = useApp();
  const models = useAsync(
    () => listAllPages((offset) => client.call("listModels", { query: { limit: 500, offset } })),
    [client],
  );
  const base = "/api/v1";
  return (
    <div data-testid="compliance-exports">
      <h2>Exports</h2>
      <p className="actions">
        <DocumentLink href={`${base}/roadmap/assessments/${assessmentId}/report.html`}>
          Report (HTML)
        </DocumentLink>
        <DocumentLink href={`${base}/roadmap/assessments/${assessmentId}/report.md`}>
          Report (Markdown)
        </DocumentLink>
        <DocumentLink href={`${base}/roadmap/assessments/${assessmentId}/report.json`}>
          Assessment (JSON)
        </DocumentLink>
        <DocumentLink href={`${base}/compliance/incident-log.csv`}>Incident log (CSV)</DocumentLink>
        <DocumentLink href={`${base}/compliance/inventory.csv`}>Model inventory (CSV)</DocumentLink>
        <DocumentLink href={`${base}/compliance/audit-log.jsonl`}>Audit log (JSON Lines)</DocumentLink>
      </p>
      <AsyncBlock state={models} what="models">
        {(items) => (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Model</th>
                  <th scope="col">Risk tier</th>
                  <th scope="col">Documents</th>
                </tr>
              </thead>
              <tbody>
                {[...items]
                  .sort((a, b) => riskOrder.indexOf(a.riskTier) - riskOrder.indexOf(b.riskTier))
                  .map((m) => (
                    <tr key={m.id} data-export-model={m.id}>
                      <th scope="row">{m.name}</th>
                      <td>{m.riskTier}</td>
                      <td className="actions">
                        <DocumentLink href={`${base}/compliance/pmm-plan/${m.id}`}>PMM plan</DocumentLink>
                        <DocumentLink href={`${base}/compliance/annex-iv/${m.id}`}>
                          Annex IV skeleton
                        </DocumentLink>
                        <DocumentLink href={`${base}/models/${m.id}/card?format=md`}>Model card</DocumentLink>
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        )}
      </AsyncBlock>
    </div>
  );
}
