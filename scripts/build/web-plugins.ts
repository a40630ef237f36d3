// Build steps of the web app that Vite does not do itself (used by vite.config.ts):
//   - routePreloads: for each FIRST_ROUTES entry, the chunks (and CSS) its first screen needs beyond
//     what index.html already preloads, written to dist/web/route-preloads.json for the server;
//   - precompress: a .br and a .gz beside every compressible asset, made once at build time, so the
//     server sends compressed files without compressing per request (@fastify/static preCompressed).
import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import type { FirstRoute } from '../../src/web/first-routes.js';

export interface RoutePreload {
  path: string;
  /** Absolute URLs (/assets/…) of JavaScript chunks. */
  modules: string[];
  styles: string[];
}

type Chunk = { type: 'chunk'; fileName: string; isEntry: boolean; facadeModuleId: string | null; imports: string[]; viteMetadata?: { importedCss: Set<string> } };

export function routePreloads(routes: FirstRoute[], root: string): Plugin {
  return {
    name: 'talentbridge:route-preloads',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c): c is typeof c & Chunk => c.type === 'chunk') as Chunk[];
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      const closure = (start: Chunk[]) => {
        const seen = new Set<string>();
        const visit = (c: Chunk) => {
          if (seen.has(c.fileName)) return;
          seen.add(c.fileName);
          for (const f of c.imports) visit(byFile.get(f)!);
        };
        start.forEach(visit);
        return seen;
      };
      const inEntry = closure(chunks.filter((c) => c.isEntry));
      const out: RoutePreload[] = routes.map((route) => {
        const start = route.modules.map((m) => {
          const id = path.resolve(root, m);
          const chunk = chunks.find((c) => c.facadeModuleId === id);
          if (!chunk) this.error(`first-routes: no chunk of its own for ${m} (is it loaded lazily?)`);
          return chunk;
        });
        const files = [...closure(start)].filter((f) => !inEntry.has(f));
        const styles = new Set(files.flatMap((f) => [...(byFile.get(f)!.viteMetadata?.importedCss ?? [])]));
        return { path: route.path, modules: files.map((f) => `/${f}`), styles: [...styles].map((f) => `/${f}`) };
      });
      this.emitFile({ type: 'asset', fileName: 'route-preloads.json', source: JSON.stringify(out, null, 2) });
    },
  };
}

const COMPRESSIBLE = /\.(js|css|svg|json|txt|xml|webmanifest)$/;

export function precompress(outDir: string): Plugin {
  return {
    name: 'talentbridge:precompress',
    apply: 'build',
    closeBundle() {
      const walk = (dir: string): string[] =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
      for (const file of walk(outDir).filter((f) => COMPRESSIBLE.test(f))) {
        const content = fs.readFileSync(file);
        if (content.length < 1024) continue; // too small to gain from compression
        fs.writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
        fs.writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }));
      }
    },
  };
}
