import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMilestone, buildProject } from '../helpers/fixtures/index.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let n = 0;

beforeAll(async () => {
  t = await createTestApp({}, { now: () => new Date('2026-11-20T12:00:00.000Z') });
});
afterAll(async () => t?.close());

async function setUp() {
  const ws = await t.workspace(`knowledge-lessons-${++n}`);
  const lead = await t.login((await t.user(ws, 'delivery')).email);
  const project = await buildProject(t.ctx.db, ws, { name: 'Northwind rollout' });
  const milestone = await buildMilestone(t.ctx.db, project, { name: 'SSO live' });
  return { ws, lead, project, milestone };
}

describe('project lessons and decisions', () => {
  it(
    'records lessons at a milestone or the close, lists them, finds them, and ' + 'drafts an article from one',
    async () => {
      const { lead, project, milestone } = await setUp();
      const url = `/api/v1/knowledge/projects/${project.id}/lessons`;
      const lesson = await lead.request({
        method: 'POST',
        url,
        payload: {
          kind: 'lesson',
          milestone: milestone.id,
          text: 'Ask for the SAML metadata in week one.\nIt took two weeks.',
        },
      });
      expect(lesson.statusCode, lesson.body).toBe(201);
      const decision = await lead.request({
        method: 'POST',
        url,
        payload: { kind: 'decision', text: 'Salesforce syncs one way during hypercare.' },
      });
      expect(decision.json()).toMatchObject({ kind: 'decision', milestone: 'close' });

      const list = await lead.request({ method: 'GET', url });
      expect(list.json().items.map((l: { kind: string; milestone: string }) => [l.kind, l.milestone])).toEqual([
        ['lesson', milestone.id],
        ['decision', 'close'],
      ]);

      const found = await lead.request({ method: 'GET', url: '/api/v1/search?q=saml%20metadata&kinds=lesson' });
      expect(found.json().items).toMatchObject([
        {
          kind: 'lesson',
          id: lesson.json().id,
          title: 'Ask for the SAML metadata in week one.',
          url: `/delivery/projects/${project.id}`,
        },
      ]);

      const draft = await lead.request({
        method: 'POST',
        url: `/api/v1/knowledge/lessons/${lesson.json().id}/article`,
      });
      expect(draft.statusCode, draft.body).toBe(201);
      expect(draft.json()).toMatchObject({
        title: 'Ask for the SAML metadata in week one.',
        status: 'draft',
        source: 'project',
        sourceRef: lesson.json().id,
        tags: ['lesson'],
      });
      expect(draft.json().body).toContain('Lesson from the project Northwind rollout');
      const after = await lead.request({ method: 'GET', url });
      expect(after.json().items.map((l: { articleId: string | null }) => l.articleId)).toEqual([draft.json().id, null]);
    },
  );

  it('refuses a milestone of no project of its own, an empty text and another workspace’s project', async () => {
    const a = await setUp();
    const b = await setUp();
    const url = `/api/v1/knowledge/projects/${a.project.id}/lessons`;
    const foreign = await a.lead.request({
      method: 'POST',
      url,
      payload: { kind: 'lesson', milestone: b.milestone.id, text: 'x' },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].field).toBe('body.milestone');
    const empty = await a.lead.request({ method: 'POST', url, payload: { kind: 'lesson', text: '  ' } });
    expect(empty.json().errors[0].field).toBe('body.text');
    const other = await a.lead.request({
      method: 'POST',
      url: `/api/v1/knowledge/projects/${b.project.id}/lessons`,
      payload: { kind: 'lesson', text: 'x' },
    });
    expect(other.statusCode).toBe(404);
  });
});
