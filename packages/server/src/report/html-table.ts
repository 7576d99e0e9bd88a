/**
 * Sortable HTML tables for the report: every cell carries its sort key (`data-sort`), the page's small
 * inline script sorts on header click. Cells are given as already escaped HTML plus an optional key.
 */
import { escapeHtml } from "./html-format.js";

/** One cell: display HTML and the value it sorts by. */
export interface TableCell {
  readonly html: string;
  readonly sort?: string | number;
}

/** A cell showing plain text. */
export function textCell(text: string, sort?: string | number): TableCell {
  return { html: escapeHtml(text), sort: sort ?? text };
}

/** Renders a sortable table with a test id. */
export function renderTable(input: {
  readonly id: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly TableCell[])[];
  readonly rowClass?: (index: number) => string;
}): string {
  const head = input.headers.map((h, i) => `<th data-col="${i}" tabindex="0">${escapeHtml(h)}</th>`).join("");
  const body = input.rows
    .map((row, r) => {
      const cells = row
        .map(
          (c) =>
            `<td${c.sort === undefined ? "" : ` data-sort="${escapeHtml(String(c.sort))}"`}>${c.html}</td>`,
        )
        .join("");
      const cls = input.rowClass?.(r) ?? "";
      return `<tr${cls === "" ? "" : ` class="${cls}"`}>${cells}</tr>`;
    })
    .join("");
  return `<table class="sortable" data-testid="${escapeHtml(input.id)}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
