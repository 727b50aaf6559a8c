/** Lessons and decisions per project (projects read through delivery's face), searchable as they are written. */
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Actor, Scope } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { getProject } from '../delivery/index.ts';
import type { Article } from './article.ts';
import { createArticle } from './article.service.ts';
import { draftOfLesson } from './draft.ts';
import { AT_CLOSE, type Lesson, type LessonKind, lessonTitle } from './lesson.ts';
import { upsertDoc } from './search/search.store.ts';

type LessonRow = {
  id: string;
  project_id: string;
  milestone: string;
  kind: string;
  text: string;
  author: string;
  created_at: string;
};

const toLesson = (r: LessonRow, articleId: string | null = null): Lesson => ({
  id: r.id,
  projectId: r.project_id,
  milestone: r.milestone,
  kind: r.kind as LessonKind,
  text: r.text,
  author: r.author,
  at: r.created_at,
  articleId,
});

/** A project's lessons and decisions, oldest first. */
export async function listLessons(db: Db, scope: Scope, projectId: string): Promise<Lesson[]> {
  await getProject(db, scope, projectId);
  const rows = await db
    .selectFrom('knowledge_project_lessons')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('project_id', '=', projectId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const drafted = new Map<string, string>();
  if (rows.length > 0) {
    const articles = await db
      .selectFrom('knowledge_articles')
      .select(['id', 'source_ref'])
      .where('workspace_id', '=', scope.workspaceId)
      .where('source', '=', 'project')
      .where(
        'source_ref',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('created_at')
      .execute();
    for (const a of articles) if (a.source_ref) drafted.set(a.source_ref, a.id);
  }
  return rows.map((r) => toLesson(r, drafted.get(r.id) ?? null));
}

/** Records a lesson or decision at one of the project's milestones (or its close), audited and indexed. */
export async function addLesson(
  db: Db,
  actor: Actor,
  scope: Scope,
  projectId: string,
  input: { milestone?: string; kind: LessonKind; text: string },
  now: string,
): Promise<Lesson> {
  const project = await getProject(db, scope, projectId);
  const milestone = input.milestone ?? AT_CLOSE;
  if (milestone !== AT_CLOSE && !project.milestones.some((m) => m.id === milestone))
    throw AppError.validation('body.milestone', 'is neither one of the project’s milestones nor "close"');
  const row = {
    id: newId(),
    workspace_id: scope.workspaceId,
    project_id: projectId,
    milestone,
    kind: input.kind,
    text: input.text.trim(),
    author: actor.label,
    created_at: now,
  };
  await db.insertInto('knowledge_project_lessons').values(row).execute();
  await upsertDoc(db, scope.workspaceId, {
    kind: 'lesson',
    refId: row.id,
    externalId: null,
    title: lessonTitle(row.text),
    body: `${row.text}\n${project.name}`,
    url: `/delivery/projects/${projectId}`,
    updatedAt: now,
  });
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actor,
    action: 'lesson.create',
    entityType: 'project',
    entityId: projectId,
    after: { kind: row.kind, milestone },
  });
  return toLesson(row);
}

/** A draft article from a lesson or decision. */
export async function draftFromLesson(
  db: Db,
  actor: Actor,
  scope: Scope,
  lessonId: string,
  now: string,
): Promise<Article> {
  const row = await db
    .selectFrom('knowledge_project_lessons')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', '=', lessonId)
    .executeTakeFirst();
  if (!row) throw AppError.notFound('lesson');
  const project = await getProject(db, scope, row.project_id);
  const content = draftOfLesson({ kind: row.kind, text: row.text, projectName: project.name });
  return createArticle(db, actor, scope.workspaceId, { content, source: 'project', sourceRef: row.id }, now);
}
