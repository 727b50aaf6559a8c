/** What the API and pages show of similar implementations (pure types, shared with the web app). */
import type { LessonKind } from '../lesson.ts';
import type { DimensionMatch, ImplementationDuration, SimilarityDimension } from './similarity.ts';

export interface SimilarLesson {
  id: string;
  kind: LessonKind;
  milestone: string;
  text: string;
  at: string;
}

export interface SimilarImplementation {
  id: string;
  name: string;
  accountId: string;
  accountName: string | null;
  status: string;
  playbook: { id: string; name: string | null };
  score: number;
  matched: DimensionMatch[];
  sentence: string;
  duration: ImplementationDuration;
  lessons: SimilarLesson[];
  url: string;
}

export interface SimilarAnswer {
  projectId: string;
  compared: SimilarityDimension[];
  /** Past projects looked at. */
  considered: number;
  items: SimilarImplementation[];
}
