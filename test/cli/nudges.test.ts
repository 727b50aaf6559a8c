import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNudgeRule } from '../../src/modules/usage/index.ts';
import { SYSTEM_ACTOR } from '../../src/platform/auth/principal.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { baton, type CliWorkspace, cliWorkspace } from '../helpers/cli.ts';
import { buildAccount, buildMilestone, buildProject } from '../helpers/fixtures/index.ts';

let cli: CliWorkspace;
beforeAll(async () => {
  cli = await cliWorkspace('nudges-cli');
});
afterAll(async () => cli?.close());

describe('baton nudges', { timeout: 120_000 }, () => {
  it('evaluates the rules once per user and lists rules and nudges', async () => {
    expect(baton(['workspace', 'create', 'nudge-run'], cli.env).status).toBe(0);
    const dbh = await openDatabase(cli.database.url);
    try {
      const ws = (
        await dbh.db.selectFrom('workspaces').select('id').where('slug', '=', 'nudge-run').executeTakeFirstOrThrow()
      ).id;
      const account = await buildAccount(dbh.db, ws, { name: 'Initech' });
      // Kicked off long ago: the milestone is overdue whatever day the command runs.
      const project = await buildProject(dbh.db, ws, { account_id: account.id, kickoff_on: '2020-01-01' });
      await buildMilestone(dbh.db, project, { name: 'First invite', completion_event: 'Invite Sent', target_day: 5 });
      await dbh.db
        .insertInto('usage_users')
        .values({ workspace_id: ws, user_id: 'milton', group_id: 'g', account_id: account.id, updated_at: 'x' })
        .execute();
      await createNudgeRule(
        dbh.db,
        SYSTEM_ACTOR,
        ws,
        {
          name: 'Invite your team',
          milestoneEvent: 'Invite Sent',
          daysAfterDue: 2,
          channel: 'in_app',
          subject: 'Invite your team',
          message: '{{account}} is waiting for “{{milestone}}”.',
        },
        new Date('2020-01-01T00:00:00.000Z'),
      );
    } finally {
      await dbh.close();
    }
    const first = baton(['nudges', 'evaluate', '--workspace', 'nudge-run', '--json'], cli.env);
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ eligible: 1, nudged: 1, skippedNoEmail: 0, sent: 0, failed: 0 });
    const again = baton(['nudges', 'evaluate', '--workspace', 'nudge-run'], cli.env);
    expect(again.stdout).toContain('0 nudged');
    const listed = baton(['nudges', 'list', '--workspace', 'nudge-run', '--json'], cli.env);
    expect(listed.status, listed.stderr).toBe(0);
    const out = JSON.parse(listed.stdout) as { rules: unknown[]; nudges: Array<{ userId: string; body: string }> };
    expect(out.rules).toHaveLength(1);
    expect(out.nudges.map((n) => [n.userId, n.body])).toEqual([['milton', 'Initech is waiting for “First invite”.']]);
    expect(baton(['nudges', 'list', '--workspace', 'nope'], cli.env).status).not.toBe(0);
  });
});
