import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEY_SCOPES, ROLES, type Role, roleAllows, scopeAllows } from '../../src/platform/auth/permissions.ts';
import { applyDealBatch } from '../../src/modules/deals/deal.service.ts';
import { StageMap } from '../../src/modules/deals/stage-mapping.ts';
import { DEFAULT_GUARD } from '../../src/modules/deals/deal.ts';
import { raiseSignal } from '../../src/modules/signals/index.ts';
import * as relationshipRules from '../../src/modules/relationship/signals/relationship-signals.settings.ts';
import { enqueueJob } from '../../src/platform/jobs/job.service.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';
import { dayFromToday } from '../helpers/delivery.ts';

/**
 * Generated from the server's own route table: every /api/v1 route, every role and API key scope.
 * A route added later is covered without touching this file, and one with an `:id` that has no
 * cross-workspace fixture below fails until it gets one.
 */

let t: TestApp;
const clients = new Map<Role, Client>();
const keys = new Map<string, string>();
const otherWorkspace: Record<string, string> = {};
let emails = new Map<Role, string>();

/** For each `:id` route family, the id of a record that exists in the *other* workspace. */
const crossWorkspaceId = (url: string): string | undefined => {
  const family = url.split('/')[3] ?? '';
  return otherWorkspace[family];
};

/** A valid body for each `:id` write route, so that only the workspace boundary can refuse it. */
const VALID_BODIES: Record<string, unknown> = {
  'PATCH /api/v1/accounts/:id': { name: 'hijacked' },
  'POST /api/v1/accounts/:id/contacts': { name: 'Mallory', role: 'champion' },
  'PATCH /api/v1/users/:id': { role: 'viewer' },
  'POST /api/v1/invitations/:id/accept': {},
  'POST /api/v1/invitations/:id/decline': {},
  'PUT /api/v1/deals/:id/finance-confirmation': { confirmed: true },
  'PATCH /api/v1/deals/:id/terms': { discountPct: 10 },
  'PATCH /api/v1/commitments/:id': { what: 'hijacked' },
  'PUT /api/v1/commitments/:id/status': { status: 'planned' },
  'PUT /api/v1/handoffs/:id/content': { content: {} },
  'POST /api/v1/handoffs/:id/submit': {},
  'POST /api/v1/handoffs/:id/accept': {},
  'POST /api/v1/handoffs/:id/return': { reasons: ['no goals'] },
  'POST /api/v1/handoffs/:id/clarifications': { question: 'Which SSO provider?' },
  'PUT /api/v1/handoffs/:id/clarifications/:clarificationId': { answer: 'Okta' },
  'POST /api/v1/accounts/:id/ownership-handoffs': { toRole: 'csm', toUserId: 'x' },
  'PUT /api/v1/usage/accounts/:id/seats': { seats: 10 },
  'PUT /api/v1/usage/accounts/:id/plan': { plan: 'pro' },
  'PATCH /api/v1/usage/features/:id': { name: 'hijacked' },
  'PATCH /api/v1/usage/releases/:id': { name: 'hijacked' },
  'PUT /api/v1/usage/nudges/rules/:id': { name: 'hijacked' },
  'PATCH /api/v1/playbooks/:id': { name: 'hijacked' },
  'PATCH /api/v1/resources/:id': { name: 'hijacked' },
  'POST /api/v1/resources/:id/time-off': { from: '2026-01-01', to: '2026-01-02' },
  'PATCH /api/v1/time-entries/:id': { hours: 1 },
  'PATCH /api/v1/support/tickets/:id': { category: 'bug' },
  'PUT /api/v1/knowledge/articles/:id': { title: 'hijacked' },
  'POST /api/v1/knowledge/articles/from-ticket/:ticketId': {},
  'POST /api/v1/knowledge/projects/:id/lessons': { kind: 'lesson', text: 'hijacked' },
  'POST /api/v1/knowledge/lessons/:id/article': {},
  'POST /api/v1/knowledge/tickets/:id/deflections': {},
  'POST /api/v1/knowledge/deflections/:id/answer': { helped: true },
  'POST /api/v1/assistant/answers': { question: 'How do I rotate the certificate?' },
  'PATCH /api/v1/projects/:id': { name: 'hijacked' },
  'POST /api/v1/projects/:id/kickoff': {},
  'POST /api/v1/projects/:id/go-live': {},
  'POST /api/v1/projects/:id/close': {},
  'POST /api/v1/projects/:id/cancel': { reason: 'hijacked' },
  'PATCH /api/v1/projects/:id/tasks/:taskId': { state: 'in_progress' },
  'POST /api/v1/projects/:id/tasks': { name: 'Hijack', phase: 'Setup', effortHours: 1 },
  'POST /api/v1/projects/:id/comments': { text: 'hijacked' },
  'PUT /api/v1/projects/:id/slips/:slipId': { code: 'other' },
  'POST /api/v1/projects/:id/rework': { hours: 1, cause: 'defect' },
  'PATCH /api/v1/alerts/subscriptions/:id': { enabled: false },
  'POST /api/v1/alerts/deliveries/:id/replay': {},
  'PATCH /api/v1/alerts/my-subscriptions/:id': { enabled: false },
  'POST /api/v1/alerts/my-subscriptions/:id/test': {},
  'POST /api/v1/projects/:id/tasks/:taskId/assignment-preview': { assigneeId: null },
  'POST /api/v1/projects/:id/slips': { expectedOn: '2030-01-01', reason: { code: 'other' } },
  'POST /api/v1/projects/:id/promise': {
    promisedGoLive: '2030-01-01',
    reason: { code: 'customer_delay' },
    agreedBy: 'Sponsor',
    customerAgreed: true,
  },
  'POST /api/v1/projects/:id/portal-links': { label: 'hijack' },
  'POST /api/v1/signals/:id/acknowledge': {},
  'POST /api/v1/signals/:id/snooze': { until: '2099-01-01' },
  'POST /api/v1/signals/:id/dismiss': { reason: 'not_relevant' },
  'POST /api/v1/signals/:id/reopen': {},
  'PUT /api/v1/plays/:id': {
    name: 'Hijacked',
    trigger: { type: 'deal_confirmed' },
    tasks: [{ title: 'Hijack', role: 'csm', dueInDays: 1 }],
  },
  'POST /api/v1/play-tasks/:id/complete': {},
  'POST /api/v1/play-tasks/:id/reopen': {},
  'PUT /api/v1/signal-rules/:settingKey': relationshipRules.DEFAULT_RELATIONSHIP_THRESHOLDS,
  'PUT /api/v1/playbooks/:id/definition': {
    definition: {
      phases: [
        {
          key: 'p',
          name: 'P',
          milestones: [{ key: 'm', name: 'M' }],
          tasks: [{ key: 't', name: 'T', ownerRole: 'consultant', effortHours: 1, durationDays: 1, milestone: 'm' }],
        },
      ],
      firstValueMilestone: 'm',
      goLiveMilestone: 'm',
    },
  },
};

const MISSING_ID = '00000000-0000-7000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  const a = await t.workspace('alpha');
  const partnerId = await t.partner(a, 'Acme Partners');
  emails = new Map();
  for (const role of ROLES) {
    const { email } = await t.user(a, role, { partnerId: role === 'partner' ? partnerId : null });
    emails.set(role, email);
    clients.set(role, await t.login(email));
  }
  for (const scope of API_KEY_SCOPES) keys.set(scope, await t.apiKey(a, scope));
  // Ids in a body are checked against the caller's workspace first: a member of it, so only the path can refuse.
  VALID_BODIES['POST /api/v1/accounts/:id/ownership-handoffs'] = {
    toRole: 'csm',
    toUserId: (await t.user(a, 'csm')).userId,
  };
  const alphaAccount = await clients
    .get('admin')
    ?.request({ method: 'POST', url: '/api/v1/accounts', payload: { name: 'Alpha Corp', segment: 'smb' } });
  VALID_BODIES['POST /api/v1/plays/:id/start'] = { accountId: alphaAccount?.json().id };

  VALID_BODIES['POST /api/v1/regulatory-events/:id/reviews'] = {
    accountId: (
      await clients.get('admin')!.request({
        method: 'POST',
        url: '/api/v1/accounts',
        payload: { name: 'Alpha Corp', segment: 'smb' },
      })
    ).json().id,
  };

  const b = await t.workspace('beta');
  const bAdmin = await t.user(b, 'admin');
  const bClient = await t.login(bAdmin.email);
  const account = await bClient.request({
    method: 'POST',
    url: '/api/v1/accounts',
    payload: { name: 'Beta Corp', segment: 'smb' },
  });
  const key = await bClient.request({
    method: 'POST',
    url: '/api/v1/api-keys',
    payload: { name: 'beta', scope: 'ingest' },
  });
  const job = await enqueueJob(t.ctx.db, t.ctx.jobs, { type: 'platform.jobs.prune', payload: {}, workspaceId: b });
  otherWorkspace.accounts = account.json().id;
  otherWorkspace['api-keys'] = key.json().apiKey.id;
  otherWorkspace.users = bAdmin.userId;
  otherWorkspace.invitations = (
    await bClient.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'invited-to-beta@example.com', role: 'viewer' },
    })
  ).json().invitation.id;
  otherWorkspace.jobs = job.id;
  const imported = await bClient.request({
    method: 'POST',
    url: `/api/v1/imports/accounts?mapping=${encodeURIComponent('{"Customer":"name"}')}&defaults=${encodeURIComponent('{"segment":"smb"}')}`,
    headers: { 'content-type': 'text/csv' },
    payload: 'Customer\nBeta Imports\n',
  });
  otherWorkspace.imports = imported.json().runId;
  const record = {
    source: 'csv' as const,
    externalId: 'B-1',
    name: 'Beta renewal',
    accountName: 'Beta Corp',
    accountExternalId: null,
    stage: 'won',
    stageCategory: 'won' as const,
    pipeline: null,
    amount: 1000,
    currency: 'USD',
    closeDate: '2026-10-01',
    signedDate: '2026-10-01',
    createdDate: null,
    owner: null,
    products: [],
    partner: null,
  };
  await applyDealBatch(
    t.ctx.db,
    { workspaceId: b, guard: DEFAULT_GUARD, stages: new StageMap([]), unmappedStages: new Set() },
    [{ row: 1, record }],
  );
  otherWorkspace.deals = (
    await t.ctx.db.selectFrom('deals').select('id').where('workspace_id', '=', b).executeTakeFirstOrThrow()
  ).id;
  const promise = await bClient.request({
    method: 'POST',
    url: '/api/v1/commitments',
    payload: { accountId: otherWorkspace.accounts, what: 'SSO', toName: 'Beta CTO', words: 'by Q3' },
  });
  otherWorkspace.commitments = promise.json().id;
  await bClient.request({
    method: 'PUT',
    url: `/api/v1/deals/${otherWorkspace.deals}/finance-confirmation`,
    payload: { confirmed: true },
  });
  otherWorkspace.handoffs = (
    await t.ctx.db.selectFrom('handoff_briefs').select('id').where('workspace_id', '=', b).executeTakeFirstOrThrow()
  ).id;
  // /api/v1/usage/accounts/:id/… routes take an account id.
  otherWorkspace.usage = account.json().id;
  otherWorkspace.revenue = account.json().id;
  otherWorkspace.relationship = account.json().id;
  await bClient.request({
    method: 'POST',
    url: '/api/v1/imports/tickets',
    headers: { 'content-type': 'text/csv' },
    payload: 'external_id,subject,created_at\nB-T1,Beta question,2026-10-01\n',
  });
  otherWorkspace.support = (
    await t.ctx.db.selectFrom('tickets').select('id').where('workspace_id', '=', b).executeTakeFirstOrThrow()
  ).id;
  // /api/v1/knowledge/…/:id: an article of B (no ticket, project or lesson of A has that id either).
  otherWorkspace.knowledge = (
    await bClient.request({ method: 'POST', url: '/api/v1/knowledge/articles', payload: { title: 'Beta article' } })
  ).json().id;
  // /api/v1/alerts/…/:id: a subscription of B (for the replay route too: no delivery of A has that id either).
  otherWorkspace.alerts = (
    await bClient.request({
      method: 'POST',
      url: '/api/v1/alerts/subscriptions',
      payload: { channel: 'email', target: 'alerts@beta.example' },
    })
  ).json().id;
  // /api/v1/health/risk/accounts/:id takes an account id (risk jobs of another workspace: test/api/health-risk.test.ts).
  otherWorkspace.health = account.json().id;
  // Every workspace starts with the built-in playbooks.
  otherWorkspace.playbooks = (
    await t.ctx.db.selectFrom('playbooks').select('id').where('workspace_id', '=', b).executeTakeFirstOrThrow()
  ).id;
  // People, a project with its time and economics.
  const resource = await bClient.request({
    method: 'POST',
    url: '/api/v1/resources',
    payload: { name: 'Beta Consultant', role: 'consultant', weeklyCapacityHours: 40 },
  });
  otherWorkspace.resources = resource.json().id;
  const betaProject = (
    await bClient.request({
      method: 'POST',
      url: '/api/v1/projects',
      payload: { accountId: otherWorkspace.accounts, name: 'Beta project' },
    })
  ).json().id as string;
  otherWorkspace.projects = betaProject;
  const entry = await bClient.request({
    method: 'POST',
    url: '/api/v1/time-entries',
    payload: { projectId: betaProject, resourceId: otherWorkspace.resources, date: dayFromToday(-1), hours: 2 },
  });
  otherWorkspace['time-entries'] = entry.json().id;
  otherWorkspace.signals = (
    await raiseSignal(t.ctx.db, {
      workspaceId: b,
      kind: 'deal.reopened',
      accountId: otherWorkspace.accounts as string,
      severity: 'warning',
      subjectType: 'deal',
      subjectId: otherWorkspace.deals as string,
      title: 'Beta deal reopened',
      evidence: {},
    })
  ).id;
  const betaPlays = (await bClient.request({ method: 'GET', url: '/api/v1/plays' })).json().items as Array<{
    id: string;
  }>;
  otherWorkspace.plays = betaPlays[0]?.id as string;
  const betaRun = await bClient.request({
    method: 'POST',
    url: `/api/v1/plays/${otherWorkspace.plays}/start`,
    payload: { accountId: otherWorkspace.accounts },
  });
  otherWorkspace['play-runs'] = betaRun.json().id;
  otherWorkspace['play-tasks'] = betaRun.json().tasks[0].id;
  // A re-evaluation of B's signal rules: `:settingKey` given its id names no rule set either.
  otherWorkspace['signal-rules'] = (
    await bClient.request({
      method: 'PUT',
      url: '/api/v1/signal-rules/relationship.signals',
      payload: relationshipRules.DEFAULT_RELATIONSHIP_THRESHOLDS,
    })
  ).json().lastRun.id;
  otherWorkspace['regulatory-events'] = (
    await bClient.request({
      method: 'POST',
      url: '/api/v1/regulatory-events',
      payload: { name: 'Beta rule', industries: [], regions: [], effectiveOn: '2030-01-01' },
    })
  ).json().id;
});

afterAll(async () => {
  await t?.close();
});

const concrete = (url: string, id: string) => url.replace(/:[A-Za-z]+/g, id);
const bodyFor = (method: string) => (['POST', 'PUT', 'PATCH'].includes(method) ? {} : undefined);
const isAllowedStatus = (status: number) => status !== 401 && status !== 403;

describe('role × route matrix', () => {
  it('covers every /api/v1 route', () => {
    expect(t.server.routes.length).toBeGreaterThan(15);
  });

  it('refuses every non-public route without credentials (401)', async () => {
    for (const route of t.server.routes.filter((r) => r.access !== 'public')) {
      const res = await t.inject({
        method: route.method as 'GET',
        url: concrete(route.url, MISSING_ID),
        payload: bodyFor(route.method),
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it.each(ROLES.map((r) => [r]))('gives role %s exactly what its permissions allow', async (role) => {
    for (const route of t.server.routes.filter((r) => r.access !== 'public')) {
      let client = clients.get(role) as Client;
      if (route.method === 'DELETE' && route.url === '/api/v1/session')
        client = await t.login(emails.get(role) as string);
      const res = await client.request({
        method: route.method as 'GET',
        url: concrete(route.url, MISSING_ID),
        payload: bodyFor(route.method),
      });
      const expected = route.access === 'signed_in' || (route.access !== 'public' && roleAllows(role, route.access));
      expect(
        isAllowedStatus(res.statusCode),
        `${role} ${route.method} ${route.url} → ${res.statusCode} ${res.body}`,
      ).toBe(expected);
      if (!expected) expect(res.statusCode).toBe(403);
    }
  });

  it.each(API_KEY_SCOPES.map((s) => [s]))(
    'gives an API key of scope %s exactly what its scope allows',
    async (scope) => {
      for (const route of t.server.routes.filter((r) => r.access !== 'public')) {
        const res = await t.inject({
          method: route.method as 'GET',
          url: concrete(route.url, MISSING_ID),
          payload: bodyFor(route.method),
          headers: { authorization: `Bearer ${keys.get(scope)}` },
        });
        const expected =
          route.access === 'signed_in' || (route.access !== 'public' && scopeAllows(scope, route.access));
        expect(
          isAllowedStatus(res.statusCode),
          `${scope} ${route.method} ${route.url} → ${res.statusCode} ${res.body}`,
        ).toBe(expected);
      }
    },
  );

  it('never reaches another workspace’s records (404)', async () => {
    const admin = clients.get('admin') as Client;
    for (const route of t.server.routes.filter((r) => r.url.includes(':'))) {
      const id = crossWorkspaceId(route.url);
      expect(id, `add a cross-workspace fixture for ${route.url}`).toBeDefined();
      const key = `${route.method} ${route.url}`;
      const needsBody = ['POST', 'PUT', 'PATCH'].includes(route.method) && !route.url.endsWith('/retry');
      expect(!needsBody || key in VALID_BODIES, `add a valid body for ${key}`).toBe(true);
      const payload = VALID_BODIES[key] ?? bodyFor(route.method);
      const res = await admin.request({
        method: route.method as 'GET',
        url: concrete(route.url, id as string),
        payload,
      });
      expect(res.statusCode, `${route.method} ${route.url} with another workspace's id → ${res.body}`).toBe(404);
    }
    const other = await t.inject({
      method: 'GET',
      url: '/api/v1/accounts',
      headers: { authorization: `Bearer ${keys.get('admin')}` },
    });
    expect(other.json().items.map((a: { name: string }) => a.name)).not.toContain('Beta Corp');
  });
});

/**
 * Every write route that touches a person, a membership, an invitation, an API key or a session, found in the
 * live route table, tried by every role and API key of workspace A against the people of workspace B with the
 * bodies of a takeover (a password, a name, disabling, an invitation to B's admin and its link, a sign-in with
 * the attacker's password, a switch into B). Afterwards B, its people, their logins, memberships, API keys and
 * sessions are byte for byte what they were.
 */
describe('no write reaches the people of another workspace', () => {
  const IDENTITY_ROUTE = /^\/api\/v1\/(users|invitations|invitation-links|password-links|api-keys|session|me)(\/|$)/;
  const ATTACKER_PASSWORD = 'attacker-pass-999';

  it('leaves workspace B, its people, logins, memberships, API keys and sessions unchanged', async () => {
    const b = (
      await t.ctx.db.selectFrom('workspaces').select('id').where('slug', '=', 'beta').executeTakeFirstOrThrow()
    ).id;
    const bMember = await t.user(b, 'csm');
    const bMemberClient = await t.login(bMember.email, { workspace: 'beta' });
    expect((await bMemberClient.request({ method: 'GET', url: '/api/v1/session' })).statusCode).toBe(200);
    const bPeople = await t.ctx.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id', 'users.email'])
      .where('workspace_id', '=', b)
      .execute();
    const bAdminEmail = (
      await t.ctx.db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select('users.email')
        .where('workspace_id', '=', b)
        .where('role', '=', 'admin')
        .executeTakeFirstOrThrow()
    ).email;
    const bKey = (
      await t.ctx.db.selectFrom('api_keys').select('id').where('workspace_id', '=', b).executeTakeFirstOrThrow()
    ).id;
    const bInvitation = otherWorkspace.invitations as string;

    const snapshot = async () => {
      const ids = bPeople.map((p) => p.id);
      return {
        workspace: await t.ctx.db.selectFrom('workspaces').selectAll().where('id', '=', b).execute(),
        logins: await t.ctx.db.selectFrom('users').selectAll().where('id', 'in', ids).orderBy('id').execute(),
        memberships: await t.ctx.db
          .selectFrom('memberships')
          .selectAll()
          .where((eb) => eb.or([eb('workspace_id', '=', b), eb('user_id', 'in', ids)]))
          .orderBy('workspace_id')
          .orderBy('user_id')
          .execute(),
        apiKeys: await t.ctx.db
          .selectFrom('api_keys')
          .selectAll()
          .where('workspace_id', '=', b)
          .orderBy('id')
          .execute(),
        sessions: await t.ctx.db
          .selectFrom('sessions')
          .selectAll()
          .where((eb) => eb.or([eb('workspace_id', '=', b), eb('user_id', 'in', ids)]))
          .orderBy('id')
          .execute(),
        invitations: await t.ctx.db
          .selectFrom('invitations')
          .selectAll()
          .where('workspace_id', '=', b)
          .orderBy('id')
          .execute(),
      };
    };
    const before = await snapshot();
    expect(before.logins.length).toBeGreaterThanOrEqual(2);
    expect(before.sessions.length).toBeGreaterThanOrEqual(2);

    const writes = t.server.routes.filter((r) => r.method !== 'GET' && IDENTITY_ROUTE.test(r.url));
    expect(writes.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining([
        'POST /api/v1/users',
        'PATCH /api/v1/users/:id',
        'DELETE /api/v1/users/:id',
        'POST /api/v1/session',
        'PUT /api/v1/me/password',
        'POST /api/v1/invitation-links/redeem',
        'POST /api/v1/password-links/redeem',
        'DELETE /api/v1/api-keys/:id',
      ]),
    );
    // Creating first (an invitation to B's admin, whose link is then tried), then changes, signing out last.
    const order = (r: { method: string; url: string }) =>
      r.url === '/api/v1/session' && r.method === 'DELETE'
        ? 3
        : r.method === 'POST'
          ? 0
          : r.method === 'DELETE'
            ? 2
            : 1;
    writes.sort((x, y) => order(x) - order(y));

    const aAdmin = await t.login(emails.get('admin') as string);
    const invited = (
      await aAdmin.request({ method: 'POST', url: '/api/v1/users', payload: { email: bAdminEmail, role: 'admin' } })
    ).json();
    const stolenToken = (invited.link as string).split('#')[1] as string;
    const bodies = [
      {},
      { role: 'viewer' },
      { role: 'admin', partnerId: null },
      { password: ATTACKER_PASSWORD },
      { name: 'Pwned' },
      { disabled: true },
      { email: bAdminEmail, role: 'viewer' },
      { email: bAdminEmail, password: ATTACKER_PASSWORD, workspace: 'beta' },
      { workspaceId: b },
      { currentPassword: ATTACKER_PASSWORD, newPassword: ATTACKER_PASSWORD },
      { token: stolenToken, password: ATTACKER_PASSWORD },
      { token: stolenToken, password: ATTACKER_PASSWORD, name: 'Pwned' },
      { token: 'a-guessed-token', password: ATTACKER_PASSWORD },
    ];
    const targets = [...bPeople.map((p) => p.id), bKey, bInvitation];

    type Caller = (opts: {
      method: string;
      url: string;
      payload?: unknown;
    }) => Promise<{ statusCode: number; body: string }>;
    const callers: Array<[string, Caller]> = [];
    for (const role of ROLES) {
      const client = await t.login(emails.get(role) as string);
      callers.push([
        role,
        (o) => client.request({ method: o.method as 'GET', url: o.url, payload: o.payload as never }),
      ]);
    }
    for (const scope of API_KEY_SCOPES) {
      callers.push([
        `api key ${scope}`,
        (o) =>
          t.inject({
            method: o.method as 'GET',
            url: o.url,
            payload: o.payload as never,
            headers: { authorization: `Bearer ${keys.get(scope)}` },
          }),
      ]);
    }
    callers.push(['nobody', (o) => t.inject({ method: o.method as 'GET', url: o.url, payload: o.payload as never })]);

    let tried = 0;
    for (const [who, call] of callers) {
      for (const route of writes) {
        const urls = route.url.includes(':') ? targets.map((id) => concrete(route.url, id)) : [route.url];
        const payloads = ['POST', 'PUT', 'PATCH'].includes(route.method) ? bodies : [undefined];
        for (const url of urls) {
          for (const payload of payloads) {
            const res = await call({ method: route.method, url, payload });
            tried++;
            expect(
              res.statusCode,
              `${who} ${route.method} ${url} ${JSON.stringify(payload)} → ${res.body}`,
            ).toBeLessThan(500);
          }
        }
      }
    }
    expect(tried).toBeGreaterThan(1000);
    expect(await snapshot()).toEqual(before);
    // B's people still sign in with their own passwords, and nobody with the attacker's.
    expect((await bMemberClient.request({ method: 'GET', url: '/api/v1/session' })).statusCode).toBe(200);
    const attacker = await t.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: bMember.email, password: ATTACKER_PASSWORD },
    });
    expect(attacker.statusCode).toBe(401);
  }, 120_000); // every identity write tried against B by every caller: argon2 work, slow on a loaded machine
});
