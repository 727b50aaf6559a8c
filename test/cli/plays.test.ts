import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raiseSignal } from '../../src/modules/signals/index.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { BUILTIN_PLAYS } from '../../src/modules/plays/builtin-plays.ts';
import { baton, type CliWorkspace, cliWorkspace } from '../helpers/cli.ts';
import { buildAccount } from '../helpers/fixtures/index.ts';

let cli: CliWorkspace;
beforeAll(async () => {
  cli = await cliWorkspace('plays-cli');
});
afterAll(async () => cli?.close());

describe('baton plays', { timeout: 120_000 }, () => {
  it('lists the plays with their trigger and runs, and the runs a signal started', async () => {
    expect(baton(['workspace', 'create', 'plays-run'], cli.env).status).toBe(0);
    const dbh = await openDatabase(cli.database.url);
    try {
      const ws = await dbh.db
        .selectFrom('workspaces')
        .select('id')
        .where('slug', '=', 'plays-run')
        .executeTakeFirstOrThrow();
      const account = await buildAccount(dbh.db, ws.id, { name: 'Quiet Sponsor Ltd' });
      await raiseSignal(dbh.db, {
        workspaceId: ws.id,
        kind: 'renewal.sponsor_untouched',
        accountId: account.id,
        severity: 'warning',
        subjectType: 'account',
        subjectId: account.id,
        title: 'Sponsor untouched for 70 days',
        evidence: { thresholdDays: 60 },
      });
    } finally {
      await dbh.close();
    }
    const listed = baton(['plays', 'list', '--workspace', 'plays-run'], cli.env);
    expect(listed.status, listed.stderr).toBe(0);
    const lines = listed.stdout.trim().split('\n');
    // one line for each built-in play a new workspace gets
    expect(lines).toHaveLength(Object.keys(BUILTIN_PLAYS).length);
    const sponsor = lines.find((l) => l.includes('Executive sponsor re-engagement'))?.split('\t');
    expect(sponsor?.slice(1)).toEqual([
      'Executive sponsor re-engagement',
      'enabled',
      'when a renewal.sponsor_untouched signal is raised at warning or above',
      '1 runs (1 open)',
      'not judged yet',
    ]);
    const runs = baton(['plays', 'runs', '--workspace', 'plays-run', '--json'], cli.env);
    expect(runs.status, runs.stderr).toBe(0);
    const parsed = JSON.parse(runs.stdout) as Array<{ account: { name: string }; status: string; tasks: unknown[] }>;
    expect(parsed.map((r) => [r.account.name, r.status, r.tasks.length])).toEqual([['Quiet Sponsor Ltd', 'open', 2]]);
    const unknown = baton(['plays', 'list', '--workspace', 'nope'], cli.env);
    expect(unknown.status).not.toBe(0);
  });
});
