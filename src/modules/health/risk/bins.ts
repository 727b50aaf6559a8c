/**
 * The boosted trees' view of a matrix: every column cut once into at most 255 quantile bins, and each row's
 * entries off their column's most common bin listed apart (a one-hot column is mostly 0), so a histogram
 * costs a row's few listed entries rather than all its columns. Pure.
 */
import type { Matrix } from './preprocess.ts';

export interface Binned {
  rows: number;
  cols: number;
  /** Dense bins, row-major. */
  bins: Uint8Array;
  /** The most bins any column has. */
  binCount: number;
  /** Per column, ascending upper edges: bin b holds edges[b-1] < x ≤ edges[b]. */
  edges: Float64Array[];
  /** Per column, its most common bin; each row's other entries listed in `start`/`entryCol`/`entryBin`. */
  common: Uint8Array;
  start: Int32Array;
  entryCol: Int32Array;
  entryBin: Uint8Array;
}

function cutsOf(sorted: Float64Array, maxBins: number): Float64Array {
  const distinct: number[] = [];
  for (const v of sorted) if (distinct.length === 0 || v !== distinct[distinct.length - 1]) distinct.push(v);
  const cuts: number[] = [];
  if (distinct.length <= maxBins) {
    for (let k = 1; k < distinct.length; k++) cuts.push((distinct[k - 1]! + distinct[k]!) / 2);
  } else {
    for (let q = 1; q < maxBins; q++) {
      const v = sorted[Math.floor((q * sorted.length) / maxBins)]!;
      if (v < distinct[distinct.length - 1]! && (cuts.length === 0 || v > cuts[cuts.length - 1]!)) cuts.push(v);
    }
  }
  return Float64Array.from(cuts);
}

/** Quantile bins of each column of X (midpoints between values when a column has few distinct ones). */
export function binMatrix(X: Matrix, maxBins: number): Binned {
  const { rows, cols } = X;
  const edges: Float64Array[] = [];
  const bins = new Uint8Array(rows * cols);
  const common = new Uint8Array(cols);
  const values = new Float64Array(rows);
  for (let j = 0; j < cols; j++) {
    for (let i = 0; i < rows; i++) values[i] = X.data[i * cols + j]!;
    const e = cutsOf(Float64Array.from(values).sort(), maxBins);
    edges.push(e);
    const counts = new Int32Array(e.length + 1);
    for (let i = 0; i < rows; i++) {
      let lo = 0;
      let hi = e.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (values[i]! <= e[mid]!) hi = mid;
        else lo = mid + 1;
      }
      bins[i * cols + j] = lo;
      counts[lo]!++;
    }
    common[j] = counts.indexOf(Math.max(...counts));
  }
  const start = new Int32Array(rows + 1);
  for (let i = 0; i < rows; i++) {
    let m = 0;
    for (let j = 0; j < cols; j++) if (bins[i * cols + j] !== common[j]) m++;
    start[i + 1] = start[i]! + m;
  }
  const entryCol = new Int32Array(start[rows]!);
  const entryBin = new Uint8Array(start[rows]!);
  for (let i = 0, at = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const b = bins[i * cols + j]!;
      if (b === common[j]) continue;
      entryCol[at] = j;
      entryBin[at++] = b;
    }
  }
  const binCount = edges.reduce((m, e) => Math.max(m, e.length + 1), 1);
  return { rows, cols, bins, binCount, edges, common, start, entryCol, entryBin };
}
