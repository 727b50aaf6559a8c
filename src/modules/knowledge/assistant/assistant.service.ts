/**
 * The implementation assistant: a question, maybe about an account or a project, answered from retrieval over the
 * published articles, that account's handoff brief (handoffs' face), its projects' decisions and lessons
 * (projects through delivery's face) and the lessons of similar implementations. The answer is extracted on the
 * server, or written by the configured chat model from the same passages; either way every sentence cites one.
 */
import type { Scope } from '../../../platform/auth/principal.ts';
import { chunked } from '../../../platform/db/chunked.ts';
import type { LlmConfig } from '../../../platform/config/config.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { readAccount } from '../../accounts/index.ts';
import { getProject, listProjects } from '../../delivery/index.ts';
import { listBriefs } from '../../handoffs/index.ts';
import type { SearchHit, SearchKind } from '../search/search-doc.ts';
import { searchTerms } from '../search/query.ts';
import { countTermDocuments, selectDocTexts } from '../search/search.store.ts';
import { inverseFrequency } from '../search/term-plan.ts';
import { searchKnowledge } from '../search/search.service.ts';
import { similarImplementations } from '../similar/similar.service.ts';
import { completeChat } from './chat.service.ts';
import { coverageOf, extractAnswer, RELEVANCE_THRESHOLD, stem } from './extract.ts';
import { chatRequest, readReply } from './llm-answer.ts';
import { type AnswerSentence, type AssistantAnswer, type Passage, unknownAnswer } from './passage.ts';

export interface AssistantQuestion {
  question: string;
  accountId?: string | null;
  projectId?: string | null;
}

/** Passages given to an answer, at most. */
export const MAX_PASSAGES = 6;

interface Retrieval {
  hits: SearchHit[];
  searched: string[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The lesson and decision ids of projects (the module's own table). */
async function lessonIdsOf(db: Db, workspaceId: string, projectIds: readonly string[]): Promise<string[]> {
  const rows = await chunked(projectIds, 500, (chunk) =>
    db
      .selectFrom('knowledge_project_lessons')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('project_id', 'in', chunk)
      .execute(),
  );
  return rows.map((r) => r.id);
}

/** Searches what the question may be answered from, and says what was searched. */
async function retrieve(db: Db, scope: Scope, input: AssistantQuestion, today: string): Promise<Retrieval> {
  const project = input.projectId ? await getProject(db, scope, input.projectId, today) : null;
  if (project && input.accountId && project.accountId !== input.accountId)
    throw AppError.validation('body.projectId', 'is not a project of the account in body.accountId');
  const accountId = input.accountId ?? project?.accountId ?? null;
  const account = accountId ? await readAccount(db, scope, accountId) : null;
  const search = (kinds: SearchKind[], limit: number, refIds?: string[]) =>
    searchKnowledge(db, scope, { query: input.question, limit, kinds, refIds });
  const hits = await search(['article'], 5);
  const searched = ['the published articles'];
  // A partner firm's people find articles only: briefs and lessons name customers.
  if (!account || scope.partnerId) return { hits, searched };

  const briefs = (await listBriefs(db, scope.workspaceId, { limit: 20, accountId: account.id })).items;
  const projects = (await listProjects(db, scope, { accountId: account.id, limit: 50 }, today)).items;
  const own = await lessonIdsOf(
    db,
    scope.workspaceId,
    projects.map((p) => p.id),
  );
  const target = project ?? projects[0] ?? null;
  const similar = target ? (await similarImplementations(db, scope, target.id, 5, today)).items : [];
  const similarLessons = similar.flatMap((s) => s.lessons.map((l) => l.id));
  hits.push(
    ...(await search(
      ['brief'],
      1,
      briefs.map((b) => b.id),
    )),
    ...(await search(['lesson'], 3, own)),
    ...(await search(['lesson'], 3, similarLessons)),
  );
  if (briefs.length) searched.push(`the handoff brief of ${account.name}`);
  searched.push(`the decisions and lessons of its ${plural(projects.length, 'project')}`);
  if (similar.length) searched.push(`the lessons of ${plural(similar.length, 'similar implementation')}`);
  return { hits, searched };
}

/** Each of the question's stems weighed by how rare its word is among the documents the answer may come from. */
async function stemWeights(db: Db, scope: Scope, question: string): Promise<Map<string, number>> {
  const terms = searchTerms(question);
  const kinds: SearchKind[] = scope.partnerId ? ['article'] : ['article', 'brief', 'lesson'];
  const { total, documents } = await countTermDocuments(db, scope.workspaceId, kinds, terms);
  const weights = new Map<string, number>();
  terms.forEach((t, i) => {
    const w = inverseFrequency(total, documents[i] ?? 0);
    weights.set(stem(t), Math.max(w, weights.get(stem(t)) ?? 0));
  });
  return weights;
}

/** The hits as numbered passages with their text, the most relevant first, and how relevant the best one is. */
async function passagesOf(
  db: Db,
  scope: Scope,
  question: string,
  hits: readonly SearchHit[],
): Promise<{ passages: Passage[]; best: number }> {
  const workspaceId = scope.workspaceId;
  const unique = hits.filter((h, i) => hits.findIndex((o) => o.kind === h.kind && o.id === h.id) === i);
  const texts = await selectDocTexts(
    db,
    workspaceId,
    unique.map((h) => ({ kind: h.kind, refId: h.id })),
  );
  const found = unique.map((h) => ({ hit: h, text: texts.get(`${h.kind}:${h.id}`)?.body ?? '' }));
  const coverage = coverageOf(
    question,
    found.map((f) => ({ title: f.hit.title, text: f.text })),
    unique.length > 0 ? await stemWeights(db, scope, question) : undefined,
  );
  // Articles keep the engine's order (titles weighted, stems matched); a passage from the account's context goes
  // ahead of the first article that covers less of the question than it does.
  const scored = found.map((f, i) => ({ ...f, coverage: coverage[i] ?? 0 }));
  const ranked: typeof scored = scored.filter((f) => f.hit.kind === 'article');
  for (const f of scored.filter((x) => x.hit.kind !== 'article')) {
    const at = ranked.findIndex((r) => r.coverage < f.coverage);
    ranked.splice(at < 0 ? ranked.length : at, 0, f);
  }
  ranked.splice(MAX_PASSAGES);
  return {
    best: Math.max(0, ...ranked.map((r) => r.coverage)),
    passages: ranked.map((r, i) => ({
      n: i + 1,
      kind: r.hit.kind,
      id: r.hit.id,
      title: r.hit.title,
      url: r.hit.url,
      snippet: r.hit.snippet,
      text: r.text,
    })),
  };
}

/** The cited passages only, numbered again from 1 in the order the answer first cites them. */
function cited(answer: readonly AnswerSentence[], passages: readonly Passage[]) {
  const order: number[] = [];
  for (const s of answer) for (const n of s.citations) if (!order.includes(n)) order.push(n);
  const renumber = new Map(order.map((n, i) => [n, i + 1]));
  return {
    answer: answer.map((s) => ({ sentence: s.sentence, citations: s.citations.map((n) => renumber.get(n)!) })),
    sources: order.map((n, i) => {
      const { text: _text, ...source } = passages[n - 1]!;
      return { ...source, n: i + 1 };
    }),
  };
}

/** Answers a question from what the reader may see: extracted, or written by the chat model when one is set. */
export async function answerQuestion(
  db: Db,
  scope: Scope,
  input: AssistantQuestion,
  options: { llm?: LlmConfig; today: string },
): Promise<AssistantAnswer> {
  const { hits, searched } = await retrieve(db, scope, input, options.today);
  const { passages, best } = await passagesOf(db, scope, input.question, hits);
  const unknown = (mode: AssistantAnswer['mode'], note: string | null = null): AssistantAnswer => ({
    answer: unknownAnswer(searched),
    sources: [],
    mode,
    known: false,
    searched,
    note,
  });
  // Nothing relevant: nothing is sent anywhere.
  if (passages.length === 0 || best < RELEVANCE_THRESHOLD) return unknown('extractive');

  let note: string | null = null;
  if (options.llm) {
    const reply = await completeChat(options.llm, chatRequest(options.llm.model, input.question, passages));
    if (reply.ok) {
      const read = readReply(reply.text, passages.length);
      const dropped = read.dropped
        ? `${plural(read.dropped, 'sentence')} of the written answer cited no passage given and ` +
          `${read.dropped === 1 ? 'was' : 'were'} left out.`
        : null;
      if (read.unknown) return unknown('llm', dropped);
      return { ...cited(read.sentences, passages), mode: 'llm', known: true, searched, note: dropped };
    }
    note =
      `${reply.reason[0]!.toUpperCase()}${reply.reason.slice(1)}, ` +
      'so these sentences are taken from the passages as they are written.';
  }
  const extracted = extractAnswer(input.question, passages);
  if (extracted.length === 0) return unknown('extractive', note);
  return { ...cited(extracted, passages), mode: 'extractive', known: true, searched, note };
}
