/**
 * Written answers (pure): the chat-completions request that gives a model the numbered passages and nothing else
 * of Baton's, and the reading of its reply — every sentence must cite a passage that exists; those that do not are
 * left out, and a reply with none left, or one saying it does not know, is an "I don't know".
 */
import type { AnswerSentence, Passage } from './passage.ts';

/** The longest passage text a model is given. */
export const MAX_PASSAGE_CHARS = 2_000;

export const SYSTEM_PROMPT =
  'You answer questions from the people who implement and support a B2B software product for its customers. ' +
  'Answer only from the numbered passages given, in a few short sentences. End every sentence with the number of ' +
  'each passage it comes from in square brackets, such as [1] or [2][3]. Never cite a number that was not given. ' +
  'If the passages do not answer the question, reply exactly: I don’t know.';

export interface ChatRequest {
  model: string;
  temperature: number;
  messages: Array<{ role: 'system' | 'user'; content: string }>;
}

/** The body of `POST /chat/completions`: the instruction, the question and the numbered passages. */
export function chatRequest(model: string, question: string, passages: readonly Passage[]): ChatRequest {
  const numbered = passages
    .map(
      (p) =>
        `[${p.n}] ${p.title}\n${p.text.length > MAX_PASSAGE_CHARS ? `${p.text.slice(0, MAX_PASSAGE_CHARS)}…` : p.text}`,
    )
    .join('\n\n');
  return {
    model,
    temperature: 0,
    messages: [
      { role: 'system', content: SYSTEM_PROMPT },
      { role: 'user', content: `Question: ${question}\n\nPassages:\n\n${numbered}` },
    ],
  };
}

/** The text of a chat-completions reply (its first choice), or undefined when it is not one. */
export function replyText(body: unknown): string | undefined {
  const choices = (body as { choices?: unknown } | null)?.choices;
  if (!Array.isArray(choices)) return undefined;
  const content = (choices[0] as { message?: { content?: unknown } } | undefined)?.message?.content;
  return typeof content === 'string' ? content : undefined;
}

export interface ReadReply {
  sentences: AnswerSentence[];
  /** The model said it does not know, or no sentence cited a passage given. */
  unknown: boolean;
  /** Sentences left out: they cited nothing, or only numbers that were not given. */
  dropped: number;
}

const CITATION = /\[(\d{1,3})\]/g;

/** The reply's sentences with their valid citations; the others are counted and left out. */
export function readReply(text: string, passageCount: number): ReadReply {
  const trimmed = text.trim();
  if (/^i\s+(do\s+not|don['’]t)\s+know\b/i.test(trimmed)) return { sentences: [], unknown: true, dropped: 0 };
  const parts = trimmed
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?](?:\s*\[\d{1,3}\])*)\s+(?=[\p{Lu}\p{N}"“(])/u)
    .map((s) => s.trim())
    .filter(Boolean);
  const sentences: AnswerSentence[] = [];
  let dropped = 0;
  for (const part of parts) {
    const cited = [...part.matchAll(CITATION)].map((m) => Number(m[1]));
    const valid = [...new Set(cited.filter((n) => n >= 1 && n <= passageCount))];
    const sentence = part
      .replace(CITATION, '')
      .replace(/\s+([.!?,;:])/g, '$1')
      .replace(/\s+/g, ' ')
      .trim();
    if (valid.length === 0 || !sentence) dropped += 1;
    else sentences.push({ sentence, citations: valid });
  }
  return { sentences, unknown: sentences.length === 0, dropped };
}
