// How the web build groups modules into chunks (used by vite.config.ts; decision 030).
//
// Left to itself, rolldown makes one chunk per set of lazy pages that share a module: 22 chunks for
// the entry and about 50 more for the dashboard's first screen, each one more request over the
// browser's six HTTP/1.1 connections to one Node process. Two groups make them few and large without
// putting more on the sign-in page:
//   - `initial` (vite.config.ts, rolldown's `$initial` tag): everything the entry imports statically,
//     in the entry's chunk; every page loads all of it anyway.
//   - `firstScreenGroups`: the modules the first screens (src/web/first-routes.ts) import
//     statically, by the layouts of the first screens that import them: the signed-in shell's (the
//     dashboard's and the metrics page's too), the sign-in page's, and the one both share. A page
//     that is never a first screen is left to rolldown's automatic splitting.
// The sets are computed from the module graph. Barrel modules (`@mantine/core`, `@tabler/icons-react`
// re-export thousands of modules) are followed only to the names the importer imports, read from its
// code: following all of a barrel's imports would count every Mantine component as used by every page.
import path from 'node:path';
import type { FirstRoute } from '../../src/web/first-routes.js';

interface ModuleGraph {
  getModuleInfo(id: string): { importedIds: readonly string[]; code: string | null } | null;
}

/** `import … from 'x'`, `export … from 'x'`, `import 'x'`: the clause (null for a bare import) and the specifier. */
const STATEMENT = /(?:^|[;\n}])\s*(?:import|export)\s*(?:type\s+)?(?:([\w$*\s{},]*?)\s*from\s*)?["']([^"']+)["']\s*;?/g;
const LOCAL_EXPORT = /(?:^|[;\n}])\s*export\s*\{([^}]*)\}\s*;?/g;
const COMMENTS = /\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm;
const DIRECTIVES = /^\s*["']use [\w ]+["'];?/gm;

type Names = Set<string> | 'all';

/** Names a clause brings in: `{ a, b as c }` → a, b (the exporter's names); `* as x` or a default → 'all' / default. */
function importedNames(clause: string): Names {
  if (/\*/.test(clause)) return 'all';
  const names = new Set<string>();
  const braces = /\{([^}]*)\}/.exec(clause);
  const before = clause.replace(/\{[^}]*\}/, '').replace(/,/g, ' ').trim();
  if (before) names.add('default');
  for (const part of braces?.[1]?.split(',') ?? []) {
    const name = part.trim().split(/\s+as\s+/)[0]?.trim();
    if (name) names.add(name);
  }
  return names;
}

/**
 * codeSplitting groups for the modules the first screens import: one chunk per set of layouts (the
 * first module of each first route: AppLayout, PublicLayout) whose first screens import a module.
 * So the signed-in shell is one chunk with what the dashboard and the metrics page need (a few kB of
 * one the other does not use, instead of a chunk each), the sign-in page has its own, and what both
 * sides use is a third. A group's chunk also takes the modules it imports that no chunk has yet, so
 * sets of more layouts are captured first (higher priority): otherwise the app shell's chunk would take
 * a module the sign-in page needs too, and the sign-in page would load the app shell. The first
 * screens' own modules (layouts and pages) keep chunks of their own, as React.lazy and
 * route-preloads.json expect. Returns null for what no first screen imports: rolldown decides.
 */
export function firstScreenGroups(routes: FirstRoute[], root: string) {
  const ownModules = new Set(routes.flatMap((r) => r.modules.map((m) => path.resolve(root, m))));
  const layoutOf = routes.map((r) => path.basename(r.modules[0]!).replace(/\.[jt]sx?$/, ''));
  const layouts = [...new Set(layoutOf)];
  let closures: Set<string>[] | undefined;
  const users = (id: string, graph: ModuleGraph) => {
    closures ??= computeClosures(graph);
    if (ownModules.has(id)) return [];
    return layouts.filter((layout) => routes.some((_, i) => layoutOf[i] === layout && closures![i]!.has(id)));
  };
  return layouts.map((_, i) => {
    const shared = layouts.length - i;
    return {
      debugName: `first-screens-${shared}`,
      priority: shared,
      name: (id: string, graph: ModuleGraph) => {
        const by = users(id, graph);
        return by.length === shared ? `first-${by.join('-')}` : null;
      },
    };
  });

  function computeClosures(graph: ModuleGraph): Set<string>[] {
    const statements = new Map<string, { names: Names; targets: string[] }[]>();
    const barrels = new Map<string, Map<string, string[]> | null>();

    /** The ids a specifier of `from` resolved to (more than one only when it cannot tell). */
    const resolve = (from: string, importedIds: readonly string[], spec: string): string[] => {
      if (spec.startsWith('.')) {
        const full = path.resolve(path.dirname(from), spec);
        const exact = importedIds.filter((i) => i === full || i.replace(/\.[cm]?[jt]sx?$/, '') === full || i.startsWith(`${full}/index.`));
        return exact.length ? exact : [...importedIds];
      }
      const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
      const inPackage = importedIds.filter((i) => i.includes(`/node_modules/${pkg}/`));
      return inPackage.length ? inPackage : [...importedIds];
    };

    const parse = (id: string) => {
      let parsed = statements.get(id);
      if (parsed) return parsed;
      const info = graph.getModuleInfo(id);
      const importedIds = info?.importedIds ?? [];
      parsed = [];
      const matched = new Set<string>();
      for (const m of (info?.code ?? '').matchAll(STATEMENT)) {
        const targets = resolve(id, importedIds, m[2]!);
        targets.forEach((t) => matched.add(t));
        parsed.push({ names: m[1] === undefined ? 'all' : importedNames(m[1]), targets });
      }
      // Whatever the reading missed is followed whole (more in a chunk, never a missing module).
      const missed = importedIds.filter((i) => !matched.has(i));
      if (missed.length) parsed.push({ names: 'all', targets: missed });
      statements.set(id, parsed);
      return parsed;
    };

    /** For a module of nothing but imports and exports: exported name → the modules it comes from. */
    const barrel = (id: string): Map<string, string[]> | null => {
      if (barrels.has(id)) return barrels.get(id)!;
      const info = graph.getModuleInfo(id);
      const code = (info?.code ?? '').replace(COMMENTS, '').replace(DIRECTIVES, '');
      let map: Map<string, string[]> | null = null;
      if (info && info.importedIds.length >= 20 && !code.replace(STATEMENT, '').replace(LOCAL_EXPORT, '').trim()) {
        map = new Map();
        const locals = new Map<string, string[]>();
        const starTargets: string[] = [];
        for (const m of code.matchAll(STATEMENT)) {
          const targets = resolve(id, info.importedIds, m[2]!);
          const clause = m[1] ?? '';
          const isExport = /^\s*export/.test(m[0].replace(/^[;\n}]/, ''));
          if (/^\s*\*\s*$/.test(clause) && isExport) starTargets.push(...targets);
          const braces = /\{([^}]*)\}/.exec(clause)?.[1] ?? '';
          for (const part of braces.split(',')) {
            const [, alias] = part.trim().split(/\s+as\s+/).map((s) => s.trim());
            const name = part.trim().split(/\s+as\s+/)[0]?.trim();
            if (!name) continue;
            (isExport ? map : locals).set(alias ?? name, targets);
          }
          const star = /\*\s+as\s+([\w$]+)/.exec(clause);
          if (star) (isExport ? map : locals).set(star[1]!, targets);
          const defaultName = /^\s*([\w$]+)\s*(?:,|$)/.exec(clause.replace(/\{[^}]*\}/, ''))?.[1];
          if (defaultName && !isExport) locals.set(defaultName, targets);
        }
        for (const m of code.matchAll(LOCAL_EXPORT)) {
          for (const part of m[1]!.split(',')) {
            const [local, alias] = part.trim().split(/\s+as\s+/).map((s) => s.trim());
            if (local && locals.has(local)) map.set(alias ?? local, locals.get(local)!);
          }
        }
        if (starTargets.length) map.set('*', starTargets);
      }
      barrels.set(id, map);
      return map;
    };

    const closure = (start: string[]) => {
      const seen = new Set<string>();
      const stack = [...start];
      const visitBarrel = (b: string, names: Names) => {
        seen.add(b);
        const map = barrel(b)!;
        if (names === 'all') return [...new Set([...map.values()].flat())];
        return [...names].flatMap((n) => {
          const found = map.get(n) ?? map.get('*');
          return found ?? [...new Set([...map.values()].flat())]; // not found: everything, to be safe
        });
      };
      while (stack.length) {
        const id = stack.pop()!;
        if (seen.has(id)) continue;
        seen.add(id);
        for (const { names, targets } of parse(id)) {
          for (const t of targets) {
            if (barrel(t)) {
              // A barrel that re-exports from another barrel: follow the same names through it.
              const queue: [string, Names][] = [[t, names]];
              while (queue.length) {
                const [b, n] = queue.pop()!;
                for (const next of visitBarrel(b, n)) (barrel(next) ? queue.push([next, n]) : stack.push(next));
              }
            } else stack.push(t);
          }
        }
      }
      return seen;
    };

    return routes.map((r) => closure(r.modules.map((m) => path.resolve(root, m))));
  }
}
