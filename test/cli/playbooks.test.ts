import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baton, type CliWorkspace, cliWorkspace } from '../helpers/cli.ts';

let cli: CliWorkspace;
let env: Record<string, string>;

beforeAll(async () => {
  cli = await cliWorkspace();
  env = cli.env;
});
afterAll(async () => cli?.close());

describe('baton playbook', () => {
  it('lists the built-in playbooks of a new workspace', () => {
    // A workspace of its own, untouched by the other tests' imports.
    const created = baton(['workspace', 'create', 'fresh'], env);
    expect(created.status, created.stderr).toBe(0);
    const r = baton(['playbook', 'list', '--workspace', 'fresh'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^smb-quick-start\tSMB quick start\tv1\t14 tasks\t\d+ h\t~\d+ working days\tproducts: any; segments: smb$/m,
    );
    const json = JSON.parse(baton(['playbook', 'list', '--workspace', 'fresh', '--json'], env).stdout);
    expect(json.items.map((p: { key: string }) => p.key).sort()).toEqual([
      'enterprise-implementation',
      'mid-market-standard',
      'smb-quick-start',
    ]);
  });

  it('exports to a file, imports a changed copy as a new version, and the same file again as no change', () => {
    const out = path.join(cli.dir, 'smb.yaml');
    const exported = baton(['playbook', 'export', 'smb-quick-start', '--workspace', 'acme', '--out', out], env);
    expect(exported.status, exported.stderr).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(parse(text)).toMatchObject({ key: 'smb-quick-start', definition: { firstValueMilestone: 'first-report' } });

    const same = baton(['playbook', 'import', out, '--workspace', 'acme'], env);
    expect(same.status, same.stderr).toBe(0);
    expect(same.stdout).toContain('no change to smb-quick-start');

    fs.writeFileSync(out, text.replace('effortHours: 6', 'effortHours: 7'));
    const changed = baton(['playbook', 'import', out, '--workspace', 'acme', '--note', 'more time to connect'], env);
    expect(changed.status, changed.stderr).toBe(0);
    expect(changed.stdout).toContain('saved version 2 of smb-quick-start');

    const json = baton(
      ['playbook', 'export', 'smb-quick-start', '--workspace', 'acme', '--format', 'json', '--version', '1'],
      env,
    );
    expect(json.status, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).definition).toEqual(parse(text).definition);
  });

  it('creates a playbook from standard input', () => {
    const source = JSON.parse(
      baton(['playbook', 'export', 'smb-quick-start', '--workspace', 'acme', '--format', 'json'], env).stdout,
    );
    const r = baton(
      ['playbook', 'import', '-', '--workspace', 'acme'],
      env,
      JSON.stringify({ ...source, key: 'smb-copy', name: 'SMB copy' }),
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('created smb-copy (SMB copy, v1, 14 tasks)');
  });

  it('prints every problem of an unsound file and exits non-zero, saving nothing', () => {
    const bad = path.join(cli.dir, 'bad.yaml');
    const text = baton(['playbook', 'export', 'mid-market-standard', '--workspace', 'acme'], env).stdout;
    fs.writeFileSync(
      bad,
      text
        .replace('key: mid-market-standard', 'key: broken')
        .replace('- internal-handoff\n', '- handover\n')
        .replace('ownerRole: trainer', 'ownerRole: wizard'),
    );
    const r = baton(['playbook', 'import', bad, '--workspace', 'acme'], env);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('the playbook was not saved (2 problems)');
    expect(r.stderr).toMatch(/definition\.phases\[\d\]\.tasks\[\d\]\.ownerRole: "wizard" is not a delivery role/);
    expect(r.stderr).toMatch(
      /definition\.phases\[0\]\.tasks\[1\]\.dependsOn\[0\]: dependency cycle: kickoff → handover → go-live-review → .* → kickoff/,
    );
    fs.writeFileSync(bad, 'key: broken\nname: [oops\n');
    const syntax = baton(['playbook', 'import', bad, '--workspace', 'acme'], env);
    expect(syntax.status).toBe(2);
    expect(syntax.stderr).toMatch(/file: line \d+, column \d+:/);
    expect(baton(['playbook', 'list', '--workspace', 'acme'], env).stdout).not.toContain('broken');
  });

  it('names an unknown playbook', () => {
    const r = baton(['playbook', 'export', 'nope', '--workspace', 'acme'], env);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('playbook nope not found');
  });
});
