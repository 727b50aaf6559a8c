import { portfolio } from '../modules/usage/adoption/adoption.service.ts';
import { integrationRows } from '../modules/usage/integrations/integration-status.service.ts';
import { underuse } from '../modules/usage/releases/release.service.ts';
import { DEFAULT_USAGE_THRESHOLDS } from '../modules/usage/signals/usage-signals.settings.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/test-db.ts';
import { listAccounts, listContacts } from '../modules/accounts/account.service.ts';
import { SYSTEM_ACTOR } from '../platform/auth/principal.ts';
import { AppError } from '../platform/errors/app-error.ts';
import { listMembers } from '../platform/identity/member.service.ts';
import { setPasswordOf, withPasswords } from '../platform/identity/login.service.ts';
import { addPersonDirectly } from '../platform/identity/operator.service.ts';
import { createWorkspace, getWorkspaceBySlug, listPartners } from '../platform/identity/workspace.service.ts';
import { buildDemoWorkspace, rebuildDemoWorkspace } from './demo.service.ts';
import { generateDemo } from './generate.ts';

const today = new Date('2026-12-01T10:30:00Z');
let t: TestDatabase;
let admin: { userId: string; email: string };

/** The operator's workspace "main" and its admin, who can sign in. */
async function mainAdmin(db: TestDatabase['db']): Promise<{ userId: string; email: string }> {
  const main = await createWorkspace(db, SYSTEM_ACTOR, { slug: 'main' });
  const { member } = await addPersonDirectly(db, SYSTEM_ACTOR, main.id, {
    email: 'ops@example.com',
    name: 'Ops',
    role: 'admin',
    password: 'a-long-password',
  });
  return { userId: member.id, email: member.email };
}

beforeAll(async () => {
  t = await createTestDatabase();
  admin = await mainAdmin(t.db);
});
afterAll(async () => t?.close());

/** The demo workspace built once on the fixed day, for the tests that only read it (none of them changes it). */
let demoBuilt: Promise<Awaited<ReturnType<typeof buildDemoWorkspace>>> | undefined;
const demo = () =>
  (demoBuilt ??= t.db.transaction().execute((trx) => buildDemoWorkspace(trx, { admins: [admin], today })));

const everything = async (workspaceId: string, on: TestDatabase = t) =>
  (await listAccounts(on.db, on.caps, { workspaceId, partnerId: null }, { limit: 500 })).items;

describe('buildDemoWorkspace', () => {
  it('creates the demo workspace with its people, partner firms, accounts and stakeholders', async () => {
    const data = generateDemo(42, today);
    const summary = await demo();
    const expectedContacts = data.accounts.reduce((n, a) => n + a.contacts.length, 0);
    expect(summary).toMatchObject({
      slug: 'demo',
      users: 22 + 3 + 1,
      partners: 3,
      accounts: 200,
      contacts: expectedContacts,
    });
    // Every capability has its data: ticket histories, onboarding users with their nudges (their own tests tell more).
    expect(summary.ticketStatusChanges).toBeGreaterThan(summary.tickets);
    expect(summary.productUsers).toBeGreaterThan(summary.nudges);
    expect(summary.nudges).toBeGreaterThan(0);

    const workspace = await getWorkspaceBySlug(t.db, 'demo');
    expect(workspace).toMatchObject({ id: summary.workspaceId, isDemo: true, name: 'Demo: Northwind Software' });
    const members = await listMembers(t.db, workspace.id);
    expect(members.find((m) => m.email === admin.email)).toMatchObject({ role: 'admin' });
    const canSignIn = await withPasswords(
      t.db,
      members.map((m) => m.id),
    );
    expect(canSignIn.has(admin.userId)).toBe(true);
    expect(members.filter((m) => m.email.endsWith('@baton-demo.example')).some((m) => canSignIn.has(m.id))).toBe(false);
    expect(members.filter((m) => m.role === 'partner').every((m) => m.partnerId !== null)).toBe(true);

    const accounts = await everything(workspace.id);
    expect(accounts).toHaveLength(200);
    const memberIds = new Set(members.map((m) => m.id));
    const partnerIds = new Set((await listPartners(t.db, workspace.id)).map((p) => p.id));
    for (const a of accounts) {
      for (const owner of [a.aeUserId, a.deliveryLeadUserId, a.csmUserId, a.accountManagerUserId])
        if (owner) expect(memberIds.has(owner)).toBe(true);
      if (a.partnerId) expect(partnerIds.has(a.partnerId)).toBe(true);
    }
    expect(accounts.filter((a) => a.partnerId !== null)).toHaveLength(30);

    const sample = accounts.find((a) => a.name === data.accounts[0]?.name);
    const contacts = await listContacts(t.db, { workspaceId: workspace.id, partnerId: null }, sample?.id as string);
    expect(contacts.map((c) => c.email).sort()).toEqual(data.accounts[0]?.contacts.map((c) => c.email).sort());
  });
});

describe('the demo’s deals and handoffs', () => {
  it('tell stage-1 stories: every brief state, thin briefs flagged, repeated questions, a reopened deal', async () => {
    const data = generateDemo(42, today);
    await demo();
    const workspace = await getWorkspaceBySlug(t.db, 'demo');
    const count = async (table: 'deals' | 'handoff_briefs', column: 'journey_state' | 'state') =>
      Object.fromEntries(
        (
          await t.db
            .selectFrom(table)
            .select([column, (eb) => eb.fn.countAll().as('n')])
            .where('workspace_id', '=', workspace.id)
            .groupBy(column)
            .execute()
        ).map((r) => [(r as Record<string, unknown>)[column], Number(r.n)]),
      );
    const confirmed = data.deals.filter((d) => d.financeConfirmed && !d.reopens).length;
    const stories = (s: string) => data.deals.filter((d) => d.brief?.story === s).length;
    expect(await count('deals', 'journey_state')).toEqual({
      confirmed,
      reopened: 1,
      pending_confirmation: data.deals.filter((d) => !d.financeConfirmed && d.record.stage === 'closedwon').length,
      open: data.deals.filter((d) => d.record.stage !== 'closedwon' && d.record.stage !== 'closedlost').length,
      lost: data.deals.filter((d) => d.record.stage === 'closedlost').length,
    });
    expect(await count('handoff_briefs', 'state')).toEqual({
      draft: stories('draft_thin') + stories('draft_started'),
      submitted: stories('submitted_complete') + stories('submitted_thin'),
      returned: stories('returned'),
      accepted: stories('accepted') + stories('accepted_thin'),
    });
    for (const state of ['draft', 'submitted', 'returned', 'accepted'])
      expect((await count('handoff_briefs', 'state'))[state]).toBeGreaterThan(0);
    const signals = await t.db
      .selectFrom('signals')
      .select(['kind'])
      .where('workspace_id', '=', workspace.id)
      .where('resolved_at', 'is', null)
      .execute();
    const kinds = signals.map((s) => s.kind);
    expect(kinds.filter((k) => k === 'deal.reopened')).toHaveLength(1);
    expect(kinds).toContain('handoff.thin_brief');
    expect(kinds).toContain('handoff.repeated_requirement');
  });

  it('holds ten weeks of usage: an adoption portfolio, an underused release, a failing integration', async () => {
    await demo();
    const workspace = await getWorkspaceBySlug(t.db, 'demo');
    const scope = { workspaceId: workspace.id, partnerId: null };
    // Usage and integration syncs are dated from the demo's own day, never from the machine's clock.
    const demoDay = today.toISOString().slice(0, 10);
    const book = await portfolio(t.db, scope, {
      day: demoDay,
      sort: 'adoptionRate',
      order: 'asc',
      limit: 100,
      offset: 0,
    });
    expect(book.total).toBeGreaterThan(40);
    expect(book.items.every((r) => r.seats !== null && r.featuresEntitled !== null)).toBe(true);
    // Seats far above users on some customers: the low adoption the signals look for.
    expect(book.items[0]!.adoptionRate!).toBeLessThan(0.4);
    const report = await underuse(t.db, scope, demoDay, DEFAULT_USAGE_THRESHOLDS.release);
    const scheduled = report.items.find((r) => r.feature === 'scheduled-reports');
    expect(scheduled, JSON.stringify(scheduled)).toMatchObject({ flagged: true });
    const health = await integrationRows(t.db, scope, demoDay, DEFAULT_USAGE_THRESHOLDS.integration);
    expect(health.some((h) => h.errorSpike)).toBe(true);
    expect(health.some((h) => h.noRecentSync)).toBe(true);
  });

  it(
    'holds delivery in every state: projects queued, running (late, concentrated, ' +
      'blocked, partner-delivered), live, closed and cancelled, with time logged',
    async () => {
      await demo();
      const workspace = await getWorkspaceBySlug(t.db, 'demo');
      const projects = await t.db.selectFrom('projects').selectAll().where('workspace_id', '=', workspace.id).execute();
      const statuses = new Set(projects.map((p) => p.status));
      for (const s of ['queued', 'active', 'live', 'closed', 'cancelled']) expect(statuses, s).toContain(s);
      const active = projects.filter((p) => p.status === 'active');
      expect(active.some((p) => p.partner_id !== null)).toBe(true);
      expect(
        active.some(
          (p) => p.promised_go_live !== null && p.forecast_go_live !== null && p.forecast_go_live > p.promised_go_live,
        ),
      ).toBe(true);
      expect(active.every((p) => p.forecast_go_live !== null)).toBe(true);
      const open = await t.db
        .selectFrom('signals')
        .select(['kind'])
        .where('workspace_id', '=', workspace.id)
        .where('resolved_at', 'is', null)
        .execute();
      const kinds = new Set(open.map((s) => s.kind));
      for (const k of ['ttv.forecast_late', 'delivery.concentrated_work', 'delivery.blocked_task'])
        expect(kinds, k).toContain(k);
      const entries = await t.db
        .selectFrom('time_entries')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('workspace_id', '=', workspace.id)
        .executeTakeFirstOrThrow();
      expect(Number(entries.n)).toBeGreaterThan(100);
      // Nobody logged more than a working day on any day.
      const days = await t.db
        .selectFrom('time_entries')
        .select(['resource_id', 'on_date', (eb) => eb.fn.sum<number>('hours').as('h')])
        .where('workspace_id', '=', workspace.id)
        .groupBy(['resource_id', 'on_date'])
        .execute();
      expect(Math.max(...days.map((d) => Number(d.h)))).toBeLessThanOrEqual(8);
    },
  );
});

describe('rebuildDemoWorkspace', () => {
  it('rebuilds from scratch, keeping the admins who sign in and rejoining staff who have a user', async () => {
    // A database of its own: staff are users of every workspace they join, and this test gives one a password.
    const own = await createTestDatabase();
    try {
      const ownAdmin = await mainAdmin(own.db);
      await own.db.transaction().execute((trx) => buildDemoWorkspace(trx, { admins: [ownAdmin], today }));
      const before = await getWorkspaceBySlug(own.db, 'demo');
      const staff = (await listMembers(own.db, before.id)).find((m) => m.role === 'csm');
      // A staff member given a password keeps it; a password-less admin is not a real login and is dropped.
      await setPasswordOf(own.db, SYSTEM_ACTOR, staff?.email as string, 'another-long-password');
      await addPersonDirectly(own.db, SYSTEM_ACTOR, before.id, { email: 'nologin@example.com', role: 'admin' });

      const summary = await own.db.transaction().execute((trx) => rebuildDemoWorkspace(trx, 'demo', 42));
      expect(summary).toMatchObject({ slug: 'demo', users: 26, partners: 3, accounts: 200 });
      expect(summary.workspaceId).not.toBe(before.id);
      await expect(getWorkspaceBySlug(own.db, 'demo')).resolves.toMatchObject({
        id: summary.workspaceId,
        isDemo: true,
      });

      const members = await listMembers(own.db, summary.workspaceId);
      expect(members.find((m) => m.id === ownAdmin.userId)?.role).toBe('admin');
      expect(members.find((m) => m.id === staff?.id)).toMatchObject({ role: 'csm' });
      expect((await withPasswords(own.db, [staff?.id as string])).size).toBe(1);
      expect(members.some((m) => m.email === 'nologin@example.com')).toBe(false);
      expect(await everything(summary.workspaceId, own)).toHaveLength(200);
      expect(await everything(before.id, own)).toHaveLength(0);
    } finally {
      await own.close();
    }
  }, 120_000); // builds the demo twice, on a database of its own

  it('refuses a workspace that is not a demo one and leaves it alone', async () => {
    const error = await t.db
      .transaction()
      .execute((trx) => rebuildDemoWorkspace(trx, 'main'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('conflict');
    expect((await listMembers(t.db, (await getWorkspaceBySlug(t.db, 'main')).id)).map((m) => m.email)).toEqual([
      admin.email,
    ]);
  });

  it('builds the demo when its slug is free', async () => {
    const summary = await t.db.transaction().execute((trx) => rebuildDemoWorkspace(trx, 'demo-two', 7));
    expect(summary).toMatchObject({ slug: 'demo-two', users: 25, accounts: 200 });
  });
});
