import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config/config.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { buildServer } from '../../src/platform/http/server.ts';
import { COMPOSITION } from '../../src/app/modules.ts';
import { SECRET_KEY_BYTES, secretBox } from '../../src/platform/secrets/secret-box.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('health', () => {
  it('is alive and ready on a migrated database', async () => {
    expect((await t.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: t.ctx.caps.kind });
  });

  it('is not ready while migrations are pending, and says what to run', async () => {
    const dbh = await openDatabase('sqlite::memory:');
    const ctx = {
      config: loadConfig({ NODE_ENV: 'test' }),
      dbh,
      db: dbh.db,
      caps: dbh.caps,
      logger: createLogger('silent'),
      jobs: COMPOSITION.jobs,
      secrets: secretBox(randomBytes(SECRET_KEY_BYTES)),
      now: () => new Date(),
    };
    const server = await buildServer(ctx);
    const res = await server.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json().detail).toMatch(/baton migrate/);
    await server.app.close();
    await dbh.close();
  });
});

describe('OpenAPI', () => {
  it('documents every /api/v1 route with its schemas', async () => {
    const doc = (await t.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const route of t.server.routes) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path}`).toBeDefined();
    }
    const create = doc.paths['/api/v1/accounts'].post;
    expect(create.requestBody.content['application/json'].schema.required).toContain('segment');
  });

  it('serves a readable API page', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });
});
