/** Lessons learned and configuration decisions taken in projects (pure). */
export const LESSON_KINDS = ['lesson', 'decision'] as const;
export type LessonKind = (typeof LESSON_KINDS)[number];

/** The milestone a lesson is filed under when it was learned at the project's close. */
export const AT_CLOSE = 'close';

export interface Lesson {
  id: string;
  projectId: string;
  /** A milestone's id, or `close`. */
  milestone: string;
  kind: LessonKind;
  text: string;
  author: string;
  at: string;
  /** The newest article drafted from it, if any. */
  articleId: string | null;
}

/** A lesson's title in search: its first line, cut to 90 characters. */
export const lessonTitle = (text: string): string => {
  const first = text.trim().split('\n')[0] ?? '';
  return first.length > 90 ? `${first.slice(0, 87).trimEnd()}…` : first;
};

/** A milestone done (or the project's close) at which no lesson or decision has been filed yet. */
export interface LessonAsk {
  /** A milestone's id, or `close`. */
  milestone: string;
  /** The milestone's name, or "Project close". */
  name: string;
  /** The day it was done. */
  on: string;
}

/**
 * What a project asks its team for: lessons at each milestone completed and at its close, for as long as none is
 * filed there. Oldest first.
 */
export function lessonsAsked(
  project: {
    status: string;
    closedOn: string | null;
    milestones: ReadonlyArray<{ id: string; name: string; completedOn: string | null }>;
  },
  lessons: ReadonlyArray<{ milestone: string }>,
): LessonAsk[] {
  const filed = new Set(lessons.map((l) => l.milestone));
  const asks: LessonAsk[] = project.milestones
    .filter((m) => m.completedOn !== null && !filed.has(m.id))
    .map((m) => ({ milestone: m.id, name: m.name, on: (m.completedOn as string).slice(0, 10) }));
  if (project.status === 'closed' && project.closedOn && !filed.has(AT_CLOSE))
    asks.push({ milestone: AT_CLOSE, name: 'Project close', on: project.closedOn.slice(0, 10) });
  return asks.sort((a, b) => a.on.localeCompare(b.on));
}
