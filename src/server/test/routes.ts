import diagnostics from 'node:diagnostics_channel';
import type { FastifyInstance, RouteOptions } from 'fastify';

/**
 * Every route an app registers, as Fastify's onRoute hook sees it. buildApp creates its Fastify
 * instance itself, so the hook is attached through Fastify's `fastify.initialization` diagnostics
 * channel, which announces each new instance before any plugin or route is registered. Nothing in
 * app.ts needs to know about it.
 */
export interface RegisteredRoute {
  method: string;
  url: string;
  /** Hidden from the OpenAPI document (schema.hide). */
  hidden: boolean;
  hasResponseSchema: boolean;
}

/** Starts recording the routes of the next Fastify instance created; call it right before buildApp. */
export function recordRoutes(): { routes: RegisteredRoute[]; stop(): void } {
  const routes: RegisteredRoute[] = [];
  const channel = diagnostics.channel('fastify.initialization');
  let seen: FastifyInstance | null = null;
  const onInit = (message: unknown) => {
    const { fastify } = message as { fastify: FastifyInstance };
    if (seen) return; // only the first instance created after recordRoutes()
    seen = fastify;
    fastify.addHook('onRoute', (route: RouteOptions) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      const schema = route.schema as { hide?: boolean; response?: unknown } | undefined;
      for (const method of methods) {
        routes.push({
          method: String(method).toUpperCase(),
          url: route.url,
          hidden: schema?.hide === true,
          hasResponseSchema: Boolean(schema?.response),
        });
      }
    });
  };
  channel.subscribe(onInit);
  return { routes, stop: () => channel.unsubscribe(onInit) };
}

/**
 * The routes a client can call, one per method and path: Fastify's automatic HEAD twin of each GET
 * (exposeHeadRoutes) is left out, as it shares the GET's handler and rules.
 */
export function distinctRoutes(routes: RegisteredRoute[]): RegisteredRoute[] {
  const gets = new Set(routes.filter((r) => r.method === 'GET').map((r) => r.url));
  const seen = new Set<string>();
  return routes.filter((r) => {
    if (r.method === 'HEAD' && gets.has(r.url)) return false;
    const key = routeKey(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const routeKey = (route: { method: string; url: string }) => `${route.method} ${route.url}`;
