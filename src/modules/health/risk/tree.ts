/**
 * One regression tree of the boosted churn-risk model, grown level by level on histograms of binned
 * columns (`bins.ts`): of two sibling nodes only the smaller one's histogram is summed, the other being
 * its parent's minus it, and a split search costs bins, not rows. Pure.
 */
import type { Binned } from './bins.ts';
import type { Matrix } from './preprocess.ts';

/**
 * A tree of fixed depth in heap order (children of node k at 2k+1 and 2k+2): `feature[k]` is −1 for a
 * leaf, else a row goes left when `x[feature] ≤ threshold`. Values already carry the learning rate.
 */
export interface Tree {
  feature: number[];
  threshold: number[];
  value: number[];
}

export interface GrowOptions {
  depth: number;
  learningRate: number;
  /** L2 penalty on leaf values. */
  l2: number;
  /** Each side of a split needs at least this sum of hessians (about rows × p(1−p)). */
  minChildHessian: number;
}

/** Histograms (gradient, hessian per column × bin) of the sample rows in the nodes `wanted` (heap index → slot). */
function histograms(
  d: Binned,
  sample: Int32Array,
  node: Int32Array,
  wanted: Int32Array,
  count: number,
  g: Float64Array,
  h: Float64Array,
  totalsOnly: boolean,
) {
  const B = d.binCount;
  const out = Array.from({ length: count }, () => new Float64Array(totalsOnly ? 0 : d.cols * B * 2));
  const totals = new Float64Array(count * 2);
  for (let r = 0; r < sample.length; r++) {
    const s = wanted[node[r]!]!;
    if (s < 0) continue;
    const i = sample[r]!;
    const gi = g[i]!;
    const hi = h[i]!;
    totals[2 * s]! += gi;
    totals[2 * s + 1]! += hi;
    if (totalsOnly) continue;
    const hist = out[s]!;
    for (let e = d.start[i]!; e < d.start[i + 1]!; e++) {
      const at = 2 * (d.entryCol[e]! * B + d.entryBin[e]!);
      hist[at]! += gi;
      hist[at + 1]! += hi;
    }
  }
  // The common bin holds what the listed entries leave of the node's totals.
  out.forEach((hist, s) => {
    if (totalsOnly) return;
    for (let j = 0; j < d.cols; j++) {
      let G = totals[2 * s]!;
      let H = totals[2 * s + 1]!;
      for (let b = 0; b < B; b++) {
        G -= hist[2 * (j * B + b)]!;
        H -= hist[2 * (j * B + b) + 1]!;
      }
      hist[2 * (j * B + d.common[j]!)]! += G;
      hist[2 * (j * B + d.common[j]!) + 1]! += H;
    }
  });
  return { out, totals };
}

/** The best split of a node from its histogram: [column, bin], column −1 when no split gains. */
function bestSplit(d: Binned, hist: Float64Array, G: number, H: number, o: GrowOptions): [number, number] {
  const B = d.binCount;
  const parent = (G * G) / (H + o.l2);
  let best: [number, number] = [-1, 0];
  let bestGain = 1e-9;
  for (let j = 0; j < d.cols; j++) {
    let GL = 0;
    let HL = 0;
    for (let b = 0; b < d.edges[j]!.length; b++) {
      GL += hist[2 * (j * B + b)]!;
      HL += hist[2 * (j * B + b) + 1]!;
      const HR = H - HL;
      if (HL < o.minChildHessian || HR < o.minChildHessian) continue;
      const gain = (GL * GL) / (HL + o.l2) + ((G - GL) * (G - GL)) / (HR + o.l2) - parent;
      if (gain > bestGain) {
        bestGain = gain;
        best = [j, b];
      }
    }
  }
  return best;
}

/**
 * Grows one tree on the rows `sample` from gradients g and hessians h of the log-loss, and adds its
 * output for every row of `d` to `scores`.
 */
export function growTree(
  d: Binned,
  sample: Int32Array,
  g: Float64Array,
  h: Float64Array,
  o: GrowOptions,
  scores: Float64Array,
): Tree {
  const size = 2 ** (o.depth + 1) - 1;
  const tree: Tree = {
    feature: new Array(size).fill(-1),
    threshold: new Array(size).fill(0),
    value: new Array(size).fill(0),
  };
  const splitBin = new Int32Array(size);
  const node = new Int32Array(sample.length);
  const wanted = new Int32Array(size).fill(-1);
  wanted[0] = 0;
  const root = histograms(d, sample, node, wanted, 1, g, h, o.depth === 0);
  let level = new Map([[0, { hist: root.out[0]!, G: root.totals[0]!, H: root.totals[1]! }]]);
  for (let depth = 0; level.size > 0; depth++) {
    const next: typeof level = new Map();
    const sizes = new Int32Array(size);
    const splits: number[] = [];
    for (const [k, n] of level) {
      const [f, b] = depth < o.depth ? bestSplit(d, n.hist, n.G, n.H, o) : [-1, 0];
      if (f < 0) tree.value[k] = (-n.G / (n.H + o.l2)) * o.learningRate;
      else {
        tree.feature[k] = f;
        tree.threshold[k] = d.edges[f]![b]!;
        splitBin[k] = b;
        splits.push(k);
      }
    }
    if (splits.length === 0) break;
    const first = 2 ** depth - 1; // nodes of this level: first … 2·first
    for (let r = 0; r < sample.length; r++) {
      const k = node[r]!;
      if (k < first || tree.feature[k]! < 0) continue;
      node[r] = d.bins[sample[r]! * d.cols + tree.feature[k]!]! <= splitBin[k]! ? 2 * k + 1 : 2 * k + 2;
      sizes[node[r]!]!++;
    }
    wanted.fill(-1);
    const small = splits.map((k) => (sizes[2 * k + 1]! <= sizes[2 * k + 2]! ? 2 * k + 1 : 2 * k + 2));
    small.forEach((c, s) => (wanted[c] = s));
    const built = histograms(d, sample, node, wanted, small.length, g, h, depth + 1 === o.depth);
    splits.forEach((k, s) => {
      const parent = level.get(k)!;
      const c = small[s]!;
      const sibling = c % 2 === 1 ? c + 1 : c - 1;
      const hist = built.out[s]!;
      const G = built.totals[2 * s]!;
      const H = built.totals[2 * s + 1]!;
      next.set(c, { hist, G, H });
      const rest = depth + 1 === o.depth ? hist : parent.hist.map((v, i) => v - hist[i]!);
      next.set(sibling, { hist: rest, G: parent.G - G, H: parent.H - H });
    });
    level = next;
  }
  for (let i = 0; i < d.rows; i++) {
    let k = 0;
    while (tree.feature[k]! >= 0) k = d.bins[i * d.cols + tree.feature[k]!]! <= splitBin[k]! ? 2 * k + 1 : 2 * k + 2;
    scores[i]! += tree.value[k]!;
  }
  return tree;
}

/** A tree's output for row i of X. */
export function treeOutput(tree: Tree, X: Matrix, i: number): number {
  let k = 0;
  const base = i * X.cols;
  while (tree.feature[k]! >= 0) k = X.data[base + tree.feature[k]!]! <= tree.threshold[k]! ? 2 * k + 1 : 2 * k + 2;
  return tree.value[k]!;
}
