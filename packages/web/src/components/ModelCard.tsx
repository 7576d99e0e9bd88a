/** The model card: purpose, ownership, risk, versions and inputs; downloadable as Markdown. */
import type { ModelPageData } from "../api/load-model.js";

/** The card as Markdown. */
export function toModelCardMarkdown(data: ModelPageData): string {
  const m = data.model;
  return [
    `# Model card: ${m.name}`,
    "",
    m.description === "" ? "_No description._" : m.description,
    "",
    `- Task: ${m.task}`,
    `- Risk tier: ${m.riskTier}`,
    `- Owner: ${m.owner.name} (${m.owner.kind})`,
    `- Business owner: ${m.businessOwner?.name ?? "not set"}`,
    `- Stakeholders: ${m.stakeholders.map((s) => `${s.name} (${s.role})`).join(", ") || "none"}`,
    `- Tags: ${m.tags.join(", ") || "none"}`,
    `- Versions: ${data.versions.map((v) => `${v.name} (${v.stage})`).join(", ") || "none"}`,
    "",
    "## Inputs",
    "",
    ...data.columns.map((c) => `- ${c.name}: ${c.role}, ${c.type}`),
    "",
    `## Monitoring`,
    "",
    ...(data.monitors ?? []).map((mon) => `- ${mon.name}: ${mon.kind} ${mon.metric}, ${mon.window.kind}`),
    "",
  ].join("\n");
}

/** Shows the card and a download button. */
export function ModelCard({ data }: { readonly data: ModelPageData }) {
  const download = (): void => {
    const url = URL.createObjectURL(new Blob([toModelCardMarkdown(data)], { type: "text/markdown" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `${data.model.name}-model-card.md`;
    a.click();
    URL.revokeObjectURL(url);
  };
  const m = data.model;
  return (
    <div className="card">
      <dl className="facts">
        <dt>Description</dt>
        <dd>{m.description === "" ? "Not written yet: add one with PATCH /models/{id}." : m.description}</dd>
        <dt>Risk tier</dt>
        <dd>{m.riskTier}</dd>
        <dt>Owner</dt>
        <dd>{m.owner.name}</dd>
        <dt>Business owner</dt>
        <dd>{m.businessOwner?.name ?? "not set"}</dd>
        <dt>Stakeholders</dt>
        <dd>{m.stakeholders.map((s) => `${s.name} (${s.role.replace("_", " ")})`).join(", ") || "none"}</dd>
        <dt>Inputs</dt>
        <dd>
          {data.columns
            .filter((c) => c.role === "feature")
            .map((c) => c.name)
            .join(", ") || "no schema yet"}
        </dd>
      </dl>
      <button type="button" onClick={download}>
        Download model card (Markdown)
      </button>
    </div>
  );
}
