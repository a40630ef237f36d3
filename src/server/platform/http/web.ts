import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError } from '../errors.js';

/** What the web build says a first screen needs (dist/web/route-preloads.json, scripts/build/web-plugins.ts). */
interface RoutePreload {
  path: string;
  modules: string[];
  styles: string[];
}

const ASSET = /^\/assets\/[\w.-]+$/;

/**
 * index.html for each first route: the same page with <link rel="modulepreload"> for the chunks that
 * route renders first, so they download while the entry does rather than after it has run.
 */
export function htmlForRoutes(indexHtml: string, preloads: RoutePreload[]): { path: RegExp; html: string }[] {
  return preloads.map((route) => {
    // Only the build's own file names go into the page.
    const modules = route.modules.filter((m) => ASSET.test(m));
    const styles = route.styles.filter((s) => ASSET.test(s));
    const links = [
      ...modules.map((m) => `<link rel="modulepreload" crossorigin href="${m}">`),
      ...styles.map((s) => `<link rel="preload" as="style" crossorigin href="${s}">`),
    ].join('\n    ');
    return { path: new RegExp(route.path), html: links ? indexHtml.replace('</head>', `    ${links}\n  </head>`) : indexHtml };
  });
}

/** A coalition's pages: /c/<slug>, with the slug's own rule (shared coalitions contract). */
const COALITION_PAGE = /^\/c\/([a-z0-9]+(?:-[a-z0-9]+)*)(?:\/|$)/;

/**
 * A coalition's page starts fetching the coalition (which every one of its pages renders from) with
 * the HTML, as index.html does /auth/me, instead of after the entry has run; the app's own fetch
 * of the same URL takes the preloaded response.
 */
export function withCoalitionPreload(html: string, urlPath: string): string {
  const slug = COALITION_PAGE.exec(urlPath)?.[1];
  if (!slug || slug.length > 63) return html;
  return html.replace('</head>', `  <link rel="preload" href="/api/v1/coalitions/${slug}" as="fetch" crossorigin="anonymous">\n  </head>`);
}

/**
 * Serves the built web app from `webRoot`: hashed assets cached for ever and sent precompressed (brotli
 * or gzip, made at build time) when the browser accepts it; every other path gets index.html, never cached.
 */
export async function registerWeb(app: FastifyInstance, webRoot: string): Promise<void> {
  await app.register(fastifyStatic, { root: webRoot, prefix: '/', wildcard: false, index: false, maxAge: 0, preCompressed: true });
  const indexHtml = fs.readFileSync(path.join(webRoot, 'index.html'), 'utf8');
  const preloadsFile = path.join(webRoot, 'route-preloads.json');
  const routes = fs.existsSync(preloadsFile) ? htmlForRoutes(indexHtml, JSON.parse(fs.readFileSync(preloadsFile, 'utf8')) as RoutePreload[]) : [];
  // Hashed assets may be cached for ever; index.html never.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
    return payload;
  });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const urlPath = request.url.split('?')[0]!;
    if (urlPath.startsWith('/api/')) throw new AppError('not_found', `No route ${request.method} ${urlPath}`);
    const file = urlPath.slice(1);
    if (file && !file.includes('..') && fs.existsSync(`${webRoot}/${file}`) && fs.statSync(`${webRoot}/${file}`).isFile()) {
      return reply.sendFile(file);
    }
    const html = withCoalitionPreload(routes.find((r) => r.path.test(urlPath))?.html ?? indexHtml, urlPath);
    return reply.type('text/html').header('cache-control', 'no-cache').send(html);
  });
}
