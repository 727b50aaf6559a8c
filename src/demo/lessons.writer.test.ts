import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { getProject, projectRecords } from '../modules/delivery/index.ts';
import { listArticles, listLessons } from '../modules/knowledge/index.ts';
import { lessonsAsked } from '../modules/knowledge/lesson.ts';
import { buildDemoWorkspace, type DemoSummary } from './demo.service.ts';

const today = new Date('2026-12-01T10:30:00Z');
let t: TestApp;
let summary: DemoSummary;

beforeAll(async () => {
  t = await createTestApp({}, { now: () => today });
  summary = await t.ctx.db.transaction().execute((trx) => buildDemoWorkspace(trx, { today }));
}, 180_000);
afterAll(async () => t?.close());

describe('the demo’s lessons', () => {
  it('files lessons and decisions on delivered projects by their leads, drafts an article from one, asks for more', async () => {
    const scope = { workspaceId: summary.workspaceId, partnerId: null };
    const delivered = (await projectRecords(t.ctx.db, scope)).filter((p) => ['live', 'closed'].includes(p.status));
    const all = [];
    const asks = [];
    for (const p of delivered) {
      const lessons = await listLessons(t.ctx.db, scope, p.id);
      all.push(...lessons);
      asks.push(...lessonsAsked(await getProject(t.ctx.db, scope, p.id), lessons));
    }
    expect(all.length).toBe(summary.lessons);
    expect(all.length).toBeGreaterThan(5);
    expect(new Set(all.map((l) => l.kind))).toEqual(new Set(['lesson', 'decision']));
    expect(
      all.map((l) => [l.author, l.at]).filter(([a, at]) => a === 'baton demo' || at! > today.toISOString()),
    ).toEqual([]);
    expect(all.filter((l) => l.articleId)).toHaveLength(1);
    expect(asks.length).toBeGreaterThan(0);
    const drafts = (await listArticles(t.ctx.db, summary.workspaceId, { status: 'draft', limit: 500 })).items.filter(
      (a) => a.source === 'project',
    );
    expect(drafts).toMatchObject([{ status: 'draft', sourceRef: all.find((l) => l.articleId)?.id }]);
  });
});
