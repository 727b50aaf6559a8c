import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoKnowledge } from '../../src/demo/knowledge.writer.ts';
import { addLesson } from '../../src/modules/knowledge/lesson.service.ts';
import { reindexWorkspace } from '../../src/modules/knowledge/index.ts';
import { SYSTEM_ACTOR } from '../../src/platform/auth/principal.ts';
import { buildAccount, buildBrief, buildDeal, buildPlaybook, buildProject } from '../helpers/fixtures/index.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const NOW = new Date('2026-11-20T12:00:00.000Z');
let plain: TestApp;
let written: TestApp;
let n = 0;

/** A local server speaking the chat-completions protocol: it records each request and answers as `reply` says. */
const model = {
  requests: [] as Array<{ url: string; authorization: string | undefined; body: Record<string, unknown> }>,
  reply: (): { status: number; content?: string; hang?: boolean } => ({ status: 200, content: 'I don’t know.' }),
};
const llm = http.createServer((req, res) => {
  let raw = '';
  req.on('data', (c: Buffer) => (raw += c.toString()));
  req.on('end', () => {
    model.requests.push({ url: req.url ?? '', authorization: req.headers.authorization, body: JSON.parse(raw) });
    const r = model.reply();
    if (r.hang) return; // never answers: Baton's time limit must end the wait
    res.writeHead(r.status, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        r.status === 200
          ? {
              id: 'chatcmpl-1',
              object: 'chat.completion',
              model: 'test-model',
              choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: r.content } }],
            }
          : { error: { message: 'overloaded' } },
      ),
    );
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => llm.listen(0, '127.0.0.1', resolve));
  const port = (llm.address() as AddressInfo).port;
  plain = await createTestApp({}, { now: () => NOW });
  written = await createTestApp(
    {
      BATON_LLM_URL: `http://127.0.0.1:${port}/v1/`,
      BATON_LLM_API_KEY: 'sk-test',
      BATON_LLM_MODEL: 'test-model',
      BATON_LLM_TIMEOUT_MS: '300',
    },
    { now: () => NOW },
  );
});
afterAll(async () => {
  await plain?.close();
  await written?.close();
  llm.closeAllConnections();
  await new Promise((resolve) => llm.close(resolve));
});

/** A workspace with the demo's articles, an account whose brief names NetSuite, and a similar past project. */
async function setUp(t: TestApp) {
  const ws = await t.workspace(`assistant-${++n}`);
  const db = t.ctx.db;
  await writeDemoKnowledge(db, { workspaceId: ws, today: NOW });
  const partnerId = await t.partner(ws, `Partner ${n}`);
  const playbook = (await buildPlaybook(db, ws, { name: 'Enterprise onboarding' })).id;
  const account = await buildAccount(db, ws, { name: 'Northwind', segment: 'enterprise', partner_id: partnerId });
  const deal = await buildDeal(db, ws, { account_id: account.id, products: '["Analytics"]' });
  const content = {
    integrations: [{ system: 'NetSuite', purpose: 'invoices flow from NetSuite every night' }],
    risks: [{ risk: 'The NetSuite admin leaves in March', mitigation: 'Book the integration work in February' }],
  };
  const brief = await buildBrief(db, ws, {
    deal_id: deal.id,
    account_id: account.id,
    state: 'accepted',
    content: JSON.stringify(content),
  });
  const project = await buildProject(db, ws, {
    account_id: account.id,
    deal_id: deal.id,
    handoff_id: brief.id,
    playbook_id: playbook,
    partner_id: partnerId,
  });
  const pastAccount = await buildAccount(db, ws, { name: 'Contoso', segment: 'enterprise' });
  const pastDeal = await buildDeal(db, ws, { account_id: pastAccount.id, products: '["Analytics"]' });
  const past = await buildProject(db, ws, {
    account_id: pastAccount.id,
    deal_id: pastDeal.id,
    playbook_id: playbook,
    status: 'closed',
    kickoff_on: '2026-01-05',
    go_live_on: '2026-03-20',
  });
  const lesson = await addLesson(
    db,
    SYSTEM_ACTOR,
    { workspaceId: ws, partnerId: null },
    past.id,
    { kind: 'lesson', text: 'Map the NetSuite subsidiaries before the first invoice sync, or invoices land twice.' },
    '2026-03-25T10:00:00.000Z',
  );
  await reindexWorkspace(db, ws);
  const articles = new Map(
    (
      await db.selectFrom('knowledge_articles').select(['id', 'external_id']).where('workspace_id', '=', ws).execute()
    ).map((a) => [a.external_id, a.id]),
  );
  const lead = await t.login((await t.user(ws, 'delivery')).email);
  const partner = await t.login((await t.user(ws, 'partner', { partnerId })).email);
  return { ws, account, project, past, lesson, articles, lead, partner };
}

type Answer = {
  answer: Array<{ sentence: string; citations: number[] }>;
  sources: Array<{ n: number; kind: string; id: string; title: string; url: string }>;
  mode: string;
  known: boolean;
  searched: string[];
  note: string | null;
};

const ask = async (client: Awaited<ReturnType<TestApp['login']>>, payload: Record<string, unknown>) => {
  const res = await client.request({ method: 'POST', url: '/api/v1/assistant/answers', payload });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Answer;
};

/** Every sentence cites at least one source, and every number cited is a source's. */
function expectCited(a: Answer) {
  expect(a.answer.length).toBeGreaterThan(0);
  for (const s of a.answer) {
    expect(s.citations.length).toBeGreaterThan(0);
    for (const c of s.citations) expect(a.sources.map((x) => x.n)).toContain(c);
  }
}

describe('the assistant, extractive', () => {
  it('answers from the seeded articles, each sentence from the source it cites', async () => {
    const s = await setUp(plain);
    const a = await ask(s.lead, { question: 'How do I set up single sign-on with Okta?' });
    expect(a).toMatchObject({ mode: 'extractive', known: true, note: null, searched: ['the published articles'] });
    expect(a.sources[0]).toMatchObject({ n: 1, kind: 'article', id: s.articles.get('sso-okta') });
    expectCited(a);
    const bodies = await plain.ctx.db
      .selectFrom('knowledge_search_docs')
      .select(['ref_id', 'body'])
      .where('workspace_id', '=', s.ws)
      .execute();
    for (const sentence of a.answer) {
      const source = a.sources.find((x) => x.n === sentence.citations[0])!;
      expect(bodies.find((b) => b.ref_id === source.id)!.body).toContain(sentence.sentence);
    }
  });

  it('says it does not know, and what it searched, when nothing relevant is found', async () => {
    const s = await setUp(plain);
    const a = await ask(s.lead, { question: 'What is the capital of Australia?', accountId: s.account.id });
    expect(a.known).toBe(false);
    expect(a.sources).toEqual([]);
    expect(a.answer).toHaveLength(1);
    expect(a.answer[0]!.sentence).toMatch(/^I don’t know\. I searched the published articles, the handoff brief/);
    expect(a.searched).toEqual([
      'the published articles',
      'the handoff brief of Northwind',
      'the decisions and lessons of its 1 project',
      'the lessons of 1 similar implementation',
    ]);
  });

  it('answers for a project from its brief and the lessons of similar implementations', async () => {
    const s = await setUp(plain);
    const a = await ask(s.lead, {
      question: 'What did similar projects learn about NetSuite subsidiaries and invoices?',
      projectId: s.project.id,
    });
    expect(a.known).toBe(true);
    expectCited(a);
    expect(a.sources.map((x) => [x.kind, x.id])).toContainEqual(['lesson', s.lesson.id]);
    expect(a.answer.map((x) => x.sentence)).toContain(
      'Map the NetSuite subsidiaries before the first invoice sync, or invoices land twice.',
    );
  });

  it('gives a partner firm’s people articles only, never another customer’s lessons', async () => {
    const s = await setUp(plain);
    const a = await ask(s.partner, {
      question: 'What did similar projects learn about NetSuite subsidiaries and invoices?',
      projectId: s.project.id,
    });
    expect(a.searched).toEqual(['the published articles']);
    expect(a.sources.every((x) => x.kind === 'article')).toBe(true);
    const other = await s.partner.request({
      method: 'POST',
      url: '/api/v1/assistant/answers',
      payload: { question: 'Okta?', projectId: s.past.id },
    });
    expect(other.statusCode).toBe(400);
    expect(other.body).toContain('body.projectId');
  });

  it('refuses bad input with problem details naming the field', async () => {
    const s = await setUp(plain);
    const b = await setUp(plain);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ question: '   ' }, 'body.question'],
      [{}, 'body.question'],
      [{ question: 'x'.repeat(2001) }, 'body.question'],
      [{ question: 'Okta?', accountId: b.account.id }, 'body.accountId'],
      [{ question: 'Okta?', accountId: s.account.id, projectId: s.past.id }, 'body.projectId'],
    ];
    for (const [payload, field] of cases) {
      const res = await s.lead.request({ method: 'POST', url: '/api/v1/assistant/answers', payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toContain(field);
    }
  });
});

describe('the assistant, written by a chat model', () => {
  it('sends the numbered passages and nothing beyond them, keeps only sentences citing a given passage', async () => {
    const s = await setUp(written);
    model.requests = [];
    model.reply = () => ({
      status: 200,
      content:
        'Create a SAML 2.0 app in Okta and paste its metadata URL under Settings [1]. ' +
        'Our competitor does it better. Test with one user first [1][42].',
    });
    const question = 'How do I set up single sign-on with Okta?';
    const a = await ask(s.lead, { question, accountId: s.account.id });
    expect(a).toMatchObject({ mode: 'llm', known: true });
    expect(a.answer).toEqual([
      { sentence: 'Create a SAML 2.0 app in Okta and paste its metadata URL under Settings.', citations: [1] },
      { sentence: 'Test with one user first.', citations: [1] },
    ]);
    expect(a.note).toBe('1 sentence of the written answer cited no passage given and was left out.');

    expect(model.requests).toHaveLength(1);
    const [req] = model.requests;
    expect(req!.url).toBe('/v1/chat/completions');
    expect(req!.authorization).toBe('Bearer sk-test');
    expect(req!.body.model).toBe('test-model');
    const messages = req!.body.messages as Array<{ role: string; content: string }>;
    expect(messages.map((m) => m.role)).toEqual(['system', 'user']);
    // The user message is the question and the passages, each exactly a document of the index: nothing else.
    const [head, ...blocks] = messages[1]!.content.split(/\n\n(?=\[\d+\] )/);
    expect(head).toBe(`Question: ${question}\n\nPassages:`);
    const docs = await written.ctx.db
      .selectFrom('knowledge_search_docs')
      .select(['title', 'body'])
      .where('workspace_id', '=', s.ws)
      .execute();
    expect(blocks.length).toBeGreaterThan(0);
    blocks.forEach((block, i) => {
      const [first, ...rest] = block.split('\n');
      expect(first).toMatch(new RegExp(`^\\[${i + 1}\\] `));
      const title = first!.replace(/^\[\d+\] /, '');
      expect(docs.some((d) => d.title === title && d.body.startsWith(rest.join('\n').replace(/…$/, '')))).toBe(true);
    });
    const sent = JSON.stringify(req!.body);
    for (const secret of [s.ws, s.account.id, '@']) expect(sent).not.toContain(secret);
  });

  it('says it does not know when the model says so, and asks nothing when retrieval found nothing', async () => {
    const s = await setUp(written);
    model.requests = [];
    model.reply = () => ({ status: 200, content: 'I don’t know.' });
    const a = await ask(s.lead, { question: 'How do I rotate the SAML signing certificate?' });
    expect(a).toMatchObject({ mode: 'llm', known: false, sources: [] });
    expect(a.answer[0]!.sentence).toMatch(/^I don’t know\./);
    expect(model.requests).toHaveLength(1);

    const none = await ask(s.lead, { question: 'Who painted the Mona Lisa?' });
    expect(none.known).toBe(false);
    expect(model.requests).toHaveLength(1);
  });

  it('answers from the passages itself, saying so, when the model fails or does not answer in time', async () => {
    const s = await setUp(written);
    const question = 'How do I set up single sign-on with Okta?';
    model.reply = () => ({ status: 503 });
    const failed = await ask(s.lead, { question });
    expect(failed).toMatchObject({ mode: 'extractive', known: true });
    expect(failed.note).toBe(
      'The language model answered HTTP 503, so these sentences are taken from the passages as they are written.',
    );
    expectCited(failed);

    model.reply = () => ({ status: 200, hang: true });
    const slow = await ask(s.lead, { question });
    expect(slow).toMatchObject({ mode: 'extractive', known: true });
    expect(slow.note).toContain('did not answer within 300 ms');
  });
});
