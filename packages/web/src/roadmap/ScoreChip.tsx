/**
 * A score chip: the value of one roadmap score; clicking it opens the evidence behind it (each fact, its
 * value, what was counted, and links to the models, monitors or pages that hold the rows).
 */
import type { Evidence } from "@sextant/core";
import { useId, useState } from "react";
import { Link } from "../components/Link.js";
import { navigate } from "../routing/router.js";
import { formatEvidenceValue, resolveEvidence, type FactSources } from "./evidence-sources.js";

/** Props of ScoreChip. */
export interface ScoreChipProps {
  /** The text on the chip (a level, a score, a status). */
  readonly value: string;
  /** What the score is, for the accessible name and the panel heading. */
  readonly label: string;
  readonly evidence: readonly Evidence[];
  readonly sources: FactSources;
  /** Colour band: good, partial, poor or neutral. */
  readonly tone?: "good" | "partial" | "poor" | "neutral";
  /** Conditions still unmet for the next level, when the score has levels. */
  readonly nextLevel?: readonly { condition: string; current: string; target: string }[];
}

/** A chip that toggles its evidence panel. */
export function ScoreChip({ value, label, evidence, sources, tone = "neutral", nextLevel }: ScoreChipProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <span className="score">
      <button
        type="button"
        className={`chip chip-${tone}`}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`${label}: ${value}. Show evidence`}
        onClick={() => {
          setOpen((o) => !o);
        }}
      >
        {value}
      </button>
      {open ? (
        <EvidencePanel
          id={panelId}
          label={label}
          evidence={evidence}
          sources={sources}
          nextLevel={nextLevel ?? []}
        />
      ) : null}
    </span>
  );
}

function EvidencePanel(props: {
  readonly id: string;
  readonly label: string;
  readonly evidence: readonly Evidence[];
  readonly sources: FactSources;
  readonly nextLevel: readonly { condition: string; current: string; target: string }[];
}) {
  const items = resolveEvidence(props.evidence, props.sources);
  return (
    <div id={props.id} className="evidence-panel" role="region" aria-label={`Evidence for ${props.label}`}>
      <strong>Evidence for {props.label}</strong>
      {items.length === 0 ? <p className="muted">No facts recorded for this score.</p> : null}
      <ul>
        {items.map((item, i) => (
          <li key={`${item.fact}-${i}`} data-fact={item.fact}>
            <code>{item.fact}</code> = {formatEvidenceValue(item.value)}
            {item.source?.observed === false ? (
              <span className="badge badge-no_data">not observed</span>
            ) : null}
            {item.source === undefined ? null : <div className="muted small">{item.source.basis}</div>}
            {item.links.length === 0 ? null : (
              <div className="evidence-links">
                {item.links.map((link) =>
                  link.kind === "api" ? (
                    <a key={link.href} href={link.href} target="_blank" rel="noreferrer">
                      {link.label}
                    </a>
                  ) : link.kind === "tab" ? (
                    <a
                      key={link.href}
                      href={link.href}
                      onClick={(e) => {
                        e.preventDefault();
                        navigate(link.href, { replace: true });
                      }}
                    >
                      {link.label}
                    </a>
                  ) : (
                    <Link key={link.href} to={link.href} data-evidence-link="page">
                      {link.label}
                    </Link>
                  ),
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
      {props.nextLevel.length === 0 ? null : (
        <>
          <strong>To reach the next level</strong>
          <ul>
            {props.nextLevel.map((n) => (
              <li key={n.condition}>
                {n.condition}: now {n.current}, needs {n.target}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
