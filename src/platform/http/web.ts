import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../errors/app-error.ts';
import { sendProblem } from './error-handler.ts';

const API_PREFIXES = ['/api/', '/v1/', '/batch', '/webhooks/', '/healthz', '/readyz'];

/**
 * Serves the built web app and answers unknown paths: API paths get a problem-details 404, anything else
 * the app's index.html so that client-side routes survive a reload.
 */
export async function installWeb(app: FastifyInstance, webDir: string | undefined): Promise<void> {
  const index = webDir ? path.join(webDir, 'index.html') : undefined;
  const hasWeb = index !== undefined && fs.existsSync(index);
  if (hasWeb && webDir) {
    // wildcard: files built after start-up (a rebuild while running) are served too.
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: '/',
      wildcard: true,
      index: false,
      maxAge: '1h',
      immutable: false,
    });
    // The app's page, not part of the API: left out of the API document (as the static files are).
    app.get('/', { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = API_PREFIXES.some((p) => request.url.startsWith(p));
    // A missing file (an old asset after an upgrade) is a 404, not the app's page in its place. Portal links
    // are pages although their signed token has dots in it.
    const isFile = !request.url.startsWith('/portal/') && /\.[A-Za-z0-9]+$/.test(request.url.split('?')[0] ?? '');
    if (!isApi && !isFile && hasWeb && (request.method === 'GET' || request.method === 'HEAD')) {
      return sendIndex(reply);
    }
    if (!isApi && !hasWeb && request.method === 'GET' && request.url === '/') {
      return reply
        .type('text/plain')
        .send('The Baton web app is not built yet: run `npm run build:web`, or start with `npm start`.');
    }
    return sendProblem(
      request,
      reply,
      new AppError('not_found', `no route ${request.method} ${request.url.split('?')[0]}`),
    );
  });
}

/** index.html is never cached, so a browser always picks up the asset names of the current build. */
function sendIndex(reply: FastifyReply) {
  return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
}
