/**
 * Permutation importance at the level of an account attribute: how much the held-out AUC falls when
 * one attribute's values are shuffled among the rows (all its one-hot columns moved together, so a
 * categorical attribute counts once). Preprocessing works row by row, so shuffling its columns is the
 * same as shuffling the attribute's raw values. Pure.
 */
import { auc } from './metrics.ts';
import { predictLogits, type FittedModel } from './model.ts';
import type { Matrix } from './preprocess.ts';
import { seededRandom, shuffleInPlace } from './random.ts';

/** AUC drop per attribute index (as in `X.owner`), averaged over `repeats` shuffles. */
export function permutationImportance(
  model: FittedModel,
  X: Matrix,
  y: ArrayLike<number>,
  attributes: number,
  seed: number,
  repeats = 3,
): Float64Array {
  const base = auc(predictLogits(model, X), y);
  const drops = new Float64Array(attributes);
  if (Number.isNaN(base)) return drops;
  const next = seededRandom(seed);
  const order = Array.from({ length: X.rows }, (_, i) => i);
  for (let a = 0; a < attributes; a++) {
    const columns: number[] = [];
    X.owner.forEach((o, j) => o === a && columns.push(j));
    if (columns.length === 0) continue;
    for (let r = 0; r < repeats; r++) {
      shuffleInPlace(order, next);
      const data = Float64Array.from(X.data);
      for (let i = 0; i < X.rows; i++) {
        for (const j of columns) data[i * X.cols + j] = X.data[order[i]! * X.cols + j]!;
      }
      drops[a]! += (base - auc(predictLogits(model, { ...X, data }), y)) / repeats;
    }
  }
  return drops;
}
