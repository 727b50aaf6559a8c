import { describe, expect, it } from 'vitest';
import {
  argmax,
  balancedWeights,
  DEFAULT_LINEAR,
  type LinearLoss,
  scores,
  seededRandom,
  trainComplementNb,
  trainLinear,
  type TrainingSet,
} from './linear-classifier.ts';
import type { SparseVector } from './text-features.ts';

const vec = (entries: Array<[number, number]>): SparseVector => ({
  idx: Int32Array.from(entries, ([i]) => i),
  val: Float64Array.from(entries, ([, v]) => v),
});

/** Three classes, each owning one feature, with a shared noise feature; class 2 has a single example. */
function toySet(): TrainingSet {
  const x: SparseVector[] = [];
  const y: number[] = [];
  const random = seededRandom(3);
  for (let i = 0; i < 40; i++) {
    const c = i === 0 ? 2 : i % 2;
    x.push(
      vec([
        [c, 0.8 + 0.2 * random()],
        [3, 0.5 * random()],
      ]),
    );
    y.push(c);
  }
  return { x, y, classes: 3, dim: 4 };
}

const predict = (model: ReturnType<typeof trainLinear>, x: SparseVector) => argmax(scores(model, x));

describe('balancedWeights', () => {
  it('gives every class present the same total weight', () => {
    const w = balancedWeights([0, 0, 0, 1], 3);
    expect(Array.from(w)).toEqual([4 / 6, 4 / 6, 4 / 6, 2]);
  });
});

describe.each<LinearLoss>(['squared_hinge', 'logistic'])('the linear model (%s loss)', (loss) => {
  const options = { ...DEFAULT_LINEAR, loss, c: 10 };

  it('separates the classes, the single-example class too', () => {
    const set = toySet();
    const model = trainLinear(set, options);
    set.x.forEach((x, i) => expect(predict(model, x)).toBe(set.y[i]));
    expect(predict(model, vec([[2, 1]]))).toBe(2);
  });

  it('gives the same weights for the same seed and data', () => {
    const a = trainLinear(toySet(), options);
    const b = trainLinear(toySet(), options);
    expect(a.weights.map((w) => Array.from(w))).toEqual(b.weights.map((w) => Array.from(w)));
  });

  it('handles two classes as one problem and its negation', () => {
    const set: TrainingSet = { x: [vec([[0, 1]]), vec([[1, 1]])], y: [0, 1], classes: 2, dim: 2 };
    const model = trainLinear(set, options);
    expect(Array.from(model.weights[1]!)).toEqual(Array.from(model.weights[0]!, (v) => -v));
    expect(predict(model, vec([[0, 1]]))).toBe(0);
    expect(predict(model, vec([[1, 1]]))).toBe(1);
  });
});

describe('the balanced class weights', () => {
  it('keep a small class from being ignored', () => {
    // 30 examples of class 0 and 3 of class 1; a feature shared by both and one class 1 shows more often.
    const x = [
      ...Array.from({ length: 30 }, (_, i) =>
        vec([[0, 1], ...(i % 5 === 0 ? ([[1, 0.6]] as Array<[number, number]>) : [])]),
      ),
      ...Array.from({ length: 3 }, () =>
        vec([
          [0, 1],
          [1, 0.6],
        ]),
      ),
    ];
    const set: TrainingSet = { x, y: [...Array<number>(30).fill(0), 1, 1, 1], classes: 2, dim: 2 };
    const balanced = trainLinear(set, DEFAULT_LINEAR);
    expect(
      predict(
        balanced,
        vec([
          [0, 1],
          [1, 0.6],
        ]),
      ),
    ).toBe(1);
    expect(predict(balanced, vec([[0, 1]]))).toBe(0);
    const unbalanced = trainLinear(set, { ...DEFAULT_LINEAR, balanced: false });
    expect(
      predict(
        unbalanced,
        vec([
          [0, 1],
          [1, 0.6],
        ]),
      ),
    ).toBe(0);
  });
});

describe('complement naive Bayes', () => {
  it('scores each class by how unlike its complement a document is', () => {
    const set = toySet();
    const model = trainComplementNb(set);
    expect(predict(model, vec([[0, 1]]))).toBe(0);
    expect(predict(model, vec([[1, 1]]))).toBe(1);
    expect(predict(model, vec([[2, 1]]))).toBe(2);
  });
});

describe('seededRandom', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const take = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
    expect(take(7)).toEqual(take(7));
    expect(take(7)).not.toEqual(take(8));
    expect(take(7).every((v) => v >= 0 && v < 1)).toBe(true);
  });
});
