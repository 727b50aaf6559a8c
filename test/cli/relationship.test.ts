import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baton, type CliWorkspace, cliWorkspace } from '../helpers/cli.ts';

let cli: CliWorkspace;
beforeAll(async () => {
  cli = await cliWorkspace();
}, 120_000);
afterAll(async () => cli?.close());

const file = (name: string, text: string) => {
  const p = path.join(cli.dir, name);
  fs.writeFileSync(p, text);
  return p;
};
const json = (args: string[]) => {
  const r = baton([...args, '--json'], cli.env);
  return { status: r.status, stderr: r.stderr, body: r.stdout ? JSON.parse(r.stdout) : null };
};

describe('baton import surveys | touches', () => {
  it('imports NPS answers with --kind and a HubSpot activity export, each row reported', async () => {
    const accounts = json([
      'import',
      'accounts',
      file('acc.csv', 'name,domain\nGlobex,globex.example\n'),
      '--workspace',
      'acme',
      '--map',
      'name=name',
      '--map',
      'domain=domain',
      '--default',
      'segment=smb',
    ]);
    expect(accounts.status, accounts.stderr).toBe(0);
    const surveys = json([
      'import',
      'surveys',
      file('nps.csv', 'email,score,date\nann@globex.example,9,2026-02-01\nbo@globex.example,12,2026-02-02\n'),
      '--workspace',
      'acme',
      '--kind',
      'nps',
    ]);
    // Exit status 3: some rows rejected, the rest imported.
    expect(surveys.status, surveys.stderr).toBe(3);
    expect(surveys.body).toMatchObject({ kind: 'surveys', read: 2, created: 0, rejected: 2 });
    // Nobody at Globex is a contact yet, and the survey file names no account: both rows say so.
    expect(surveys.body.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`).sort()).toEqual([
      '1:account',
      '2:score',
    ]);
    const byDomain = json([
      'import',
      'surveys',
      file('nps2.csv', 'email,domain,score,date\nann@globex.example,globex.example,9,2026-02-01\n'),
      '--workspace',
      'acme',
      '--kind',
      'nps',
    ]);
    expect(byDomain.body).toMatchObject({ created: 1, rejected: 0 });
    const touches = json([
      'import',
      'touches',
      file(
        'activities.csv',
        'Record ID,Activity type,Activity date,Associated Contact,Associated Company\n1,CALL,2026-02-03 10:00,Ann (ann@globex.example),\n2,NOTE,2026-02-03 11:00,,Globex\n',
      ),
      '--workspace',
      'acme',
    ]);
    expect(touches.status, touches.stderr).toBe(0);
    expect(touches.body).toMatchObject({ kind: 'touches', format: 'hubspot', created: 1, skipped: 1 });
  }, 120_000);
});
