import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baton, type CliWorkspace, cliWorkspace } from '../helpers/cli.ts';

let cli: CliWorkspace;
beforeAll(async () => {
  cli = await cliWorkspace('health-cli');
}, 120_000);
afterAll(async () => cli?.close());

const json = (args: string[]) => {
  const r = baton([...args, '--json'], cli.env);
  return { status: r.status, stderr: r.stderr, body: r.stdout ? JSON.parse(r.stdout) : null };
};

describe('baton health score', () => {
  it('rescores, says "no data" rather than 0, adds no history for no change, names a bad --account', () => {
    const file = path.join(cli.dir, 'accounts.csv');
    fs.writeFileSync(file, 'name,domain\nGlobex,globex.example\n');
    const imported = json([
      'import',
      'accounts',
      file,
      '--workspace',
      'health-cli',
      '--map',
      'name=name',
      '--map',
      'domain=domain',
    ]);
    expect(imported.status, imported.stderr).toBe(0);

    const first = json(['health', 'score', '--workspace', 'health-cli']);
    expect(first.status, first.stderr).toBe(0);
    expect(first.body).toMatchObject({
      accounts: 1,
      changed: 1,
      scores: [{ account: 'Globex', score: null, band: null, dimensions: { adoption: null, sentiment: null } }],
    });
    const again = json(['health', 'score', '--workspace', 'health-cli', '--account', 'globex.example']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.body).toMatchObject({ accounts: 1, changed: 0, scores: [{ account: 'Globex', why: [] }] });

    const text = baton(['health', 'score', '--workspace', 'health-cli'], cli.env);
    expect(text.stdout).toContain('Globex\tno data\tdelivery no data, adoption no data');

    const bad = baton(['health', 'score', '--workspace', 'health-cli', '--account', 'nowhere.example'], cli.env);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('--account');
  });
});
