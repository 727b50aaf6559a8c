import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baton, type CliWorkspace, cliWorkspace } from '../helpers/cli.ts';

let dir: string;
let env: Record<string, string>;
let cli: CliWorkspace;

beforeAll(async () => {
  cli = await cliWorkspace();
  ({ dir, env } = cli);
});
afterAll(async () => cli?.close());

describe('baton import deals --map', () => {
  it('reads a mapped file from its first line, whatever passes run before the import', () => {
    const file = path.join(dir, 'deals.csv');
    // ISO dates only: the date-order pass opens the file and finds nothing to decide before the import reads it.
    fs.writeFileSync(
      file,
      'id,title,customer,status,value\nX-1,Harbor rollout,Harbor Foods,won,56000\nX-2,Harbor phase 2,Harbor Foods,open,12000\n',
    );
    const map = ['id=external_id', 'title=name', 'customer=account', 'status=stage', 'value=amount'].flatMap((m) => [
      '--map',
      m,
    ]);
    const r = baton(['import', 'deals', file, '--workspace', 'acme', ...map, '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ read: 2, created: 2, rejected: 0 });
  });
});
