import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type Server } from '../../src/platform/http/server.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/** The server serves the web app's files and lets client-side routes survive a reload. */
describe('web app serving', () => {
  let t: TestApp;
  let server: Server;
  let webDir: string;

  beforeAll(async () => {
    t = await createTestApp();
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-web-'));
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Baton</title>');
    fs.writeFileSync(path.join(webDir, 'assets', 'app-1.js'), 'console.log(1)');
    server = await buildServer(t.ctx, { webDir });
  });
  afterAll(async () => {
    await server?.app.close();
    await t?.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  const get = (url: string) => server.app.inject({ method: 'GET', url });

  it('answers / and client-side routes with index.html, never cached', async () => {
    for (const url of ['/', '/deals', '/settings/api-keys?tab=1']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('<title>Baton</title>');
    }
  });

  it('serves built assets, including ones written after start-up', async () => {
    expect((await get('/assets/app-1.js')).body).toBe('console.log(1)');
    fs.writeFileSync(path.join(webDir, 'assets', 'app-2.js'), 'console.log(2)');
    expect((await get('/assets/app-2.js')).body).toBe('console.log(2)');
  });

  it('answers a missing asset and an unknown API path with a 404 problem, not the page', async () => {
    for (const url of ['/assets/gone-0.js', '/api/v1/nothing-here']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });
});
