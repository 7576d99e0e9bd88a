/** A small seeded generator for demo data (mulberry32 plus Box-Muller normals); not for statistics. */

/** Deterministic random draws. */
export interface DemoRandom {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Normal with the given mean and standard deviation. */
  normal(mean: number, sd: number): number;
  /** One item, chosen with the given weights (same length as items). */
  pick<T>(items: readonly T[], weights: readonly number[]): T;
}

/** Creates a generator from a 32-bit seed. */
export function createDemoRandom(seed: number): DemoRandom {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    uniform,
    normal(mean, sd) {
      const u = Math.max(uniform(), 1e-12);
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
    },
    pick(items, weights) {
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      let draw = uniform() * total;
      for (let index = 0; index < items.length; index += 1) {
        draw -= weights[index]!;
        if (draw < 0) return items[index]!;
      }
      return items[items.length - 1]!;
    },
  };
}
