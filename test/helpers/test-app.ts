import { randomBytes } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { AppContext } from '../../src/platform/app-context.ts';
import { createApiKey } from '../../src/platform/auth/api-key.service.ts';
import type { ApiKeyScope, Role } from '../../src/platform/auth/permissions.ts';
import { SYSTEM_ACTOR } from '../../src/platform/auth/principal.ts';
import { loadConfig } from '../../src/platform/config/config.ts';
import { createLogin, findLoginByEmail } from '../../src/platform/identity/login.service.ts';
import { grantMembership } from '../../src/platform/identity/member.service.ts';
import { createPartner, createWorkspace } from '../../src/platform/identity/workspace.service.ts';
import { buildServer, type Server } from '../../src/platform/http/server.ts';
import { COMPOSITION } from '../../src/app/modules.ts';
import { JobRunner } from '../../src/platform/jobs/runner.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import { SECRET_KEY_BYTES, secretBox } from '../../src/platform/secrets/secret-box.ts';
import { createTestDatabase, type TestDatabase } from './test-db.ts';

export const TEST_PASSWORD = 'correct-horse-battery';

/** A signed-in client: every request carries the session cookie and, for writes, the CSRF token. */
export interface Client {
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  cookie: string;
  csrfToken: string;
}

export interface TestApp {
  ctx: AppContext;
  server: Server;
  testDb: TestDatabase;
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
  workspace(slug: string): Promise<string>;
  /** Adds a member; a new email gets a login with TEST_PASSWORD, an existing one joins with its own. */
  user(
    workspaceId: string,
    role: Role,
    options?: { email?: string; partnerId?: string | null },
  ): Promise<{ userId: string; email: string }>;
  partner(workspaceId: string, name: string): Promise<string>;
  login(email: string, options?: { workspace?: string; password?: string }): Promise<Client>;
  apiKey(workspaceId: string, scope: ApiKeyScope): Promise<string>;
  /**
   * Runs every job due, as a serving instance's runner would (its scheduled slots included), until none is left;
   * returns the failed ones. `now` is the runner's clock, so a test of dated data never meets the machine's day.
   */
  runJobs(options?: { now?: Date }): Promise<Array<{ type: string; last_error: string | null }>>;
  close(): Promise<void>;
}

let counter = 0;

/**
 * A Baton server on a fresh database, driven in-process through Fastify's inject (real HTTP semantics, no socket).
 * `now` is the server's clock (the real time when left out): what "today" means to its routes.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: { now?: () => Date } = {},
): Promise<TestApp> {
  const testDb = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', BATON_LOGIN_RATE_LIMIT: '10000', ...env });
  const ctx: AppContext = {
    config,
    dbh: testDb.dbh,
    db: testDb.db,
    caps: testDb.caps,
    logger: createLogger('silent'),
    jobs: COMPOSITION.jobs,
    secrets: secretBox(randomBytes(SECRET_KEY_BYTES)),
    now: options.now ?? (() => new Date()),
  };
  const server = await buildServer(ctx);
  const inject = (opts: InjectOptions) => server.app.inject(opts);

  const app: TestApp = {
    ctx,
    server,
    testDb,
    inject,
    workspace: async (slug) => (await createWorkspace(ctx.db, SYSTEM_ACTOR, { slug })).id,
    partner: async (workspaceId, name) => (await createPartner(ctx.db, SYSTEM_ACTOR, workspaceId, name)).id,
    user: async (workspaceId, role, options = {}) => {
      const email = options.email ?? `${role}-${++counter}@example.com`;
      // The operator's path (no invitation): tests need members at once, not through the HTTP API.
      const login =
        (await findLoginByEmail(ctx.db, email)) ?? (await createLogin(ctx.db, { email, password: TEST_PASSWORD }));
      const m = await grantMembership(ctx.db, SYSTEM_ACTOR, workspaceId, {
        userId: login.id,
        role,
        partnerId: options.partnerId ?? null,
      });
      return { userId: m.id, email };
    },
    login: async (email, options = {}) => {
      const res = await inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { email, password: options.password ?? TEST_PASSWORD, workspace: options.workspace },
      });
      if (res.statusCode !== 204) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
      const setCookie = String(res.headers['set-cookie']);
      const cookie = setCookie.split(';')[0] as string;
      const session = await inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } });
      const csrfToken = session.json().csrfToken as string;
      return {
        cookie,
        csrfToken,
        request: (opts) => inject({ ...opts, headers: { cookie, 'x-csrf-token': csrfToken, ...(opts.headers ?? {}) } }),
      };
    },
    apiKey: async (workspaceId, scope) =>
      (await createApiKey(ctx.db, SYSTEM_ACTOR, workspaceId, { name: `test ${scope}`, scope })).secret,
    runJobs: async (options = {}) => {
      const clock = options.now;
      const now = clock ? () => clock : undefined;
      const runner = new JobRunner({
        db: ctx.db,
        caps: ctx.caps,
        registry: ctx.jobs,
        logger: ctx.logger,
        workerId: 'test',
        pollMs: 1000,
        now,
        config: ctx.config,
        secrets: ctx.secrets,
      });
      while ((await runner.tick()) > 0) {
        // until no job is due
      }
      return ctx.db
        .selectFrom('jobs')
        .select(['type', 'last_error'])
        .where('status', 'in', ['queued', 'dead'])
        .where('attempts', '>', 0)
        .execute();
    },
    close: async () => {
      await server.app.close();
      await testDb.close();
    },
  };
  return app;
}
