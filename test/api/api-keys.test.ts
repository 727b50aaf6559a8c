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

describe('API keys', () => {
  it('shows the secret once, keeps only its hash, records last use, and stops working when revoked', async () => {
    const created = await admin.request({
      method: 'POST',
      url: '/api/v1/api-keys',
      payload: { name: 'warehouse sync', scope: 'admin' },
    });
    expect(created.statusCode).toBe(201);
    const { secret, apiKey } = created.json();
    expect(secret).toMatch(/^bk_[\w-]{12}\.[\w-]{43}$/);
    expect(secret.startsWith(`bk_${apiKey.prefix}.`)).toBe(true);

    const listed = await admin.request({ method: 'GET', url: '/api/v1/api-keys' });
    expect(listed.body).not.toContain(secret.split('.')[1]);
    const stored = await t.ctx.db
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', apiKey.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(secret.split('.')[1]);

    const used = await t.inject({
      method: 'GET',
      url: '/api/v1/accounts',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(used.statusCode).toBe(200);
    const after = (await admin.request({ method: 'GET', url: '/api/v1/api-keys' }))
      .json()
      .items.find((k: { id: string }) => k.id === apiKey.id);
    expect(after.lastUsedAt).not.toBeNull();

    expect((await admin.request({ method: 'DELETE', url: `/api/v1/api-keys/${apiKey.id}` })).statusCode).toBe(200);
    const refused = await t.inject({
      method: 'GET',
      url: '/api/v1/accounts',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().detail).toMatch(/unknown or revoked/);
  });

  it.each([
    ['a malformed key', 'Bearer nonsense'],
    ['a well-formed key that does not exist', `Bearer bk_${'a'.repeat(12)}.${'b'.repeat(43)}`],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
  ])('refuses %s with 401', async (_what, authorization) => {
    const res = await t.inject({ method: 'GET', url: '/api/v1/accounts', headers: { authorization } });
    expect(res.statusCode).toBe(401);
  });

  it('rejects an unknown scope, naming the field, and creates nothing', async () => {
    const before = (await admin.request({ method: 'GET', url: '/api/v1/api-keys' })).json().items.length;
    const res = await admin.request({ method: 'POST', url: '/api/v1/api-keys', payload: { name: 'x', scope: 'root' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body.scope');
    expect((await admin.request({ method: 'GET', url: '/api/v1/api-keys' })).json().items.length).toBe(before);
  });
});
