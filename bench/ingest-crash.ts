// Durability at scale: several SIGKILL rounds against one data dir, 1,000-row NDJSON batches from 8
// senders; after each restart every acknowledged batch must be stored exactly once. Prints per-round
// and total figures; exits non-zero if anything acknowledged was lost, duplicated or half-stored, or if
// the audit entries do not account for exactly the stored rows.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCrashRound } from "../packages/server/src/testing/crash-round.js";

const rounds = Number(process.argv[2] ?? 5);
const dataDir = await mkdtemp(join(tmpdir(), "sextant-crash-bench-"));
let versionId: string | undefined;
let firstBatch = 0;
let acknowledgedRows = 0;
let failures = 0;
try {
  for (let round = 1; round <= rounds; round++) {
    const outcome = await runCrashRound({
      dataDir,
      rowsPerBatch: 1000,
      senders: 8,
      killAfterMs: 2000 + Math.random() * 4000,
      firstBatch,
      ...(versionId === undefined ? {} : { versionId }),
    });
    versionId = outcome.versionId;
    firstBatch = outcome.nextBatch;
    acknowledgedRows += outcome.acknowledgedRows;
    const bad =
      outcome.duplicateIds +
      outcome.lostAcknowledgedBatches.length +
      outcome.partialBatches.length +
      (outcome.auditedRows === outcome.storedRows && outcome.auditChainValid ? 0 : 1);
    failures += bad;
    console.log(
      `round ${round}: ${outcome.acknowledgedBatches} batches acknowledged (${outcome.acknowledgedRows} rows), ` +
        `${outcome.storedRows} rows stored in total, duplicates ${outcome.duplicateIds}, ` +
        `lost acknowledged ${outcome.lostAcknowledgedBatches.length}, half-stored ${outcome.partialBatches.length}, ` +
        `audited rows ${outcome.auditedRows} (chain ${outcome.auditChainValid ? "valid" : "BROKEN"}), ` +
        `${(outcome.wallMs / 1000).toFixed(1)} s`,
    );
  }
  console.log(
    `${rounds} SIGKILL rounds, ${acknowledgedRows} acknowledged rows: ${failures === 0 ? "none lost" : `${failures} problems`}`,
  );
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
process.exitCode = failures === 0 ? 0 : 1;
