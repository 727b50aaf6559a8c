import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticTickets } from '../../src/modules/support/classify/fixtures/synthetic-tickets.ts';
import { baton, type CliWorkspace, cliWorkspace } from '../helpers/cli.ts';
import { hasSharedData, sharedFile } from '../helpers/shared-data.ts';

let cli: CliWorkspace;
beforeAll(async () => {
  cli = await cliWorkspace();
});
afterAll(async () => cli?.close());

let n = 0;
/** A workspace of its own for each test, in the one CLI database. */
function workspace(): string {
  const slug = `support-cli-${++n}`;
  const r = baton(['workspace', 'create', slug], cli.env);
  expect(r.status, r.stderr).toBe(0);
  return slug;
}

const json = (args: string[]) => {
  const r = baton([...args, '--json'], cli.env);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;

// Each step starts a `baton` process; on a loaded machine five of them and a training pass outlast 30 s.
describe('baton import tickets / baton tickets', { timeout: 120_000 }, () => {
  it('imports labelled and unlabelled tickets, trains on the labelled ones and labels the rest', () => {
    const slug = workspace();
    const labelled = syntheticTickets(40, { seed: 7 });
    const lines = [
      'external_id,subject,description,category,created_at',
      ...labelled.map((s, i) => [`L${i}`, quote(s.subject), quote(s.description), s.label, '2026-10-01'].join(',')),
      'U1,the page crashes with an error,stack trace attached below,,2026-10-02',
    ];
    const file = path.join(cli.dir, `tickets-${slug}.csv`);
    fs.writeFileSync(file, lines.join('\n'));
    expect(json(['import', 'tickets', file, '--workspace', slug])).toMatchObject({ format: 'csv', created: 41 });

    const train = json(['tickets', 'train', '--workspace', slug]);
    expect(train).toMatchObject({ n: 40, folds: 5, labelled: 1 });
    expect(train.accuracy).toBeGreaterThan(0.7);
    expect(Object.keys(train.per_class).sort()).toEqual([...new Set(labelled.map((l) => l.label))].sort());

    const list = json(['tickets', 'list', '--workspace', slug]) as Array<Record<string, string>>;
    expect(list).toHaveLength(41);
    expect(list.find((t) => t.external_id === 'U1')).toMatchObject({ category: 'bug', category_source: 'model' });
    expect(list.filter((t) => t.category_source === 'source')).toHaveLength(40);
  });

  it('refuses to train on too few labelled tickets, saying how many', () => {
    const slug = workspace();
    const r = baton(['tickets', 'train', '--workspace', slug], cli.env);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('too few labelled tickets');
  });
});

const nlbse = sharedFile('support', 'nlbse24-issues', 'issues_train.csv');
const present = hasSharedData && fs.existsSync(nlbse);
if (!present) console.warn(`${nlbse} is absent: the CLI training test on the NLBSE issue reports is skipped`);

describe.skipIf(!present)('baton tickets train on the NLBSE issue reports (../shared/data)', () => {
  it('imports the 1,500 labelled issues with --map and trains to a 5-fold accuracy and macro F1 of 0.75 or more', () => {
    const slug = workspace();
    const report = json([
      'import',
      'tickets',
      nlbse,
      '--workspace',
      slug,
      '--map',
      'title=subject',
      '--map',
      'body=description',
      '--map',
      'label=category',
      '--map',
      'created_at=created_at',
      '--map',
      'repo=organization',
      '--alias',
      'category:question=how_to',
    ]);
    expect(report).toMatchObject({ format: 'mapped', created: 1500, rejected: 0 });
    const train = json(['tickets', 'train', '--workspace', slug]);
    console.log(
      `NLBSE through baton: n ${train.n}, accuracy ${train.accuracy.toFixed(3)}, macro F1 ${train.macro_f1.toFixed(3)}`,
    );
    expect(train.n).toBe(1500);
    expect(train.accuracy).toBeGreaterThanOrEqual(0.75);
    expect(train.macro_f1).toBeGreaterThanOrEqual(0.75);
    expect(Object.keys(train.per_class).sort()).toEqual(['bug', 'feature_request', 'how_to']);
  }, 180_000);
});
