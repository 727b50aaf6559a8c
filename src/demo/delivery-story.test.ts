import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/test-db.ts';
import { getOwnership } from '../modules/handoffs/ownership.service.ts';
import { getProject } from '../modules/delivery/projects/project-query.service.ts';
import { buildDemoWorkspace } from './demo.service.ts';

/** The demo's delivery tells one consistent story: dates in order, owners moved on, accounts older than today. */

const today = new Date('2026-12-01T10:30:00Z');
let t: TestDatabase;
let workspaceId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  workspaceId = (await t.db.transaction().execute((trx) => buildDemoWorkspace(trx, { slug: 'story', today })))
    .workspaceId;
}, 240_000);
afterAll(async () => t?.close());

const projects = () => t.db.selectFrom('projects').selectAll().where('workspace_id', '=', workspaceId).execute();

describe('the demo’s delivery story', () => {
  it('accepts no project after it kicked off, nor before its deal was signed', async () => {
    const all = await projects();
    expect(all.length).toBeGreaterThan(30);
    for (const p of all) {
      if (p.kickoff_on)
        expect(
          p.accepted_on.slice(0, 10) <= p.kickoff_on,
          `${p.name}: accepted ${p.accepted_on}, kicked off ${p.kickoff_on}`,
        ).toBe(true);
      if (p.signed_on)
        expect(
          p.signed_on <= p.accepted_on.slice(0, 10),
          `${p.name}: signed ${p.signed_on}, accepted ${p.accepted_on}`,
        ).toBe(true);
      if (p.go_live_on && p.kickoff_on) expect(p.kickoff_on <= p.go_live_on).toBe(true);
    }
  });

  it('has no live project whose account is still with the account executive', async () => {
    const live = (await projects()).filter((p) => p.status === 'live' || p.status === 'closed');
    expect(live.length).toBeGreaterThan(0);
    for (const p of live) {
      const o = await getOwnership(t.db, { workspaceId, partnerId: null }, p.account_id);
      expect(o.currentRole, p.name).not.toBe('ae');
      expect(o.handoffs.every((h) => h.at.slice(0, 10) <= '2026-12-01')).toBe(true);
    }
  });

  it('has no customer “in Baton since today”: renewing and delivered ones came in long ago, others before their deal', async () => {
    const accounts = await t.db
      .selectFrom('accounts')
      .select(['id', 'name', 'lifecycle_phase', 'created_at'])
      .where('workspace_id', '=', workspaceId)
      .execute();
    const withProjects = new Set((await projects()).map((p) => p.account_id));
    const renewing = accounts.filter((a) => a.lifecycle_phase === 'renewing');
    expect(renewing.length).toBeGreaterThan(0);
    for (const a of accounts.filter((x) => ['live', 'renewing', 'churned'].includes(x.lifecycle_phase))) {
      expect(
        a.created_at.slice(0, 10) < '2026-09-01',
        `${a.name} (${a.lifecycle_phase}) in Baton since ${a.created_at}`,
      ).toBe(true);
    }
    for (const a of accounts.filter((x) => withProjects.has(x.id)))
      expect(a.created_at.slice(0, 10) < '2026-12-01', `${a.name} in Baton since ${a.created_at}`).toBe(true);
  });

  it('shows no running project late without the slip that explains it, and forecasts go-live at its milestone', async () => {
    const running = (await projects()).filter((p) => p.status === 'active');
    for (const p of running) {
      const d = await getProject(t.db, { workspaceId, partnerId: null }, p.id, '2026-12-01');
      if (d.late)
        expect(
          d.slips.some((s) => s.promisedGoLive === d.promisedGoLive),
          d.name,
        ).toBe(true);
      const goLive = d.milestones.find((m) => m.goLive);
      if (goLive && !goLive.completedOn) expect(d.forecastGoLive, d.name).toBe(goLive.forecastOn);
    }
  });
});
