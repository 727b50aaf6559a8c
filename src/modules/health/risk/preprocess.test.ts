import { describe, expect, it } from 'vitest';
import { readColumns } from './dataset.ts';
import { columnMeans, columnNames, fitPreprocess, transform } from './preprocess.ts';

const schema = [
  { name: 'tenure', kind: 'numeric' as const },
  { name: 'plan', kind: 'categorical' as const },
];

describe('preprocessing', () => {
  it('imputes the training median, flags blanks and standardizes with training figures', () => {
    const train = readColumns([{ tenure: 1 }, { tenure: 3 }, { tenure: '' }, { tenure: 10 }], [schema[0]!]);
    const pre = fitPreprocess(train);
    const f = pre.features[0]!;
    expect(f).toMatchObject({ kind: 'numeric', median: 3, missingShare: 0.25 });
    // imputed values 1, 3, 3, 10: mean 4.25
    expect(f.kind === 'numeric' && f.mean).toBe(4.25);
    expect(columnNames(pre)).toEqual(['tenure', 'tenure (blank)']);
    const X = transform(pre, readColumns([{ tenure: '' }, { tenure: 4.25 }], [schema[0]!]));
    const sd = f.kind === 'numeric' ? f.sd : NaN;
    expect(Array.from(X.data)).toEqual([(3 - 4.25) / sd, 1, 0, 0]);
  });

  it('adds no missing indicator when training had no blanks, and still imputes a blank later', () => {
    const pre = fitPreprocess(readColumns([{ tenure: 2 }, { tenure: 4 }], [schema[0]!]));
    expect(columnNames(pre)).toEqual(['tenure']);
    expect(Array.from(transform(pre, readColumns([{ tenure: null }], [schema[0]!])).data)).toEqual([0]);
  });

  it('one-hot encodes training levels, pools rare ones into "other", and gives an unseen level all zeros', () => {
    const rows = [
      ...Array.from({ length: 150 }, () => ({ plan: 'pro' })),
      ...Array.from({ length: 49 }, () => ({ plan: 'basic' })),
      { plan: 'legacy' }, // 1 row of 200: under 1 %
    ];
    const pre = fitPreprocess(readColumns(rows, [schema[1]!]));
    expect(columnNames(pre)).toEqual(['plan=pro', 'plan=basic', 'plan=other']);
    expect(columnMeans(pre)).toEqual([0.75, 0.245, 0.005]);
    const X = transform(
      pre,
      readColumns([{ plan: 'basic' }, { plan: 'legacy' }, { plan: 'enterprise' }, { plan: null }], [schema[1]!]),
    );
    expect(Array.from(X.data)).toEqual([0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(X.owner)).toEqual([0, 0, 0]);
  });

  it('treats a blank level as a level of its own when training had it', () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({ plan: i < 5 ? null : 'pro' }));
    const pre = fitPreprocess(readColumns(rows, [schema[1]!]));
    expect(columnNames(pre)).toEqual(['plan=(blank)', 'plan=pro']);
  });

  it('fits on the given rows only', () => {
    const ds = readColumns([{ tenure: 1 }, { tenure: 2 }, { tenure: 1000 }], [schema[0]!]);
    const pre = fitPreprocess(ds, [0, 1]);
    expect(pre.features[0]).toMatchObject({ median: 1.5, mean: 1.5, sd: 0.5 });
    expect(transform(pre, ds, [2]).data[0]).toBe((1000 - 1.5) / 0.5);
  });
});
