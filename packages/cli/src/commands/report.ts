/**
 * `sextant report`: drift, quality, performance and fairness of a current file against a reference
 * file, written as HTML, JSON and/or Markdown. Returns the exit code; never calls `process.exit`.
 */
import { exitCodes } from "../exit-codes.js";
import { parseFlags, reportOptions, toReportInvocation } from "../report-args.js";
import { runReport, type CliOutput } from "../report-run.js";

/** Help text of `sextant report`. */
export const reportUsage = `Usage: sextant report --reference FILE --current FILE [options]

Inputs
  -r, --reference FILE        reference data (CSV, Parquet or JSON Lines)
  -c, --current FILE          current data
      --format csv|parquet|jsonl   when the extension does not tell
      --schema FILE           column kinds and roles (JSON or YAML, as --save-schema writes)
      --column-type COL=KIND  numeric | categorical | text | embedding (repeatable)
      --save-schema FILE      write the schema used (inferred + overrides)
      --strict                refuse files whose columns differ
      --allow-type-errors     count text in numeric columns as missing instead of failing
Roles
      --target COL  --prediction COL  --prediction-proba COL[,COL...]  --id COL  --timestamp COL
      --segment COL (repeatable)      --protected COL (repeatable)
Drift
      --drift-policy auto|sensitive   (default auto = Evidently's defaults)
      --drift-method COL=ID           ks, wasserstein_norm, psi, kl, jensenshannon, hellinger, chisquare,
                                      chi2_contingency, ztest, fisher, anderson, cvm, energy, mannwhitney,
                                      ttest, mmd, centroid_distance
      --threshold VALUE | COL=VALUE | kind:numeric=VALUE
      --correction none|bonferroni|benjamini_hochberg   (default: none; bonferroni for sensitive)
      --drift-share X                 dataset drift when this share of columns drifts (default 0.5)
Outputs (default: --html sextant-report.html)
      --html FILE  --json FILE  --markdown FILE   (FILE "-" = stdout)
  -q, --quiet                 no schema listing, no progress bar
Exit codes: 0 ok, 2 usage error, 3 input error, 4 internal error`;

/** Runs `sextant report` with its arguments. */
export async function runReportCommand(args: readonly string[], out: CliOutput): Promise<number> {
  const values = parseFlags(args, reportOptions);
  if (values.help === true) {
    out.stdout(`${reportUsage}\n`);
    return exitCodes.ok;
  }
  await runReport(toReportInvocation(values), out, { defaultHtml: "sextant-report.html" });
  return exitCodes.ok;
}
