/**
 * The churn-risk model's preprocessing, fitted on training rows only and then applied to any rows: a
 * numeric attribute is imputed with its median (plus a missing indicator when training had blanks) and
 * standardized; a categorical one becomes one column per level seen in training, levels under 1 % of
 * training rows pooled into one "other" column, and a level training never saw gives all zeros. Pure.
 */
import type { Column, Dataset } from './dataset.ts';

/** Levels rarer than this share of the training rows share one "other" column. */
export const RARE_SHARE = 0.01;
/** The level a blank categorical cell counts as. */
export const BLANK_LEVEL = '(blank)';

export type FeatureSpec =
  | { attribute: string; kind: 'numeric'; median: number; mean: number; sd: number; missingShare: number }
  | { attribute: string; kind: 'categorical'; levels: string[]; shares: number[]; rare: string[]; rareShare: number };

/** JSON-serialisable: stored with a fitted model. */
export interface Preprocess {
  features: FeatureSpec[];
}

/** Rows × columns, row-major. `owner[j]` is the index in `features` of the attribute column j comes from. */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
  owner: Int32Array;
}

const allRows = (n: number) => Array.from({ length: n }, (_, i) => i);

function fitNumeric(name: string, values: Float64Array, idx: readonly number[]): FeatureSpec {
  const seen: number[] = [];
  for (const i of idx) if (!Number.isNaN(values[i]!)) seen.push(values[i]!);
  seen.sort((a, b) => a - b);
  const m = seen.length;
  const median = m === 0 ? 0 : m % 2 === 1 ? seen[(m - 1) / 2]! : (seen[m / 2 - 1]! + seen[m / 2]!) / 2;
  const missing = idx.length - m;
  let sum = median * missing;
  for (const v of seen) sum += v;
  const mean = sum / idx.length;
  let squares = (median - mean) ** 2 * missing;
  for (const v of seen) squares += (v - mean) ** 2;
  const sd = Math.sqrt(squares / idx.length);
  return {
    attribute: name,
    kind: 'numeric',
    median,
    mean,
    sd: sd > 1e-12 ? sd : 1,
    missingShare: missing / idx.length,
  };
}

function fitCategorical(name: string, values: Array<string | null>, idx: readonly number[]): FeatureSpec {
  const counts = new Map<string, number>();
  for (const i of idx) {
    const level = values[i] ?? BLANK_LEVEL;
    counts.set(level, (counts.get(level) ?? 0) + 1);
  }
  const levels: string[] = [];
  const shares: number[] = [];
  const rare: string[] = [];
  let rareCount = 0;
  // Most frequent first, ties by name, so the columns' order never depends on the rows' order.
  const ordered = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [level, count] of ordered) {
    if (count < RARE_SHARE * idx.length) {
      rare.push(level);
      rareCount += count;
    } else {
      levels.push(level);
      shares.push(count / idx.length);
    }
  }
  return { attribute: name, kind: 'categorical', levels, shares, rare, rareShare: rareCount / idx.length };
}

/** Fits the preprocessing on the rows `idx` of `ds` (all rows when left out). */
export function fitPreprocess(ds: Dataset, idx: readonly number[] = allRows(ds.n)): Preprocess {
  if (idx.length === 0) throw new RangeError('preprocessing needs at least one training row');
  return {
    features: ds.columns.map((c) =>
      c.kind === 'numeric' ? fitNumeric(c.name, c.values, idx) : fitCategorical(c.name, c.values, idx),
    ),
  };
}

/** How many matrix columns a feature takes. */
export function width(f: FeatureSpec): number {
  if (f.kind === 'numeric') return f.missingShare > 0 ? 2 : 1;
  return f.levels.length + (f.rare.length > 0 ? 1 : 0);
}

/** Readable names of the matrix columns, e.g. `tenure`, `tenure (blank)`, `contract=Two year`, `contract=other`. */
export function columnNames(pre: Preprocess): string[] {
  return pre.features.flatMap((f) => {
    if (f.kind === 'numeric') return f.missingShare > 0 ? [f.attribute, `${f.attribute} (blank)`] : [f.attribute];
    return [...f.levels.map((l) => `${f.attribute}=${l}`), ...(f.rare.length > 0 ? [`${f.attribute}=other`] : [])];
  });
}

/** Each matrix column's mean over the training rows (standardized numbers: 0; indicators: their share). */
export function columnMeans(pre: Preprocess): number[] {
  return pre.features.flatMap((f) => {
    if (f.kind === 'numeric') return f.missingShare > 0 ? [0, f.missingShare] : [0];
    return [...f.shares, ...(f.rare.length > 0 ? [f.rareShare] : [])];
  });
}

function columnFor(ds: Dataset, name: string): Column {
  const column = ds.columns.find((c) => c.name === name);
  if (!column) throw new RangeError(`the rows have no attribute "${name}"`);
  return column;
}

/** Applies the fitted preprocessing to the rows `idx` of `ds` (all rows when left out). */
export function transform(pre: Preprocess, ds: Dataset, idx: readonly number[] = allRows(ds.n)): Matrix {
  const cols = pre.features.reduce((s, f) => s + width(f), 0);
  const data = new Float64Array(idx.length * cols);
  const owner = new Int32Array(cols);
  let at = 0;
  pre.features.forEach((f, fi) => {
    const column = columnFor(ds, f.attribute);
    owner.fill(fi, at, at + width(f));
    if (f.kind === 'numeric') {
      if (column.kind !== 'numeric') throw new RangeError(`attribute "${f.attribute}" was numeric when fitted`);
      idx.forEach((row, r) => {
        const v = column.values[row]!;
        const missing = Number.isNaN(v);
        data[r * cols + at] = ((missing ? f.median : v) - f.mean) / f.sd;
        if (f.missingShare > 0 && missing) data[r * cols + at + 1] = 1;
      });
    } else {
      if (column.kind !== 'categorical') throw new RangeError(`attribute "${f.attribute}" was categorical when fitted`);
      const slot = new Map<string, number>(f.levels.map((l, k) => [l, at + k]));
      for (const l of f.rare) slot.set(l, at + f.levels.length);
      idx.forEach((row, r) => {
        const j = slot.get(column.values[row] ?? BLANK_LEVEL);
        if (j !== undefined) data[r * cols + j] = 1;
      });
    }
    at += width(f);
  });
  return { rows: idx.length, cols, data, owner };
}
