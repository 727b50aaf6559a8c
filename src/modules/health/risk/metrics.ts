/**
 * How well churn-risk probabilities rank and match what happened: AUC, calibration, lift in the top
 * decile and log-loss. `y` holds 1 for a churned account, 0 otherwise. Pure.
 */

export interface CalibrationBin {
  /** 1..10: bin k holds predictions in [(k-1)/10, k/10), the last one including 1. */
  bin: number;
  /** Mean predicted probability in the bin. */
  predicted: number;
  /** Observed churn rate in the bin. */
  observed: number;
  count: number;
}

/** Area under the ROC curve from ranks (ties share their average rank); NaN without both outcomes. */
export function auc(scores: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (scores[a] as number) - (scores[b] as number));
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < n;) {
    let end = start;
    while (end + 1 < n && scores[order[end + 1]!] === scores[order[start]!]) end++;
    const rank = (start + end) / 2 + 1;
    for (let i = start; i <= end; i++) {
      if (y[order[i]!] === 1) {
        positives++;
        rankSum += rank;
      }
    }
    start = end + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Ten equal-width bins of predicted probability; bins no prediction fell in are left out. */
export function calibration(probabilities: ArrayLike<number>, y: ArrayLike<number>): CalibrationBin[] {
  const sums = new Float64Array(10);
  const hits = new Float64Array(10);
  const counts = new Float64Array(10);
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i] as number;
    const b = Math.min(9, Math.max(0, Math.floor(p * 10)));
    sums[b]! += p;
    hits[b]! += y[i] === 1 ? 1 : 0;
    counts[b]! += 1;
  }
  const bins: CalibrationBin[] = [];
  for (let b = 0; b < 10; b++) {
    const count = counts[b]!;
    if (count > 0) bins.push({ bin: b + 1, predicted: sums[b]! / count, observed: hits[b]! / count, count });
  }
  return bins;
}

/**
 * Churn rate among the riskiest tenth (⌈n/10⌉ rows) over the overall rate. Rows tied with the last one
 * taken count in proportion, so the order of tied rows never changes the figure.
 */
export function liftTopDecile(scores: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = scores.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += y[i] === 1 ? 1 : 0;
  if (n === 0 || positives === 0) return NaN;
  const take = Math.ceil(n / 10);
  const sorted = Array.from(scores).sort((a, b) => b - a);
  const cut = sorted[take - 1]!;
  let above = 0;
  let abovePositives = 0;
  let tied = 0;
  let tiedPositives = 0;
  for (let i = 0; i < n; i++) {
    const s = scores[i] as number;
    const hit = y[i] === 1 ? 1 : 0;
    if (s > cut) {
      above++;
      abovePositives += hit;
    } else if (s === cut) {
      tied++;
      tiedPositives += hit;
    }
  }
  const topPositives = abovePositives + ((take - above) * tiedPositives) / tied;
  return topPositives / take / (positives / n);
}

/** Mean negative log-likelihood, probabilities clipped to [1e-15, 1 − 1e-15]. */
export function logLoss(probabilities: ArrayLike<number>, y: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const p = Math.min(1 - 1e-15, Math.max(1e-15, probabilities[i] as number));
    sum -= y[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return sum / probabilities.length;
}
