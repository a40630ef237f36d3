import { describe, expect, it } from 'vitest';
import { firstScreenGroups } from './chunk-groups.js';

// A module graph as rolldown's getModuleInfo gives it: ids, what each imports, its (transformed) code.
const root = '/app';
const ui = '/app/node_modules/ui/index.mjs';
const members = Array.from({ length: 24 }, (_, i) => `Part${i}`);
const modules: Record<string, { importedIds: string[]; code: string }> = {
  // A barrel: nothing but imports and exports, as @mantine/core's index is.
  [ui]: {
    importedIds: [...members.map((m) => `/app/node_modules/ui/${m}.mjs`), '/app/node_modules/ui/Button.mjs', '/app/node_modules/ui/Icon.mjs'],
    code: [
      '"use client";',
      ...members.map((m) => `import { ${m} } from "./${m}.mjs";`),
      'import { Button } from "./Button.mjs";',
      `export { ${members.join(', ')}, Button };`,
      "export { default as IconInfo, default as IconInfoCircle } from './Icon.mjs';",
    ].join('\n'),
  },
  '/app/node_modules/ui/Button.mjs': { importedIds: ['/app/node_modules/ui/core.mjs'], code: 'import { core } from "./core.mjs";\nexport const Button = core;' },
  '/app/node_modules/ui/core.mjs': { importedIds: [], code: 'export const core = 1;' },
  '/app/node_modules/ui/Icon.mjs': { importedIds: [], code: 'export default 1;' },
  ...Object.fromEntries(members.map((m) => [`/app/node_modules/ui/${m}.mjs`, { importedIds: [], code: `export const ${m} = 1;` }])),
  '/app/src/AppLayout.tsx': { importedIds: [ui, '/app/src/shared.ts'], code: 'import { Button } from "ui";\nimport { shared } from "./shared";\nexport default 1;' },
  '/app/src/Dashboard.tsx': { importedIds: [ui], code: 'import {\n  Part1,\n  Part2 as Two,\n} from "ui";\nexport default 1;' },
  '/app/src/Metrics.tsx': { importedIds: [ui], code: 'import { Part3 } from "ui";\nexport default 1;' },
  '/app/src/PublicLayout.tsx': { importedIds: [], code: 'export default 1;' },
  '/app/src/SignIn.tsx': { importedIds: [ui, '/app/src/shared.ts'], code: 'import { Button, IconInfo } from "ui";\nimport { shared } from "./shared";\nexport default 1;' },
  '/app/src/shared.ts': { importedIds: [], code: 'export const shared = 1;' },
};
const graph = { getModuleInfo: (id: string) => modules[id] ?? null };
const routes = [
  { path: '^/c/[^/]+$', modules: ['src/AppLayout.tsx', 'src/Dashboard.tsx'] },
  { path: '^/c/[^/]+/metrics$', modules: ['src/AppLayout.tsx', 'src/Metrics.tsx'] },
  { path: '^/sign-in', modules: ['src/PublicLayout.tsx', 'src/SignIn.tsx'] },
];

/** The chunk name each group gives a module, and the group's priority. */
function chunkOf(id: string) {
  const groups = firstScreenGroups(routes, root);
  const named = groups.map((g) => ({ name: g.name(id, graph), priority: g.priority })).filter((g) => g.name !== null);
  return named;
}

describe('firstScreenGroups', () => {
  it('groups a module by the layouts of the first screens that import it, following a barrel only to the names imported', () => {
    expect(chunkOf('/app/node_modules/ui/Button.mjs')).toEqual([{ name: 'first-AppLayout-PublicLayout', priority: 2 }]);
    expect(chunkOf('/app/node_modules/ui/core.mjs')).toEqual([{ name: 'first-AppLayout-PublicLayout', priority: 2 }]);
    expect(chunkOf('/app/src/shared.ts')).toEqual([{ name: 'first-AppLayout-PublicLayout', priority: 2 }]);
    expect(chunkOf('/app/node_modules/ui/Part1.mjs')).toEqual([{ name: 'first-AppLayout', priority: 1 }]);
    expect(chunkOf('/app/node_modules/ui/Part2.mjs')).toEqual([{ name: 'first-AppLayout', priority: 1 }]);
    expect(chunkOf('/app/node_modules/ui/Part3.mjs')).toEqual([{ name: 'first-AppLayout', priority: 1 }]);
    expect(chunkOf('/app/node_modules/ui/Icon.mjs')).toEqual([{ name: 'first-PublicLayout', priority: 1 }]);
  });

  it('leaves what no first screen imports, and the first screens’ own modules, to rolldown', () => {
    expect(chunkOf('/app/node_modules/ui/Part4.mjs')).toEqual([]);
    expect(chunkOf('/app/src/Dashboard.tsx')).toEqual([]);
    expect(chunkOf('/app/src/SignIn.tsx')).toEqual([]);
  });

  it('captures sets shared by more first screens first', () => {
    const priorities = firstScreenGroups(routes, root).map((g) => g.priority);
    expect(priorities).toEqual([2, 1]);
  });
});
