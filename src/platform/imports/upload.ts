import { Readable, Transform } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.ts';

/** Content types an upload may declare for a CSV file. */
export const CSV_TYPES = ['text/csv', 'application/csv'];

/**
 * Lets the routes of `scope` take a CSV body (or one of `also`, such as JSON definition files) as the stream it
 * arrives as, never buffered whole: the handler reads it through `csvUpload`, which enforces the size limit as the
 * bytes come in.
 */
export function acceptCsvStreams(scope: FastifyInstance, also: readonly string[] = []): void {
  // A type the server parses itself (JSON) is read as a stream here instead, in this scope only.
  for (const type of also) if (scope.hasContentTypeParser(type)) scope.removeContentTypeParser(type);
  scope.addContentTypeParser([...CSV_TYPES, ...also], (_request, payload, done) => done(null, payload));
}

const tooLarge = (maxBytes: number) =>
  new AppError(
    'payload_too_large',
    `the file is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB, the most an import accepts (BATON_IMPORT_MAX_MB)`,
  );

/**
 * The request's CSV body as a stream that fails with 413 once it passes `maxBytes`; 415 when the body is not
 * declared as CSV (or one of `also`), 413 at once when its declared length is already too large.
 */
export function csvUpload(request: FastifyRequest, maxBytes: number, also: readonly string[] = []): Readable {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!CSV_TYPES.includes(type) && !also.includes(type)) {
    const types = ['text/csv', ...also].join(' or ');
    throw new AppError(
      'unsupported_media_type',
      `send the file itself as the body, with Content-Type: ${types}${type ? ` (not ${type})` : ''}`,
    );
  }
  // An empty body reaches no parser: it reads as an empty file, which the importer refuses for its missing header.
  if (!(request.body instanceof Readable)) return Readable.from([]);
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  let seen = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > maxBytes) callback(tooLarge(maxBytes));
      else callback(null, chunk);
    },
  });
  const body = request.body;
  body.on('error', (error) => limit.destroy(error));
  return body.pipe(limit);
}

/** A one-pass input over an upload: the importer may open it once. */
export function once(stream: Readable): { open(): Readable; once: true } {
  let opened = false;
  return {
    once: true,
    open() {
      if (opened) throw new Error('an upload can be read only once');
      opened = true;
      return stream;
    },
  };
}
