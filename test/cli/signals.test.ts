import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raiseSignal } from '../../src/modules/signals/index.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { baton, type CliWorkspace, cliWorkspace } from '../helpers/cli.ts';
import { buildAccount } from '../helpers/fixtures/index.ts';

let cli: CliWorkspace;
beforeAll(async () => {
  cli = await cliWorkspace('signals-cli');
});
afterAll(async () => cli?.close());

/** A workspace of its own with one account and one open signal on it, written through the signals face. */
async function withSignal(slug: string): Promise<{ accountId: string; signalId: string }> {
  expect(baton(['workspace', 'create', slug], cli.env).status).toBe(0);
  const dbh = await openDatabase(cli.database.url);
  try {
    const ws = await dbh.db.selectFrom('workspaces').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
    const account = await buildAccount(dbh.db, ws.id, { name: 'Quiet Sponsor Ltd' });
    const signal = await raiseSignal(dbh.db, {
      workspaceId: ws.id,
      kind: 'renewal.sponsor_untouched',
      accountId: account.id,
      severity: 'warning',
      subjectType: 'account',
      subjectId: account.id,
      title: 'Sponsor untouched for 70 days',
      evidence: { thresholdDays: 60 },
    });
    return { accountId: account.id, signalId: signal.id };
  } finally {
    await dbh.close();
  }
}

describe('baton signals', { timeout: 120_000 }, () => {
  it('lists signals, dismisses one with a reason and lists it as dismissed', async () => {
    const { accountId, signalId } = await withSignal('signals-dismiss');
    const listed = baton(['signals', 'list', '--workspace', 'signals-dismiss', '--json'], cli.env);
    expect(listed.status, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({
        id: signalId,
        account: accountId,
        attention: 'new',
        title: 'Sponsor untouched for 70 days',
      }),
    ]);

    const refused = baton(
      ['signals', 'dismiss', signalId, '--workspace', 'signals-dismiss', '--reason', 'other'],
      cli.env,
    );
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('--note');
    const bad = baton(['signals', 'dismiss', signalId, '--workspace', 'signals-dismiss', '--reason', 'bored'], cli.env);
    expect(bad.stderr).toContain('--reason');

    const dismissed = baton(
      [
        'signals',
        'dismiss',
        signalId,
        '--workspace',
        'signals-dismiss',
        '--reason',
        'false_positive',
        '--note',
        'pilot',
      ],
      cli.env,
    );
    expect(dismissed.status, dismissed.stderr).toBe(0);
    expect(dismissed.stdout).toMatch(/^Dismissed by cli on .+: false positive — ‘pilot’\n$/);
    const active = baton(
      ['signals', 'list', '--workspace', 'signals-dismiss', '--attention', 'active', '--json'],
      cli.env,
    );
    expect(JSON.parse(active.stdout)).toEqual([]);
    const reopened = baton(['signals', 'reopen', signalId, '--workspace', 'signals-dismiss'], cli.env);
    expect(reopened.stdout).toMatch(/^Reopened by cli on /);
  });

  it('snoozes a signal only until a day after today', async () => {
    const { signalId } = await withSignal('signals-snooze');
    const past = baton(
      ['signals', 'snooze', signalId, '--workspace', 'signals-snooze', '--until', '2020-01-01'],
      cli.env,
    );
    expect(past.status).not.toBe(0);
    expect(past.stderr).toContain('--until');
    const ok = baton(
      ['signals', 'snooze', signalId, '--workspace', 'signals-snooze', '--until', '2999-01-01'],
      cli.env,
    );
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('until 1 Jan 2999');
  });
});
