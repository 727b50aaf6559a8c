import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, redactUrl } from './config.ts';

describe('configuration', () => {
  it('defaults to SQLite in ./data on 127.0.0.1:3000 with the demo on', () => {
    const c = loadConfig({}, '/srv/baton');
    expect(c).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      dataDir: '/srv/baton/data',
      databaseUrl: 'sqlite:/srv/baton/data/baton.db',
      demo: true,
      secureCookies: 'auto',
    });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reads every variable', () => {
    const c = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://u:p@db/baton',
      BATON_DEMO: 'false',
      NODE_ENV: 'production',
      BATON_ADMIN_EMAIL: 'ops@example.com',
      BATON_ADMIN_PASSWORD: 'long-enough-secret',
    });
    expect(c).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://u:p@db/baton',
      demo: false,
      secureCookies: true,
      adminEmail: 'ops@example.com',
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ BATON_DEMO: 'maybe' }, 'BATON_DEMO'],
    [{ BATON_ADMIN_EMAIL: 'not-an-email' }, 'BATON_ADMIN_EMAIL'],
    [{ BATON_ADMIN_PASSWORD: 'short' }, 'BATON_ADMIN_PASSWORD'],
    [{ BATON_LOG_LEVEL: 'loud' }, 'BATON_LOG_LEVEL'],
  ])('stops on %o naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(name));
  });

  it('in production, refuses an admin email without a password', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', BATON_ADMIN_EMAIL: 'ops@example.com' })).toThrow(
      /BATON_ADMIN_PASSWORD/,
    );
  });

  it('makes cookies Secure and sends HSTS for an https:// public URL or in production; else Secure over HTTPS requests only', () => {
    expect(loadConfig({})).toMatchObject({ secureCookies: 'auto', hsts: false, trustProxy: ['loopback'] });
    expect(loadConfig({ BATON_PUBLIC_URL: 'https://baton.example.com' })).toMatchObject({
      secureCookies: true,
      hsts: true,
    });
    expect(loadConfig({ BATON_PUBLIC_URL: 'http://baton.lan:3000' })).toMatchObject({
      secureCookies: 'auto',
      hsts: false,
    });
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ secureCookies: true, hsts: true });
    expect(loadConfig({ NODE_ENV: 'production', BATON_SECURE_COOKIES: 'false' })).toMatchObject({
      secureCookies: false,
      hsts: false,
    });
    expect(loadConfig({ BATON_SECURE_COOKIES: 'true' })).toMatchObject({ secureCookies: true, hsts: true });
  });

  it('reads BATON_TRUST_PROXY as true, false, or addresses, subnets and names; refuses anything else naming it', () => {
    expect(loadConfig({ BATON_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ BATON_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ BATON_TRUST_PROXY: ' 10.0.0.0/8, loopback ,192.168.1.5,fd00::/8' }).trustProxy).toEqual([
      '10.0.0.0/8',
      'loopback',
      '192.168.1.5',
      'fd00::/8',
    ]);
    for (const bad of ['proxy.internal', '10.0.0.0/33', '10.0.0.1/8/2', 'loopback,', 'yes please']) {
      expect(() => loadConfig({ BATON_TRUST_PROXY: bad }), bad).toThrow(
        /BATON_TRUST_PROXY must be true, false, or a comma-separated list/,
      );
    }
  });

  it('hides the password of a database URL', () => {
    expect(redactUrl('postgres://baton:s3cret@db:5432/baton')).toBe('postgres://baton:***@db:5432/baton');
    expect(redactUrl('sqlite:/data/baton.db')).toBe('sqlite:/data/baton.db');
  });

  it('parses BATON_SMTP_URL once, and refuses one that is not an SMTP server', () => {
    expect(loadConfig({ BATON_SMTP_URL: 'smtp://baton:p%40ss@mail.example:2525' }).smtp).toEqual({
      host: 'mail.example',
      port: 2525,
      secure: false,
      user: 'baton',
      pass: 'p@ss',
    });
    expect(loadConfig({ BATON_SMTP_URL: 'smtps://mail.example' }).smtp).toMatchObject({ port: 465, secure: true });
    expect(loadConfig({}).smtp).toBeUndefined();
    for (const bad of ['http://mail.example', 'mail.example:25', 'smtp://mail.example/path']) {
      expect(() => loadConfig({ BATON_SMTP_URL: bad }), bad).toThrow(/BATON_SMTP_URL must look like/);
    }
    expect(() => loadConfig({ BATON_SMTP_FROM: 'baton' })).toThrow(/BATON_SMTP_FROM must be an email address/);
  });

  it('parses the chat model for written answers once: all three of its variables or none', () => {
    const llm = { BATON_LLM_URL: 'https://llm.example/v1/', BATON_LLM_API_KEY: 'sk-1', BATON_LLM_MODEL: 'small' };
    expect(loadConfig(llm).llm).toEqual({
      url: 'https://llm.example/v1',
      apiKey: 'sk-1',
      model: 'small',
      timeoutMs: 20_000,
    });
    expect(loadConfig({ ...llm, BATON_LLM_TIMEOUT_MS: '5000' }).llm?.timeoutMs).toBe(5000);
    expect(loadConfig({}).llm).toBeUndefined();
    expect(() => loadConfig({ BATON_LLM_URL: 'https://llm.example/v1' })).toThrow(/set all three/);
    expect(() => loadConfig({ ...llm, BATON_LLM_URL: 'llm.example' })).toThrow(/BATON_LLM_URL must be an http/);
  });
});
