import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, redactUrl } from './config.ts';

describe('configuration', () => {
  it('defaults to SQLite in ./data on 127.0.0.1:3000 with the demo on', () => {
    const c = loadConfig({}, '/srv/baton');
    expect(c).toMatchObject({ host: '127.0.0.1', port: 3000, dataDir: '/srv/baton/data', databaseUrl: 'sqlite:/srv/baton/data/baton.db', demo: true, secureCookies: false });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reads every variable', () => {
    const c = loadConfig({ PORT: '8080', HOST: '0.0.0.0', DATABASE_URL: 'postgres://u:p@db/baton', BATON_DEMO: 'false', NODE_ENV: 'production', BATON_ADMIN_EMAIL: 'ops@example.com', BATON_ADMIN_PASSWORD: 'long-enough-secret' });
    expect(c).toMatchObject({ port: 8080, host: '0.0.0.0', databaseUrl: 'postgres://u:p@db/baton', demo: false, secureCookies: true, adminEmail: 'ops@example.com' });
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
    expect(() => loadConfig({ NODE_ENV: 'production', BATON_ADMIN_EMAIL: 'ops@example.com' })).toThrow(/BATON_ADMIN_PASSWORD/);
  });

  it('hides the password of a database URL', () => {
    expect(redactUrl('postgres://baton:s3cret@db:5432/baton')).toBe('postgres://baton:***@db:5432/baton');
    expect(redactUrl('sqlite:/data/baton.db')).toBe('sqlite:/data/baton.db');
  });
});
