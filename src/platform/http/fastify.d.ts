import 'fastify';
import type { Access } from '../auth/permissions.ts';
import type { Principal } from '../auth/principal.ts';
import type { RouteDocs } from './openapi.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route requires; every route under /api/v1 must say. */
    access?: Access;
    /** POSTs that create: an `Idempotency-Key` header makes a retried request answer as the first did. */
    idempotent?: boolean;
    /** The operation's id in the API document, when the one derived from method and path will not do. */
    operationId?: string;
    /** The API document's description of a route that reads its body itself (not validated by Fastify). */
    openapi?: RouteDocs;
  }
  interface FastifyRequest {
    principal: Principal | undefined;
  }
}
