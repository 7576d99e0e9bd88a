// Shared by the statistics micro-benchmarks: seeded normal samples and the median of repeated timings.

/** Seeded standard normal sample (mulberry32 + Box-Muller), shifted by `shift`. */
export function generateNormalSample(size: number, seed: number, shift: number): Float64Array {
  let state = seed >>> 0;
  const nextUnit = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 2 ** 32;
  };
  return Float64Array.from(
    { length: size },
    () => Math.sqrt(-2 * Math.log(nextUnit())) * Math.cos(2 * Math.PI * nextUnit()) + shift,
  );
}

/** Median wall time in ms of `runs` calls after one warm-up call, and every run's time in call order. */
export function measureMedianMs(run: () => unknown, runs = 5): { medianMs: number; runsMs: number[] } {
  run();
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    run();
    runsMs.push(performance.now() - start);
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(runs / 2)]!, runsMs };
}
