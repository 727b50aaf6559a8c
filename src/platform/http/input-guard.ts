import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { AppError } from '../errors/app-error.ts';
import { findBadText, nestsDeeperThan, textProblem, tooDeepMessage } from './json-input.ts';

const badText = (bad: { field: string; message: string }): AppError =>
  new AppError('validation', `${bad.field}: ${bad.message}`, { fieldErrors: [bad] });

/** Whether a route's body schema (Zod) takes an empty object, i.e. every field of it is optional. */
const takesEmptyBody = (() => {
  const known = new WeakMap<object, boolean>();
  return (schema: unknown): boolean => {
    if (
      typeof schema !== 'object' ||
      schema === null ||
      typeof (schema as { safeParse?: unknown }).safeParse !== 'function'
    )
      return false;
    let takes = known.get(schema);
    if (takes === undefined) {
      takes = (schema as { safeParse(v: unknown): { success: boolean } }).safeParse({}).success;
      known.set(schema, takes);
    }
    return takes;
  };
})();

/**
 * Bad input refused once, at the edge, for every route, before anything reads it:
 * - a JSON body nesting deeper than MAX_JSON_DEPTH is refused on its raw text, before it is parsed;
 * - a NUL character or a lone surrogate in a JSON body, a path parameter or the query string is a 400
 *   naming the field (PostgreSQL cannot store a NUL; SQLite would, so both databases answer alike);
 * - a JSON body that is empty counts as absent, and an absent body is an empty object where every field is optional.
 * Routes with their own body parsers (usage ingest, CRM webhooks) check their bodies with the same rules
 * (json-input.ts), keeping NUL characters that are data stored as JSON text.
 * Returns the API operations (`post /api/v1/…/{id}/…`) that take an absent body, for the API document.
 */
export function installInputGuard(app: FastifyInstance): ReadonlySet<string> {
  const optionalBodies = new Set<string>();
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith('/api/v1') || !takesEmptyBody(route.schema?.body)) return;
    const path = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    for (const method of [route.method].flat()) optionalBodies.add(`${method.toLowerCase()} ${path}`);
  });

  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    (request: FastifyRequest, body: string | Buffer, done) => {
      const text = String(body);
      if (text.trim() === '') return done(null, undefined);
      if (nestsDeeperThan(text)) return done(AppError.validation('body', tooDeepMessage()), undefined);
      parseJson(request, text, (err, value) => {
        if (err) return done(AppError.validation('body', `not valid JSON (${err.message})`), undefined);
        const bad = findBadText(value, 'body');
        if (bad) return done(badText(bad), undefined);
        done(null, value);
      });
    },
  );

  app.addHook('preValidation', async (request) => {
    const bad = findBadText(request.params, 'params') ?? findBadText(request.query, 'querystring');
    if (bad) throw badText(bad);
    if (typeof request.body === 'string') {
      const problem = textProblem(request.body);
      if (problem) throw AppError.validation('body', problem);
      // A file read as text (a playbook as JSON or YAML, whose flow style nests the same brackets); CSV is not nested.
      if (!String(request.headers['content-type'] ?? '').includes('csv') && nestsDeeperThan(request.body))
        throw AppError.validation('body', tooDeepMessage());
    }
    if ((request.body === undefined || request.body === null) && takesEmptyBody(request.routeOptions.schema?.body))
      request.body = {};
  });
  return optionalBodies;
}

/** The API document says which operations take no body at all (every field optional): their body is not required. */
export function documentOptionalBodies(optionalBodies: ReadonlySet<string>) {
  return <D extends { openapiObject: object } | { swaggerObject: object }>(document: D): D[keyof D] => {
    const object = ('openapiObject' in document ? document.openapiObject : document.swaggerObject) as D[keyof D];
    const paths = ((object as { paths?: unknown }).paths ?? {}) as Record<
      string,
      Record<string, { requestBody?: { required?: boolean } }>
    >;
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (operation.requestBody && optionalBodies.has(`${method} ${path}`)) operation.requestBody.required = false;
      }
    }
    return object;
  };
}
