import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type AppErrorCode, type FieldError } from '../errors/app-error.ts';
import { PROBLEM_STATUS, type Problem, problemType } from './problem.ts';

/** Translates anything thrown during a request into one AppError. */
function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const fe = err as FastifyError & { validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const where = fe.validationContext ?? 'body';
    const fieldErrors: FieldError[] = fe.validation.map((v) => {
      const path = v.instancePath.split('/').filter(Boolean).join('.');
      return { field: path ? `${where}.${path}` : where, message: v.message ?? 'is not valid' };
    });
    const summary = fieldErrors.map((f) => `${f.field}: ${f.message}`).join('; ');
    return new AppError('validation', summary, { fieldErrors });
  }
  if (isResponseSerializationError(fe)) {
    return new AppError('internal', 'Baton produced an answer that does not match its own schema', {
      detail: JSON.stringify(fe.cause.issues),
      cause: err,
    });
  }
  const byFastifyCode: Record<string, AppErrorCode> = {
    FST_ERR_CTP_INVALID_JSON_BODY: 'validation',
    FST_ERR_CTP_EMPTY_JSON_BODY: 'validation',
    FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
    FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation',
    FST_ERR_VALIDATION: 'validation',
  };
  const code = fe.code ? byFastifyCode[fe.code] : undefined;
  if (code === 'validation') {
    const message = fe.code?.startsWith('FST_ERR_CTP') ? `body: ${fe.message}` : fe.message;
    return new AppError('validation', message, { fieldErrors: [{ field: 'body', message: fe.message }] });
  }
  if (code) return new AppError(code, fe.message);
  if (fe.statusCode === 429)
    return new AppError('rate_limited', 'too many attempts: wait a minute and try again', { retryAfterSeconds: 60 });
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    const match = Object.entries(PROBLEM_STATUS).find(([, v]) => v.status === fe.statusCode)?.[0] as
      AppErrorCode | undefined;
    return new AppError(match ?? 'validation', fe.message);
  }
  return new AppError('internal', 'Something went wrong on our side; the request id helps find it in the logs', {
    cause: err,
  });
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const { status, title } = PROBLEM_STATUS[error.code];
  const body: Problem = {
    type: problemType(error.code),
    title,
    status,
    detail: error.message,
    instance: request.url.split('?')[0],
    requestId: request.id,
  };
  if (error.fieldErrors.length > 0) body.errors = error.fieldErrors;
  if (error.retryAfterSeconds) reply.header('retry-after', String(error.retryAfterSeconds));
  return reply.status(status).type('application/problem+json').send(body);
}

/** Installs the single error edge: every failure leaves as problem details. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const error = toAppError(err);
    if (error.code === 'internal') request.log.error({ err, detail: error.detail }, 'request failed');
    else request.log.info({ code: error.code, detail: error.detail ?? error.message }, 'request refused');
    return sendProblem(request, reply, error);
  });
}

/**
 * Answers a request Node's HTTP parser refused before Fastify saw it (a request line or headers over 16 KB,
 * a malformed request, one too slow to arrive) with problem details too, then closes the connection.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const error =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? new AppError(
          'headers_too_large',
          'the request line and headers may be at most 16 KB together: send long values in the body',
        )
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new AppError('request_timeout', 'the request did not arrive in time')
        : new AppError('validation', `the request is not valid HTTP (${err.code ?? err.message})`);
  const { status, title } = PROBLEM_STATUS[error.code];
  const body: Problem = {
    type: problemType(error.code),
    title,
    status,
    detail: error.message,
    requestId: randomUUID(),
  };
  const text = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    );
  }
  socket.destroy(err);
}
