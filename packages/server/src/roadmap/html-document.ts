/**
 * The shell of Sextant's self-contained HTML exports: escaping, and one page with inline, print-friendly
 * CSS and no scripts or external assets, so a file opens offline and in air-gapped installs.
 */

const css = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1b1f24;max-width:1100px;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.05rem;margin-top:1.4rem}
table{border-collapse:collapse;width:100%;margin:.6rem 0;font-size:13px}
th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}
.muted{color:#57606a}.chip{display:inline-block;border-radius:1rem;padding:0 .5rem;background:#eaeef2;font-weight:600}
.pass{background:#dafbe1}.fail{background:#ffebe9}.na{background:#eaeef2}
.ev{font-size:12px;color:#57606a}
pre{background:#f6f8fa;padding:.6rem;overflow:auto;font-size:12px;white-space:pre-wrap}
a{color:#0969da}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}table,pre{break-inside:avoid}a{color:inherit}}
`;

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** One complete HTML document with the inline stylesheet. */
export function toHtmlDocument(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
