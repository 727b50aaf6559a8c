import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baton, type CliWorkspace, cliWorkspace } from '../helpers/cli.ts';

let cli: CliWorkspace;
beforeAll(async () => {
  cli = await cliWorkspace('timeline-cli');
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
const ws = ['--workspace', 'timeline-cli'];

describe('baton accounts timeline', () => {
  it('prints the account’s moments as dated sentences, newest first, by domain or id, kept to --kinds and --limit', () => {
    const accounts = json([
      'import',
      'accounts',
      file('acc.csv', 'name,domain\nGlobex,globex.example\n'),
      ...ws,
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
      file(
        'nps.csv',
        'email,domain,score,date\nann@globex.example,globex.example,3,2026-02-01\nbo@globex.example,globex.example,10,2026-02-05\n',
      ),
      ...ws,
      '--kind',
      'nps',
    ]);
    expect(surveys.body).toMatchObject({ created: 2, rejected: 0 });

    const all = json(['accounts', 'timeline', 'globex.example', ...ws]);
    expect(all.status, all.stderr).toBe(0);
    const items = all.body.items as Array<{ at: string; kind: string; sentence: string }>;
    expect(items.map((i) => i.kind)).toEqual(['survey.nps', 'survey.nps']);
    expect(items[0]?.at.slice(0, 10)).toBe('2026-02-05');
    expect(all.body.nextCursor).toBeNull();

    // the same items as the text, each line its day and sentence; by the account's id too
    const text = baton(['accounts', 'timeline', all.body.accountId, ...ws], cli.env);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout.trim().split('\n')).toEqual(items.map((i) => `${i.at.slice(0, 10)}\t${i.sentence}`));

    const one = json(['accounts', 'timeline', 'globex.example', ...ws, '--limit', '1']);
    expect(one.body.items).toEqual([items[0]]);
    expect(one.body.nextCursor).not.toBeNull();
    expect(baton(['accounts', 'timeline', 'globex.example', ...ws, '--limit', '1'], cli.env).stdout).toContain(
      'raise --limit',
    );
    expect(json(['accounts', 'timeline', 'globex.example', ...ws, '--kinds', 'project,ticket']).body.items).toEqual([]);

    const kinds = baton(['accounts', 'timeline', 'globex.example', ...ws, '--kinds', 'gossip'], cli.env);
    expect(kinds.status).not.toBe(0);
    expect(kinds.stderr).toContain('--kinds');
    const nobody = baton(['accounts', 'timeline', 'initech.example', ...ws], cli.env);
    expect(nobody.status).not.toBe(0);
    expect(nobody.stderr).toContain('initech.example');
  }, 120_000);
});
