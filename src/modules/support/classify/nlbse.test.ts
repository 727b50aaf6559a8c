/**
 * The classifier on real issue reports: the NLBSE'24 issue classification training set (1,500 GitHub
 * issues of five projects, 500 each of bug / feature / question), read in place from the shared data.
 * Labels map bug → bug, feature → feature_request, question → how_to.
 *
 * Measured with 5-fold CV, fold seeds 1–3: linear SVM macro F1 0.771–0.775 (the default); logistic
 * regression 0.772; complement naive Bayes 0.67–0.70. The floor, 0.75, sits below the seeds' spread and
 * above what a real regression gives (unigrams only: 0.738; complement naive Bayes: 0.68).
 */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedFile } from '../../../../test/helpers/shared-data.ts';
import { ticketText } from './categories.ts';
import { crossValidate } from './cross-validate.ts';

const file = sharedFile('support', 'nlbse24-issues', 'issues_train.csv');
const present = hasSharedData && fs.existsSync(file);
if (!present) console.warn(`${file} is absent: the NLBSE issue classification test is skipped`);

const LABELS: Record<string, string> = { bug: 'bug', feature: 'feature_request', question: 'how_to' };

describe.skipIf(!present)('the NLBSE issue reports', () => {
  it('are classified with a 5-fold cross-validated accuracy and macro F1 of 0.75 or more', () => {
    const rows = parse(fs.readFileSync(file), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(1500);
    const items = rows.map((r) => ({ text: ticketText(r.title, r.body), label: LABELS[r.label!] ?? null }));
    const cv = crossValidate(items, { folds: 5, seed: 1 });
    const perClass = Object.entries(cv.per_class).map(([label, m]) => `${label} ${m.f1.toFixed(3)}`);
    console.log(
      `NLBSE 5-fold CV: n ${cv.n}, accuracy ${cv.accuracy.toFixed(3)}, macro F1 ${cv.macro_f1.toFixed(3)} (${perClass.join(', ')})`,
    );
    expect(cv.n).toBe(1500);
    expect(cv.accuracy).toBeGreaterThanOrEqual(0.75);
    expect(cv.macro_f1).toBeGreaterThanOrEqual(0.75);
    for (const m of Object.values(cv.per_class)) expect(m.f1).toBeGreaterThanOrEqual(0.7);
  }, 300_000);
});
