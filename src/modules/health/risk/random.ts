/**
 * The seeded pseudo-random numbers the churn-risk model draws with (fold shuffles, row subsamples,
 * permutations), so a backtest run twice on the same rows gives the same figures. Pure.
 */

/** A float in [0, 1) from a 32-bit seed (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shuffles `items` in place (Fisher–Yates) and returns it. */
export function shuffleInPlace<T>(items: T[], next: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const held = items[i] as T;
    items[i] = items[j] as T;
    items[j] = held;
  }
  return items;
}

/**
 * Stratified folds: positives and negatives shuffled apart and dealt round-robin, so every fold holds
 * about the same share of churned accounts. Returns each fold's row indices (ascending).
 */
export function stratifiedFolds(y: ArrayLike<number>, rows: ArrayLike<number>, k: number, seed: number): number[][] {
  const next = seededRandom(seed);
  const positives: number[] = [];
  const negatives: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as number;
    (y[row] === 1 ? positives : negatives).push(row);
  }
  const folds: number[][] = Array.from({ length: k }, () => []);
  let at = 0;
  for (const group of [shuffleInPlace(positives, next), shuffleInPlace(negatives, next)]) {
    for (const row of group) folds[at++ % k]!.push(row);
  }
  return folds.map((f) => f.sort((a, b) => a - b));
}

/** The rows of `all` that are not in `fold` (both ascending). */
export function complement(all: ArrayLike<number>, fold: readonly number[]): number[] {
  const held = new Set(fold);
  const out: number[] = [];
  for (let i = 0; i < all.length; i++) if (!held.has(all[i] as number)) out.push(all[i] as number);
  return out;
}
