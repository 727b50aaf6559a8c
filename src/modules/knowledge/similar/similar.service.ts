/**
 * Similar implementations of a project: the workspace's past projects (live or closed) the reader may see, ranked by
 * the pure similarity rule over playbook, products (the deal's, deals' face), integrations (the brief's, handoffs'
 * face) and segment (accounts' face), each with its lessons and decisions and how long it took.
 */
import type { Scope } from '../../../platform/auth/principal.ts';
import { chunked } from '../../../platform/db/chunked.ts';
import type { Db } from '../../../platform/db/database.ts';
import { accountSegmentsById } from '../../accounts/index.ts';
import { dealFactsOf } from '../../deals/index.ts';
import { getProject, listProjects, type ProjectSummary } from '../../delivery/index.ts';
import { briefIntegrationsOf } from '../../handoffs/index.ts';
import type { LessonKind } from '../lesson.ts';
import type { SimilarAnswer, SimilarLesson } from './similar.views.ts';
import { durationOf, type ImplementationShape, matchSentence, rankSimilar, similarityOf } from './similarity.ts';

const PAST_STATUSES = ['live', 'closed'];
const MAX_PAST = 2_000;

/** Every past project the reader may see (newest first), up to MAX_PAST. */
async function pastProjects(db: Db, scope: Scope, today: string): Promise<ProjectSummary[]> {
  const out: ProjectSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await listProjects(db, scope, { statuses: PAST_STATUSES, limit: 200, cursor }, today);
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && out.length < MAX_PAST);
  return out;
}

/** The shapes of projects: playbook, the deal's products, the brief's integrations, the account's segment. */
async function shapesOf(
  db: Db,
  workspaceId: string,
  projects: readonly ProjectSummary[],
): Promise<Map<string, ImplementationShape>> {
  const [deals, integrations, segments] = await Promise.all([
    dealFactsOf(
      db,
      workspaceId,
      projects.flatMap((p) => p.dealId ?? []),
    ),
    briefIntegrationsOf(
      db,
      workspaceId,
      projects.flatMap((p) => p.handoffId ?? []),
    ),
    accountSegmentsById(db, workspaceId),
  ]);
  return new Map(
    projects.map((p) => [
      p.id,
      {
        playbookId: p.playbook.id,
        playbookName: p.playbook.name,
        products: (p.dealId && deals.get(p.dealId)?.products) || [],
        integrations: (p.handoffId && integrations.get(p.handoffId)) || [],
        segment: segments.get(p.accountId) ?? null,
      },
    ]),
  );
}

/** The lessons and decisions of projects, oldest first, by project id. */
async function lessonsOf(db: Db, workspaceId: string, ids: readonly string[]): Promise<Map<string, SimilarLesson[]>> {
  const rows = await chunked(ids, 500, (chunk) =>
    db
      .selectFrom('knowledge_project_lessons')
      .select(['id', 'project_id', 'kind', 'milestone', 'text', 'created_at'])
      .where('workspace_id', '=', workspaceId)
      .where('project_id', 'in', chunk)
      .execute(),
  );
  rows.sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
  const out = new Map<string, SimilarLesson[]>();
  for (const r of rows) {
    const lesson = { id: r.id, kind: r.kind as LessonKind, milestone: r.milestone, text: r.text, at: r.created_at };
    (out.get(r.project_id) ?? out.set(r.project_id, []).get(r.project_id)!).push(lesson);
  }
  return out;
}

/** The past projects most like this one, best first, at most `limit`. */
export async function similarImplementations(
  db: Db,
  scope: Scope,
  projectId: string,
  limit: number,
  today: string,
): Promise<SimilarAnswer> {
  const target = await getProject(db, scope, projectId, today);
  const past = (await pastProjects(db, scope, today)).filter((p) => p.id !== target.id);
  const shapes = await shapesOf(db, scope.workspaceId, [target, ...past]);
  const mine = shapes.get(target.id)!;
  const scored = rankSimilar(
    past.map((p) => ({ project: p, id: p.id, goLiveOn: p.goLiveOn, ...similarityOf(mine, shapes.get(p.id)!) })),
  ).slice(0, limit);
  const lessons = await lessonsOf(
    db,
    scope.workspaceId,
    scored.map((s) => s.id),
  );
  return {
    projectId: target.id,
    compared: similarityOf(mine, mine).compared,
    considered: past.length,
    items: scored.map(({ project: p, score, matched }) => ({
      id: p.id,
      name: p.name,
      accountId: p.accountId,
      accountName: p.accountName,
      status: p.status,
      playbook: { id: p.playbook.id, name: p.playbook.name },
      score,
      matched,
      sentence: matchSentence(matched),
      duration: durationOf(p),
      lessons: lessons.get(p.id) ?? [],
      url: `/delivery/projects/${p.id}`,
    })),
  };
}
