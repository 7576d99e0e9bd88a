/**
 * Benchmark of issue 3: whole-process wall time of `sextant report --json` on the 15-column peer data
 * (median of 5 runs) at 10k, 100k and 1M rows per side, with peak RSS, against the peers' figures.
 * The 1M set is generated from the peer generator's spec.json inside DuckDB (hash-based uniforms, the
 * same distributions and injected drifts; not NumPy's exact stream) into bench/.data/ (git-ignored).
 * It runs the shipped command (the launcher packages/cli/bin/sextant, which starts Node on the esbuild
 * bundle packages/cli/dist/sextant.js; SEXTANT_BIN overrides it) and prints the load average around each
 * size, since the machine is shared. Run: `npm run build && npx tsx bench/report.ts [--runs 5]
 * [--sizes 10000,100000,1000000]`.
 */
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generatePeerDriftData } from "../packages/server/src/testing/peer-drift-data.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const peerDir = join(root, "..", "shared", "bench-data", "drift-15col");
const dataDir = join(root, "bench", ".data", "drift-15col");
// Peer figures quoted in issue 3 (same data, same machine): wall seconds at 10k / 100k / 1M.
const peers: Record<string, readonly [number, number, number]> = {
  "Evidently 0.7.15": [1.33, 6.0, 71.9],
  "NannyML 0.13": [0.25, 1.4, 14.1],
  "SciPy by hand": [0.05, 0.52, 3.9],
};
const goals: readonly [number, number, number] = [0.3, 0.4, 1.5];

function generate(rows: number): Promise<string> {
  return generatePeerDriftData({
    rows,
    dir: join(dataDir, String(rows)),
    specPath: join(peerDir, "100000", "spec.json"),
  });
}

const bin = process.env.SEXTANT_BIN ?? join(root, "packages", "cli", "bin", "sextant");

function measure(dir: string, runs: number): { wall: number; walls: number[]; rssMb: number } {
  const args = `report -q -r ${dir}/reference.parquet -c ${dir}/current.parquet --target target --prediction prediction --prediction-proba prediction_proba --json /tmp/sextant-bench-report.json`;
  const walls: number[] = [];
  let rss = 0;
  for (let r = 0; r < runs; r++) {
    const result = spawnSync("/usr/bin/time", ["-f", "%e %M", "sh", "-c", `${bin} ${args}`], {
      encoding: "utf8",
    });
    if (result.status !== 0) throw new Error(`sextant failed: ${result.stderr}`);
    const [wall, kb] = result.stderr.trim().split("\n").pop()!.split(" ").map(Number);
    walls.push(wall!);
    rss = Math.max(rss, kb! / 1024);
  }
  const sorted = [...walls].sort((a, b) => a - b);
  return { wall: sorted[Math.floor(runs / 2)]!, walls, rssMb: rss };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const runs = Number(argv[argv.indexOf("--runs") + 1] ?? 5) || 5;
  const sizes = (argv.includes("--sizes") ? argv[argv.indexOf("--sizes") + 1]! : "10000,100000,1000000")
    .split(",")
    .map(Number);
  console.log(`sextant report --json, 15-column peer data, median of ${runs} runs (wall s, peak RSS MB)`);
  // Node reads this CA bundle at every process start (about 40 ms here); the launcher leaves it out for
  // `report`, a direct `node …/sextant.js` (SEXTANT_BIN) does not (docs/decisions/0008, "Launcher").
  if (process.env.NODE_EXTRA_CA_CERTS !== undefined)
    console.log(`note: NODE_EXTRA_CA_CERTS is set; running ${bin}`);
  for (const rows of sizes) {
    const index = [10_000, 100_000, 1_000_000].indexOf(rows);
    const dir = rows === 1_000_000 ? await generate(rows) : join(peerDir, String(rows));
    const loadBefore = loadavg()[0]!;
    const { wall, walls, rssMb } = measure(dir, runs);
    const load = `load ${loadBefore.toFixed(2)} -> ${loadavg()[0]!.toFixed(2)}`;
    const ratios = Object.entries(peers)
      .map(([name, t]) => `${name} ${(t[index]! / wall).toFixed(1)}x`)
      .join(", ");
    console.log(
      `${String(rows).padStart(8)} rows: ${wall.toFixed(2)} s (goal <= ${goals[index]!} s; runs ${walls.map((w) => w.toFixed(2)).join(" ")}; ${load}), peak ${rssMb.toFixed(0)} MB; faster than ${ratios}`,
    );
  }
}

await main();
