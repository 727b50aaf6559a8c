import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.ts';
import { findBadText, nestsDeeperThan, tooDeepMessage } from './json-input.ts';

/**
 * Lets the routes of `scope` read their body as it arrived, whatever its content type: the bytes (what a signature
 * is computed over) or, with `as: 'text'`, the text (so that a syntax error can name its line). Registered in a
 * scope of its own, the parser reaches no other route; bodies above `bodyLimit` bytes are refused with 413.
 */
export function acceptRawBodies(scope: FastifyInstance, options: { bodyLimit: number; as?: 'bytes' | 'text' }): void {
  scope.removeAllContentTypeParsers();
  const parseAs = options.as === 'text' ? 'string' : 'buffer';
  scope.addContentTypeParser('*', { parseAs, bodyLimit: options.bodyLimit }, (_request, body, done) =>
    done(null, body),
  );
}

/** The bytes a route under `acceptRawBodies` received; empty when the request had no body. */
export const rawBodyOf = (request: FastifyRequest): Buffer =>
  Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);

/**
 * A raw body read as JSON, under the limits every parsed body keeps (`json-input.ts`): refused with a validation
 * error naming `body` when it nests too deep or is not JSON, or naming the field whose text no database keeps.
 */
export function parseJsonBody(bytes: Buffer): unknown {
  const text = bytes.toString('utf8');
  if (nestsDeeperThan(text)) throw AppError.validation('body', tooDeepMessage());
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw AppError.validation('body', `not valid JSON (${(err as Error).message})`);
  }
  const bad = findBadText(parsed, 'body');
  if (bad) throw new AppError('validation', `${bad.field}: ${bad.message}`, { fieldErrors: [bad] });
  return parsed;
}
