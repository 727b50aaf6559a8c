import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  const ws = await t.workspace('acme');
  admin = await t.login((await t.user(ws, 'admin')).email);
});
afterAll(async () => t?.close());

const accountCount = async () =>
  Number(
    (
      await t.ctx.db
        .selectFrom('accounts')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const auditCount = async () =>
  Number(
    (
      await t.ctx.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('bad input gets problem details and writes nothing', () => {
  it.each([
    ['malformed JSON', '{"name": "Acme", ', 'body'],
    ['a JSON array instead of an object', '[1,2]', 'body'],
    ['a missing required field', '{"name":"Acme"}', 'body.segment'],
    ['a value outside its enum', '{"name":"Acme","segment":"huge"}', 'body.segment'],
    ['a wrong type', '{"name":42,"segment":"smb"}', 'body.name'],
    ['a too long country code', '{"name":"Acme","segment":"smb","country":"FRA"}', 'body.country'],
    ['a NUL character (PostgreSQL cannot store it)', '{"name":"Ac\\u0000me","segment":"smb"}', 'body.name'],
    ['a lone surrogate', '{"name":"Acme \\ud800","segment":"smb"}', 'body.name'],
    ['a NUL in a property name', '{"name":"Acme","segment":"smb","a\\u0000":1}', 'body.a\\u0000'],
    [
      'nesting deeper than 64 levels',
      `{"name":"Acme","segment":"smb","x":${'['.repeat(20_000)}${']'.repeat(20_000)}}`,
      'body',
    ],
    ['a __proto__ key', '{"name":"Acme","segment":"smb","__proto__":{"admin":true}}', 'body'],
  ])('%s → 400 naming %s', async (_what, body, field) => {
    const [accounts, audits] = [await accountCount(), await auditCount()];
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: body,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json();
    expect(problem).toMatchObject({ status: 400, type: 'urn:baton:problem:validation', instance: '/api/v1/accounts' });
    expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(problem.requestId).toBe(res.headers['x-request-id']);
    expect([await accountCount(), await auditCount()]).toEqual([accounts, audits]);
  });

  it('rejects a body over the size limit with 413', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: JSON.stringify({ name: 'x'.repeat(2_000_000), segment: 'smb' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().type).toBe('urn:baton:problem:payload-too-large');
  });

  it('rejects an unsupported content type with 415', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: 'name=Acme',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(415);
  });

  it('rejects a bad query parameter naming it', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/v1/accounts?limit=5000' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('querystring.limit');
  });

  it('rejects a NUL in a query parameter or a path parameter naming it, before any login too', async () => {
    const search = await admin.request({ method: 'GET', url: '/api/v1/accounts?q=a%00b' });
    expect(search.statusCode).toBe(400);
    expect(search.json().errors[0].field).toBe('querystring.q');
    const path = await admin.request({ method: 'GET', url: '/api/v1/accounts/a%00b' });
    expect(path.statusCode).toBe(400);
    expect(path.json().errors[0].field).toBe('params.id');
    const login = await t.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'x@example.com', password: 'x'.repeat(12), workspace: 'ac\u0000me' },
    });
    expect(login.statusCode).toBe(400);
    expect(login.json().errors[0].field).toBe('body.workspace');
  });

  it('rejects a forged cursor', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/v1/accounts?cursor=bm90LWEtY3Vyc29y' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('query.cursor');
  });

  it('answers an unknown API path with a 404 problem', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('keeps a sane request id sent by the client and replaces an unsafe one', async () => {
    const kept = await t.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'lb-1234.abc' } });
    expect(kept.headers['x-request-id']).toBe('lb-1234.abc');
    const replaced = await t.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'bad id <script>' } });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers', async () => {
    const res = await t.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});
