import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/database.ts';
import { baton, type CliWorkspace, cliWorkspace } from '../helpers/cli.ts';
import { hasSharedData, sharedFile } from '../helpers/shared-data.ts';

let cli: CliWorkspace;
beforeAll(async () => {
  cli = await cliWorkspace();
});
afterAll(async () => cli?.close());

const run = (args: string[]) => baton(args, cli.env);
const json = (args: string[]) => {
  const r = run([...args, '--json']);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

/**
 * ARR and retention computed straight from the subscriptions file, by a reader of its own: ARR of an account on a
 * day = Σ arr_amount of its non-trial rows with start_date ≤ day < end_date (or no end).
 */
function fromFile(rows: Array<Record<string, string>>) {
  const arrOn = (day: string) => {
    const out = new Map<string, number>();
    for (const r of rows) {
      if (r.is_trial === 'True') continue;
      if ((r.start_date as string) <= day && (!r.end_date || (r.end_date as string) > day))
        out.set(r.account_id as string, (out.get(r.account_id as string) ?? 0) + Number(r.arr_amount));
    }
    for (const [k, v] of out) if (v <= 0) out.delete(k);
    return out;
  };
  const retention = (from: string, to: string) => {
    const start = arrOn(from);
    const end = arrOn(to);
    let expansion = 0;
    let contraction = 0;
    let churn = 0;
    let endArr = 0;
    for (const [account, before] of start) {
      const after = end.get(account) ?? 0;
      endArr += after;
      if (after > before) expansion += after - before;
      else if (after === 0) churn += before;
      else contraction += before - after;
    }
    const startArr = [...start.values()].reduce((a, b) => a + b, 0);
    return { startArr, expansion, contraction, churn, endArr };
  };
  return { arrOn, retention };
}

describe.skipIf(!hasSharedData)(
  'baton import subscriptions / revenue on the RavenStack tables (../shared/data)',
  () => {
    const raven = (name: string) => sharedFile('ravenstack', name);

    it('imports the file as it comes (with --map), and prints ARR and retention that the file itself adds up to', async () => {
      const rows = parse(fs.readFileSync(raven('ravenstack_subscriptions.csv')), { columns: true }) as Array<
        Record<string, string>
      >;
      expect(
        json([
          'import',
          'accounts',
          raven('ravenstack_accounts.csv'),
          '--workspace',
          'acme',
          '--map',
          'account_id=external_id',
          '--map',
          'account_name=name',
          '--default',
          'segment=smb',
        ]),
      ).toMatchObject({ created: 500, rejected: 0 });
      const args = [
        'import',
        'subscriptions',
        raven('ravenstack_subscriptions.csv'),
        '--workspace',
        'acme',
        ...[
          'subscription_id=external_id',
          'account_id=account_external_id',
          'start_date=start_date',
          'end_date=end_date',
        ]
          .concat(['mrr_amount=mrr', 'arr_amount=arr', 'seats=seats', 'plan_tier=plan', 'is_trial=is_trial'])
          .concat(['billing_frequency=billing_period', 'auto_renew_flag=auto_renew'])
          .flatMap((m) => ['--map', m]),
      ];
      expect(json(args)).toMatchObject({ read: rows.length, created: rows.length, rejected: 0, notes: [] });
      expect(json(args)).toMatchObject({ read: rows.length, created: 0, updated: 0, unchanged: rows.length });

      const file = fromFile(rows);
      const expected = file.arrOn('2024-12-31');
      const arr = json(['revenue', 'arr', '--workspace', 'acme', '--on', '2024-12-31']);
      expect(arr.on).toBe('2024-12-31');
      expect(arr.total_arr).toBe([...expected.values()].reduce((a, b) => a + b, 0));
      expect(arr.accounts).toHaveLength(expected.size);
      for (const a of arr.accounts) expect(a.arr, a.external_id).toBe(expected.get(a.external_id));
      expect(arr.mixed_currencies).toBe(false);

      const r = file.retention('2024-01-01', '2024-12-31');
      const printed = json([
        'revenue',
        'retention',
        '--workspace',
        'acme',
        '--from',
        '2024-01-01',
        '--to',
        '2024-12-31',
      ]);
      expect(printed).toMatchObject({
        start_arr: r.startArr,
        expansion: r.expansion,
        contraction: r.contraction,
        churn: r.churn,
        end_arr: r.endArr,
        grr: Math.round(((r.startArr - r.contraction - r.churn) / r.startArr) * 10_000) / 10_000,
        nrr: Math.round(((r.startArr + r.expansion - r.contraction - r.churn) / r.startArr) * 10_000) / 10_000,
      });
      const text = run(['revenue', 'retention', '--workspace', 'acme', '--from', '2024-01-01', '--to', '2024-12-31']);
      expect(text.stdout).toMatch(/GRR \d+\.\d % · NRR \d+\.\d %/);
    }, 180_000);
  },
);

describe('baton revenue and baton integration set stripe', () => {
  it('refuses a bad day naming the flag, and sets the Stripe secret sealed', async () => {
    const bad = run(['revenue', 'arr', '--workspace', 'acme', '--on', '2024-02-30']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--on');
    const wrong = run(['integration', 'set', 'stripe', '--workspace', 'acme', '--secret', 'not-a-stripe-secret']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--secret');
    const secret = 'whsec_cliTestSecret0123456789abcdefgh';
    const set = run(['integration', 'set', 'stripe', '--workspace', 'acme', '--secret', secret]);
    expect(set.status, set.stderr).toBe(0);
    expect(set.stdout).toContain('/webhooks/stripe/acme');
    expect(set.stdout).toContain('…efgh');
    const dbh = await openDatabase(cli.database.url);
    try {
      const row = await dbh.db
        .selectFrom('workspace_settings')
        .select('value')
        .where('key', '=', 'revenue.stripe-webhook-secret')
        .executeTakeFirstOrThrow();
      expect(row.value).toContain('sealed:v1:');
      expect(row.value).not.toContain(secret);
    } finally {
      await dbh.close();
    }
    const list = JSON.parse(run(['integration', 'list', '--workspace', 'acme', '--json']).stdout);
    expect(list.stripe).toMatchObject({ webhookPath: '/webhooks/stripe/acme', secret: { set: true, last4: 'efgh' } });
  }, 60_000);

  it('imports a small file with --json, a bad row named by its field', () => {
    const csv = path.join(cli.dir, 'subs.csv');
    fs.writeFileSync(
      csv,
      'subscription_id,account,start_date,mrr\nX-1,Nobody Inc,2024-01-01,100\nX-2,Nobody Inc,someday,100\n',
    );
    const r = run(['import', 'subscriptions', csv, '--workspace', 'acme', '--json']);
    expect(r.status).toBe(3);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ read: 2, created: 1, rejected: 1, errors: [{ row: 2, field: 'start_date' }] });
    expect(report.notes[0]).toContain('1 subscription');
  }, 60_000);
});
