import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/platform/http/server.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const bin = (pkg: string, file: string) => path.join(ROOT, 'node_modules', pkg, file);

interface Operation {
  operationId?: string;
  summary?: string;
  security?: unknown[];
  requestBody?: unknown;
}
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown> };
};

const operations = (doc: Doc) =>
  Object.entries(doc.paths).flatMap(([url, ops]) => Object.entries(ops).map(([method, op]) => ({ method, url, op })));

/**
 * The API document is what client generators read: every operation has a unique id, public routes ask for
 * no credentials, and a typed client generated from it by a standard generator (openapi-typescript, used
 * through openapi-fetch) compiles.
 */
describe('the API document as a client generator reads it', () => {
  let t: TestApp;
  let doc: Doc;
  let dir: string;

  beforeAll(async () => {
    t = await createTestApp();
    const res = await t.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    doc = res.json();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-openapi-'));
    fs.writeFileSync(path.join(dir, 'openapi.json'), res.body);
  });
  afterAll(async () => {
    await t?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives every operation a unique operationId', () => {
    const ids = operations(doc).map(({ method, url, op }) => op.operationId ?? `(none: ${method} ${url})`);
    expect(ids.filter((id) => id.startsWith('(none'))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(doc.paths['/api/v1/accounts/{id}']?.get?.operationId).toBe('getAccountsById');
    expect(doc.paths['/api/v1/projects/{id}/tasks/{taskId}']?.patch?.operationId).toBe(
      'patchProjectsByIdTasksByTaskId',
    );
  });

  it('asks no credentials of public routes and the session or an API key of every other', () => {
    for (const [method, url] of [
      ['post', '/api/v1/session'],
      ['get', '/api/portal/{token}'],
      ['post', '/api/portal/{token}/comments'],
      ['post', '/webhooks/hubspot/{workspace}'],
      ['post', '/webhooks/crm/{workspace}'],
      ['get', '/healthz'],
      ['get', '/readyz'],
      ['post', '/batch/'],
    ] as const) {
      expect(doc.paths[url]?.[method]?.security, `${method} ${url}`).toEqual([]);
    }
    for (const { method, url, op } of operations(doc)) {
      if (url.startsWith('/api/v1') && op.security === undefined) continue; // the document's own: API key or session
      if (op.security === undefined)
        throw new Error(`${method} ${url} outside /api/v1 inherits the API key requirement`);
    }
    expect(doc.paths['/api/v1/accounts']?.get?.security).toBeUndefined();
  });

  it('documents the Segment and PostHog ingest routes with how they authenticate', () => {
    for (const type of ['batch', 'track', 'identify', 'group', 'page', 'screen', 'alias']) {
      const op = doc.paths[`/v1/${type}`]?.post;
      expect(op?.summary, type).toMatch(/Segment/);
      expect(op?.security).toEqual([{ ingestWriteKey: [] }]);
      expect(op?.requestBody).toBeDefined();
    }
    expect(doc.components.securitySchemes.ingestWriteKey).toMatchObject({ type: 'http', scheme: 'basic' });
    for (const url of ['/batch/', '/capture/', '/e/']) {
      expect(JSON.stringify(doc.paths[url]?.post), url).toMatch(/api_key/);
    }
  });

  it('leaves the web app’s page and files out', async () => {
    const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-web-'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Baton</title>');
    const server = await buildServer(t.ctx, { webDir });
    try {
      const withWeb = (await server.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as Doc;
      expect(
        Object.keys(withWeb.paths).filter(
          (url) => !/^\/(api|v1|batch|capture|e|webhooks|embed|healthz|readyz)\b/.test(url),
        ),
      ).toEqual([]);
      expect(Object.keys(withWeb.paths).length).toBe(Object.keys(doc.paths).length);
    } finally {
      await server.app.close();
      fs.rmSync(webDir, { recursive: true, force: true });
    }
  });

  it('generates a typed client with openapi-typescript that compiles', async () => {
    await run(process.execPath, [bin('openapi-typescript', 'bin/cli.js'), 'openapi.json', '--output', 'schema.d.ts'], {
      cwd: dir,
    });
    const ids = operations(doc).map(({ op }) => op.operationId as string);
    fs.writeFileSync(
      path.join(dir, 'client.ts'),
      `import createClient from 'openapi-fetch';
import type { operations, paths } from './schema.d.ts';

const client = createClient<paths>({ baseUrl: 'http://localhost:3000', headers: { authorization: 'Bearer bk_example' } });

export async function examples(): Promise<string[]> {
  const list = await client.GET('/api/v1/accounts', { params: { query: { limit: 20 } } });
  const names: string[] = (list.data?.items ?? []).map((a) => a.name);
  const one = await client.GET('/api/v1/accounts/{id}', { params: { path: { id: 'acc_1' } } });
  if (one.error) names.push(one.error.detail);
  const created = await client.POST('/api/v1/accounts', { body: { name: 'Acme', segment: 'enterprise' } });
  if (created.data) names.push(created.data.id);
  await client.POST('/v1/batch', { body: { batch: [{ type: 'track', userId: 'u1', event: 'Report Built' }] } });
  await client.POST('/webhooks/crm/{workspace}', {
    params: { path: { workspace: 'acme' }, header: { 'x-baton-source': 'salesforce', 'x-baton-signature': 'sha256=00' } },
    body: { events: [{ id: 'e1', type: 'deal.upsert', occurredAt: '2026-01-01T00:00:00Z', deal: {} }] },
  });
  // @ts-expect-error a path the API does not have
  await client.GET('/api/v1/no-such-thing');
  // @ts-expect-error an account without its required segment
  await client.POST('/api/v1/accounts', { body: { name: 'Acme' } });
  return names;
}

export const operationIds: Array<keyof operations> = ${JSON.stringify(ids)};
`,
    );
    fs.writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          allowImportingTsExtensions: true,
          skipLibCheck: false,
          lib: ['ES2022', 'DOM'],
          types: [],
          typeRoots: [path.join(ROOT, 'node_modules', '@types')],
          baseUrl: '.',
          paths: { 'openapi-fetch': [path.join(ROOT, 'node_modules', 'openapi-fetch')] },
        },
        files: ['client.ts', 'schema.d.ts'],
      }),
    );
    const compiled = await run(process.execPath, [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.json'], {
      cwd: dir,
    }).catch((err: { stdout?: string; stderr?: string }) => ({
      failed: `${err.stdout ?? ''}${err.stderr ?? ''}`,
    }));
    expect('failed' in compiled ? compiled.failed : '').toBe('');
  }, 120_000);
});
