import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlaybook, buildProject } from '../helpers/fixtures/index.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

let clock = new Date('2026-09-01T09:00:00.000Z');
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({}, { now: () => clock });
});
afterAll(async () => t?.close());

const stale = async (viewer: Client, accountId: string) =>
  (await viewer.request({ method: 'GET', url: `/api/v1/signals?account=${accountId}&stage=support_overload` })).json()
    .items as Array<{ kind: string; evidence: Record<string, unknown>; explanation: string }>;

describe('onboarding materials not updated since kickoff', () => {
  it(
    'raises when a project in delivery learns from its playbook’s articles all older than its kickoff, and ' +
      'resolves when one is updated',
    async () => {
      clock = new Date('2026-09-01T09:00:00.000Z');
      const ws = await t.workspace('knowledge-signals');
      const writer = await t.login((await t.user(ws, 'delivery')).email);
      const viewer = await t.login((await t.user(ws, 'viewer')).email);
      const playbook = await buildPlaybook(t.ctx.db, ws, { key: 'enterprise', name: 'Enterprise implementation' });
      const project = await buildProject(t.ctx.db, ws, {
        name: 'Northwind rollout',
        playbook_id: playbook.id,
        status: 'active',
        kickoff_on: '2026-10-05',
      });
      const article = async (title: string, tags: string[]) => {
        const res = await writer.request({
          method: 'POST',
          url: '/api/v1/knowledge/articles',
          payload: { title, body: `${title}, step by step.`, tags, status: 'published' },
        });
        expect(res.statusCode, res.body).toBe(201);
        return res.json().id as string;
      };
      const sso = await article('Configure SSO', ['playbook:enterprise', 'product:sso']);
      await article('Other playbook', ['playbook:smb']);
      const queued = await t.ctx.db
        .selectFrom('jobs')
        .select('payload')
        .where('workspace_id', '=', ws)
        .where('type', '=', 'knowledge.signals')
        .execute();
      expect(queued.map((j) => JSON.parse(j.payload))).toEqual([{ workspaceId: ws }, { workspaceId: ws }]);

      clock = new Date('2026-11-20T12:00:00.000Z');
      expect((await t.runJobs({ now: clock })).filter((j) => j.last_error)).toEqual([]);
      const [signal] = await stale(viewer, project.account_id);
      expect(signal?.kind).toBe('knowledge.materials_stale');
      expect(signal?.evidence).toMatchObject({ project: 'Northwind rollout', articleCount: 1 });
      expect(signal?.explanation).toBe(
        'The article tagged playbook:enterprise was last updated before Northwind rollout kicked off on ' +
          '5 Oct 2026: “Configure SSO” (1 Sep 2026).',
      );

      const put = await writer.request({
        method: 'PUT',
        url: `/api/v1/knowledge/articles/${sso}`,
        payload: { body: 'Configure SSO: the new metadata screen.' },
      });
      expect(put.statusCode, put.body).toBe(200);
      expect((await t.runJobs({ now: clock })).filter((j) => j.last_error)).toEqual([]);
      expect(await stale(viewer, project.account_id)).toEqual([]);
    },
  );

  it('declares its threshold among the signal rules', async () => {
    const ws = await t.workspace('knowledge-signal-rules');
    const admin = await t.login((await t.user(ws, 'admin')).email);
    const sets = (await admin.request({ method: 'GET', url: '/api/v1/signal-rules' })).json().items as Array<{
      settingKey: string;
      module: string;
      rules: Array<{ key: string; stage: string; enabled: boolean; fields: Array<{ name: string; value: number }> }>;
    }>;
    const set = sets.find((s) => s.settingKey === 'knowledge.signals');
    expect(set?.module).toBe('knowledge');
    expect(set?.rules.map((r) => [r.key, r.stage, r.enabled])).toEqual([['materialsStale', 'support_overload', true]]);
    expect(set?.rules[0]?.fields).toMatchObject([{ name: 'daysAfterGoLive', value: 60 }]);
  });
});
