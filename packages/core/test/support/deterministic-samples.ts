/**
 * Deterministic samples for unit tests, each with an exact Python twin (quoted per export) so SciPy can
 * compute the expected values on the very same data. Every formula is exact in IEEE arithmetic or
 * evaluated in the same order as in Python: changing one changes the inputs behind hard-coded SciPy values.
 */
import { toEmbeddingMatrix, type EmbeddingMatrix } from "../../src/numeric/embedding-matrix.js";
import type { SeededRandom } from "../../src/random/seeded-random.js";

const MINSTD_MODULUS = 2147483647;

/** MINSTD stream; Python: `s = s * 48271 % 2147483647; u = s / 2147483647`. */
export function generateMinstdUniforms(seed: number, count: number): number[] {
  const out: number[] = [];
  let state = seed;
  for (let i = 0; i < count; i++) {
    state = (state * 48271) % MINSTD_MODULUS;
    out.push(state / MINSTD_MODULUS);
  }
  return out;
}

/** Right-skewed values on [1, 401) with `dup` steps per unit; Python: v = floor((u·u·u·400 + 1)·dup)/dup. */
export function generateSkewedSample(seed: number, n: number, dup: number): Float64Array {
  return Float64Array.from(
    generateMinstdUniforms(seed, n),
    (u) => Math.floor((u * u * u * 400 + 1) * dup) / dup,
  );
}

/**
 * Python: `lcg = lambda n, a, b, m, scale=1.0, offset=0.0:
 * np.array([((a*i + b) % m)*scale + offset for i in range(n)])`.
 */
export function generateLcgSample(
  n: number,
  a: number,
  b: number,
  m: number,
  scale = 1,
  offset = 0,
): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => ((a * i + b) % m) * scale + offset);
}

/** ((i·p) mod q) / q: exact in IEEE arithmetic, so Python reproduces the same value bit for bit. */
function toUnit(i: number, p: number, q: number): number {
  return ((i * p) % q) / q;
}

/**
 * Triangular-shaped sample on [0, 2) + shift, floored to one decimal when `tied` (many shared values):
 * def u(i, p, q): return ((i * p) % q) / q
 * def sample(n, seed, shift=0.0): return np.array([(u(i+seed, 7919, 10007) + u(i+seed, 6007, 9973)) + shift for i in range(n)])
 * def tied(n, seed, shift=0.0): return np.floor(sample(n, seed, shift) * 10) / 10
 */
export function generateTriangularSample(size: number, seed: number, shift = 0, tied = false): Float64Array {
  const values = Float64Array.from(
    { length: size },
    (_, i) => toUnit(i + seed, 7919, 10007) + toUnit(i + seed, 6007, 9973) + shift,
  );
  return tied ? values.map((x) => Math.floor(x * 10) / 10) : values;
}

/**
 * Irregular embedding rows; Python: `lattice = lambda rows, dim, salt, shift=0.0:
 * np.array([[((r*7919 + c*104729 + salt*13) * 48271 % 10007) / 1000.0 + shift for c in range(dim)] for r in range(rows)])`.
 */
export function generateLatticeEmbedding(
  rows: number,
  dimension: number,
  salt: number,
  shift = 0,
): EmbeddingMatrix {
  return toEmbeddingMatrix(
    Array.from({ length: rows }, (_, r) =>
      Array.from(
        { length: dimension },
        (_, c) => (((r * 7919 + c * 104729 + salt * 13) * 48271) % 10007) / 1000 + shift,
      ),
    ),
  );
}

/** One standard normal draw by Box–Muller from two uniforms of `random` (consumed in this order). */
export function drawStandardNormal(random: SeededRandom): number {
  const u = 1 - random.nextFloat();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextFloat());
}
