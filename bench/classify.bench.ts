/**
 * The ticket classifier: training on every labelled ticket, 5-fold cross-validation (five more fits) and
 * labelling, on the NLBSE'24 issue reports (1,500 real GitHub issues, long; skipped when the shared data
 * is absent) and on 20,000 synthetic help-desk tickets in six categories of unequal size. Baseline in the
 * same run: vectorising alone (terms counted, vocabulary and IDF fitted, every text turned into its vector).
 * Prints wall and CPU time, each step's ratio to the baseline, and the CV figures.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parse } from 'csv-parse/sync';
import { type LabelledText, ticketText } from '../src/modules/support/classify/categories.ts';
import { classify, trainClassifier } from '../src/modules/support/classify/classifier.ts';
import { type CrossValidation, crossValidate } from '../src/modules/support/classify/cross-validate.ts';
import { syntheticTickets } from '../src/modules/support/classify/fixtures/synthetic-tickets.ts';
import { countTerms, fitVocabulary, Lexicon, vectorise } from '../src/modules/support/classify/text-features.ts';
import { hasSharedData, sharedFile } from '../test/helpers/shared-data.ts';
import { fmt } from './lib.ts';

interface Timing {
  ms: number;
  cpuMs: number;
}

function time<T>(work: () => T): Timing & { value: T } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = work();
  const used = process.cpuUsage(cpu);
  return { value, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

function vectoriseAll(items: readonly LabelledText[]): number {
  const lexicon = new Lexicon();
  const docs = items.map((i) => countTerms(i.text, lexicon));
  const vocabulary = fitVocabulary(docs, lexicon);
  return docs.reduce((nnz, d) => nnz + vectorise(d, vocabulary).idx.length, 0);
}

const median = (xs: Timing[]): Timing => {
  const sorted = [...xs].sort((a, b) => a.ms - b.ms);
  return sorted[Math.floor(sorted.length / 2)]!;
};

function measure(name: string, items: LabelledText[], rounds: number): void {
  vectoriseAll(items.slice(0, 200)); // warm the JIT before anything counts
  const baseline: Timing[] = [];
  const train: Timing[] = [];
  const cv: Array<Timing & { value: CrossValidation }> = [];
  let nnz = 0;
  // Rounds interleave the steps, so a busy moment on a shared machine lands on all of them, not on one.
  for (let round = 0; round < rounds; round++) {
    const b = time(() => vectoriseAll(items));
    nnz = b.value;
    baseline.push(b);
    train.push(time(() => trainClassifier(items)));
    cv.push(time(() => crossValidate(items, { folds: 5, seed: 1 })));
  }
  const model = trainClassifier(items);
  const labelling = time(() => items.forEach((i) => classify(model, i.text)));
  const base = median(baseline);
  const figures = cv[0]!.value;
  const row = (step: string, t: Timing, extra = '') =>
    console.log(
      `  ${step.padEnd(30)} ${fmt(t.ms).padStart(8)} ms  CPU ${fmt(t.cpuMs).padStart(8)} ms  ${`${fmt(t.ms / base.ms, 1)}×`.padStart(7)} the baseline${extra}`,
    );
  console.log(
    `${name}: ${fmt(items.length)} tickets, ${fmt(nnz / items.length)} non-zero features a ticket, ${fmt(model.terms.length)} in the vocabulary; median of ${rounds}`,
  );
  row('vectorising alone (baseline)', base);
  row('training on all', median(train));
  row('5-fold cross-validation', median(cv));
  row('labelling every ticket', labelling, ` (${fmt((labelling.ms * 1000) / items.length)} µs a ticket)`);
  console.log(
    `  CV: accuracy ${fmt(figures.accuracy, 3)}, macro F1 ${fmt(figures.macro_f1, 3)}; ${Object.entries(
      figures.per_class,
    )
      .map(([label, m]) => `${label} ${fmt(m.f1, 2)}`)
      .join(', ')}`,
  );
}

export async function run(): Promise<void> {
  console.log(
    `load average: ${os
      .loadavg()
      .map((l) => fmt(l, 1))
      .join(' ')} on ${os.cpus().length} cores`,
  );
  const file = sharedFile('support', 'nlbse24-issues', 'issues_train.csv');
  if (hasSharedData && fs.existsSync(file)) {
    const rows = parse(fs.readFileSync(file), { columns: true }) as Array<Record<string, string>>;
    const labels: Record<string, string> = { bug: 'bug', feature: 'feature_request', question: 'how_to' };
    measure(
      'NLBSE issue reports',
      rows.map((r) => ({ text: ticketText(r.title, r.body), label: labels[r.label!] ?? null })),
      3,
    );
  } else {
    console.log(`${file} is absent: the NLBSE part is skipped`);
  }
  const synthetic = syntheticTickets(20_000, {
    seed: 7,
    noise: 0.15,
    shares: { how_to: 35, bug: 25, configuration: 15, feature_request: 12, billing: 8, other: 5 },
  });
  measure(
    'synthetic help-desk tickets',
    synthetic.map((t) => ({ text: ticketText(t.subject, t.description), label: t.label })),
    3,
  );
}
