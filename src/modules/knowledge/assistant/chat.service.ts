/** The one call that leaves the server: an OpenAI-compatible `POST {url}/chat/completions`, with a time limit. */
import type { LlmConfig } from '../../../platform/config/config.ts';
import { type ChatRequest, replyText } from './llm-answer.ts';

export type ChatResult = { ok: true; text: string } | { ok: false; reason: string };

/** The model's reply text, or why there is none (an error status, a timeout, a reply of another shape). */
export async function completeChat(config: LlmConfig, request: ChatRequest): Promise<ChatResult> {
  try {
    const res = await fetch(`${config.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${config.apiKey}` },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(config.timeoutMs),
    });
    if (!res.ok) {
      await res.body?.cancel();
      return { ok: false, reason: `the language model answered HTTP ${res.status}` };
    }
    const text = replyText(await res.json());
    return text === undefined
      ? { ok: false, reason: 'the language model’s reply was not a chat completion' }
      : { ok: true, text };
  } catch (err) {
    const name = (err as Error).name;
    return {
      ok: false,
      reason:
        name === 'TimeoutError' || name === 'AbortError'
          ? `the language model did not answer within ${config.timeoutMs} ms`
          : 'the language model could not be reached',
    };
  }
}
