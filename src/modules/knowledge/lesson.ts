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
}

/** A lesson's title in search: its first line, cut to 90 characters. */
export const lessonTitle = (text: string): string => {
  const first = text.trim().split('\n')[0] ?? '';
  return first.length > 90 ? `${first.slice(0, 87).trimEnd()}…` : first;
};
