/** What the assistant answers from and with (pure types and words). */
import type { SearchKind } from '../search/search-doc.ts';

/** A retrieved document the answer may cite, numbered from 1 in the order given. */
export interface Passage {
  n: number;
  kind: SearchKind;
  id: string;
  title: string;
  url: string;
  /** Safe HTML from the engine: escaped text with the matched words inside `<mark>`. */
  snippet: string;
  /** The document's plain text (title apart). */
  text: string;
}

export interface AnswerSentence {
  sentence: string;
  /** Numbers of the passages it comes from (at least one when the answer is known). */
  citations: number[];
}

export type AnswerMode = 'extractive' | 'llm';

export interface AssistantAnswer {
  answer: AnswerSentence[];
  sources: Array<Omit<Passage, 'text'>>;
  mode: AnswerMode;
  known: boolean;
  /** What was searched, in words. */
  searched: string[];
  /** Why the answer is not what was asked for (the model failed and it was extracted instead, sentences left out). */
  note: string | null;
}

/** The sentence said when nothing retrieved answers the question. */
export const I_DONT_KNOW = 'I don’t know.';

/** "I don't know", with what was searched, as the answer's one sentence. */
export function unknownAnswer(searched: readonly string[]): AnswerSentence[] {
  const where = searched.length ? ` I searched ${joinWords(searched)}, and nothing there answers this question.` : '';
  return [{ sentence: `${I_DONT_KNOW}${where}`, citations: [] }];
}

export const joinWords = (values: readonly string[]): string =>
  values.length <= 1 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} and ${values.at(-1)}`;
