import 'fastify';
import type { Access } from '../auth/permissions.ts';
import type { Principal } from '../auth/principal.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route requires; every route under /api/v1 must say. */
    access?: Access;
    /** POSTs that create: an `Idempotency-Key` header makes a retried request answer as the first did. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | undefined;
  }
}
