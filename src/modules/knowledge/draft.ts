/** Drafts from what was learned elsewhere (pure): a resolved ticket, a project's lesson. */
import { type ArticleContent, MAX_TITLE, normalTags } from './article.ts';

/** The ticket fields a draft reads. */
export interface TicketForDraft {
  subject: string | null;
  description: string | null;
  status: string | null;
  solvedAt: string | null;
  category: string | null;
  tags: readonly string[];
}

const RESOLVED = new Set(['solved', 'closed', 'resolved', 'done', 'completed']);

/** A ticket is resolved when its help desk says so (a solved time or a closing status). */
export const isResolved = (t: Pick<TicketForDraft, 'status' | 'solvedAt'>): boolean =>
  t.solvedAt !== null || RESOLVED.has((t.status ?? '').trim().toLowerCase());

/** A draft article from a ticket: subject → title, description → body, category and tags → tags. */
export const draftOfTicket = (t: TicketForDraft): ArticleContent => ({
  title: (t.subject?.trim() || 'Untitled ticket').slice(0, MAX_TITLE),
  body: t.description?.trim() ?? '',
  tags: normalTags([...(t.category ? [t.category.replaceAll('_', ' ')] : []), ...t.tags]).filter(
    (tag) => !tag.includes(':') && tag.length <= 60,
  ),
  status: 'draft',
});

/** A lesson's or decision's first line as a title. */
export function draftOfLesson(lesson: { kind: string; text: string; projectName: string }): ArticleContent {
  const first = lesson.text.trim().split(/\n/)[0] ?? '';
  const title = first.length > 90 ? `${first.slice(0, 87).trimEnd()}…` : first;
  return {
    title: title || `${lesson.kind === 'decision' ? 'Decision' : 'Lesson'} from ${lesson.projectName}`,
    body:
      `${lesson.text.trim()}\n\n_${lesson.kind === 'decision' ? 'Configuration decision' : 'Lesson'} from the ` +
      `project ${lesson.projectName}._`,
    tags: [lesson.kind],
    status: 'draft',
  };
}
