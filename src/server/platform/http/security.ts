import { Stream } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { actorFromApiToken, sessionWithMembership, SESSION_COOKIE } from '../auth/sessions.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Mantine writes its CSS variables into a <style> element at runtime.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

// Swagger UI needs inline scripts; it serves only public API documentation.
const DOCS_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");

/** Where a NUL character hides in parsed input (strings, arrays, objects), or null. */
function nulPath(value: unknown, path: string[], depth = 0): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 64 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return null;
  // A streamed body (an import's file) is the request itself, whose object graph (socket, server…) is
  // cyclic and huge: walking it froze the server. Its content is checked where it is parsed.
  if (value instanceof Stream) return null;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...path, key];
    const found = nulPath(item, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * A NUL character is never meaningful text: PostgreSQL cannot store it, and on the embedded database
 * it could upset the connection for the next request. Refused before validation, naming the field.
 */
function registerNulGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [['params', request.params], ['query', request.query], ['body', request.body]] as const) {
      const path = nulPath(value, []);
      if (!path) continue;
      const field = part === 'body' ? path.join('.') || 'body' : [part, ...path].join('.');
      throw new AppError(part === 'body' ? 'invalid' : 'bad_request', `${field}: must not contain a NUL character`, { errors: [{ path: field, message: 'Must not contain a NUL character' }] });
    }
  });
}

/** Who is asking, for every request: a session cookie, or a personal API token. */
export function registerActor(app: FastifyInstance): void {
  registerNulGuard(app);
  app.decorateRequest('actor', null);
  app.decorateRequest('membership', null);
  app.addHook('onRequest', async (request) => {
    request.actor = null;
    request.membership = null;
    // Only the API acts for someone. The web app's files and pages are the same for everyone, and a
    // signed-in page load fetches dozens of chunks: a session lookup each queued them behind the database.
    if (!request.url.startsWith('/api/')) return;
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      request.actor = await actorFromApiToken(app.services.database.db, authorization.slice(7).trim());
      if (!request.actor) throw new AppError('unauthenticated', 'The API token is not valid or was revoked');
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    // The router has matched already: a /coalitions/:slug/… route gets the membership in the same statement.
    const slug = (request.params as { slug?: unknown } | undefined)?.slug;
    const found = await sessionWithMembership(app.services.database.db, cookie, typeof slug === 'string' ? slug : undefined);
    request.actor = found.actor;
    request.membership = found.membership;
  });
}

/** Cross-site request forgery: a browser write must come from our own origin. */
export function registerOriginCheck(app: FastifyInstance, allowedOrigins: () => string[]): void {
  app.addHook('onRequest', async (request) => {
    if (!UNSAFE.has(request.method) || request.headers.authorization?.startsWith('Bearer ')) return;
    const origin = request.headers.origin;
    if (origin && !isAllowedOrigin(request, origin, allowedOrigins())) {
      throw new AppError('forbidden', 'Cross-origin request refused');
    }
    if (!origin && request.headers['sec-fetch-site'] === 'cross-site') throw new AppError('forbidden', 'Cross-origin request refused');
  });
}

function isAllowedOrigin(request: FastifyRequest, origin: string, configured: string[]): boolean {
  if (configured.includes(origin)) return true;
  return origin === `${request.protocol}://${request.host}`;
}

export function registerSecurityHeaders(app: FastifyInstance, options: { production: boolean }): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('content-security-policy', request.url.startsWith('/api/docs') ? DOCS_CSP : CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
    if (options.production) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
