import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/platform/auth/principal.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { createProject } from '../../src/modules/delivery/projects/project.service.ts';
import { baton, type CliWorkspace, cliWorkspace } from '../helpers/cli.ts';

/** Delivery from the command line: people and timesheets imported, the forecast recomputed, playbooks listed. */

let w: CliWorkspace;
let projectId: string;
/** Fixed days of work: after the deal was signed, and before any run of this test (`baton` reads its own clock). */
const SIGNED_ON = '2026-11-02';
const WORKED_ON = ['2026-11-16', '2026-11-17'] as const;

beforeAll(async () => {
  w = await cliWorkspace('deliv');
  fs.writeFileSync(path.join(w.dir, 'accounts.csv'), 'Name,Segment\nUmbrella Corp,smb\n');
  const imported = baton(
    [
      'import',
      'accounts',
      path.join(w.dir, 'accounts.csv'),
      '--workspace',
      'deliv',
      '--map',
      'Name=name',
      '--map',
      'Segment=segment',
    ],
    w.env,
  );
  expect(imported.status, imported.stderr).toBe(0);
  const h = await openDatabase(w.database.url);
  try {
    const ws = await h.db.selectFrom('workspaces').select('id').where('slug', '=', 'deliv').executeTakeFirstOrThrow();
    const account = await h.db
      .selectFrom('accounts')
      .select('id')
      .where('workspace_id', '=', ws.id)
      .executeTakeFirstOrThrow();
    projectId = (
      await h.db
        .transaction()
        .execute((trx) =>
          createProject(
            trx,
            SYSTEM_ACTOR,
            { workspaceId: ws.id, partnerId: null },
            { accountId: account.id, name: 'Umbrella rollout', signedOn: SIGNED_ON },
          ),
        )
    ).id;
  } finally {
    await h.close();
  }
}, 120_000);
afterAll(() => w?.close());

describe('baton (delivery)', () => {
  it('lists the built-in playbooks', () => {
    const r = baton(['playbook', 'list', '--workspace', 'deliv', '--json'], w.env);
    expect(r.status, r.stderr).toBe(0);
    expect(
      JSON.parse(r.stdout)
        .items.map((p: { key: string }) => p.key)
        .sort(),
    ).toEqual(['enterprise-implementation', 'mid-market-standard', 'smb-quick-start']);
  });

  it('imports people, refusing a row with an unknown role and naming the known ones', () => {
    const file = path.join(w.dir, 'people.csv');
    fs.writeFileSync(
      file,
      'Name,Email,Role,Weekly capacity\nRita Ops,rita@example.com,consultant,40\nBob Odd,bob@example.com,wizard,40\n',
    );
    const r = baton(['import', 'resources', file, '--workspace', 'deliv', '--json'], w.env);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ read: 2, created: 1, rejected: 1 });
    expect(JSON.stringify(report.errors)).toMatch(/wizard.*consultant/);
    const again = JSON.parse(baton(['import', 'resources', file, '--workspace', 'deliv', '--json'], w.env).stdout);
    expect(again).toMatchObject({ created: 0, unchanged: 1, rejected: 1 });
  });

  it('imports a timesheet that burns task estimates down, then re-forecasts on demand', () => {
    // The person logging time is this test's own, not one another test imported.
    const people = path.join(w.dir, 'timesheet-people.csv');
    fs.writeFileSync(people, 'Name,Email,Role,Weekly capacity\nTess Time,tess@example.com,consultant,40\n');
    const person = baton(['import', 'resources', people, '--workspace', 'deliv', '--json'], w.env);
    expect(person.status, person.stderr).toBe(0);
    const file = path.join(w.dir, 'time.csv');
    fs.writeFileSync(
      file,
      `Date,Person,Project,Task,Hours,External id\n${WORKED_ON[0]},tess@example.com,Umbrella rollout,welcome-call,1.5,T-1\n${WORKED_ON[1]},nobody@example.com,Umbrella rollout,,2,T-2\n`,
    );
    const r = baton(['import', 'time', file, '--workspace', 'deliv', '--json'], w.env);
    const report = JSON.parse(r.stdout);
    expect(report, r.stderr).toMatchObject({ read: 2, created: 1, rejected: 1 });
    const again = JSON.parse(baton(['import', 'time', file, '--workspace', 'deliv', '--json'], w.env).stdout);
    expect(again).toMatchObject({ created: 0, rejected: 1 });
    const recompute = baton(['recompute', 'delivery', '--workspace', 'deliv', '--json'], w.env);
    expect(recompute.status, recompute.stderr).toBe(0);
    expect(JSON.parse(recompute.stdout)).toMatchObject({ projects: 1, slips: 0, milestonesByUsage: 0 });
    expect(projectId).toBeTruthy();
  }, 120_000);

  it('explains an unknown workspace', () => {
    const r = baton(['recompute', 'delivery', '--workspace', 'nope'], w.env);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/workspace/);
  });
});
