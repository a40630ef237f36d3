import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { firstScreenGroups } from './scripts/build/chunk-groups.js';
import { precompress, routePreloads } from './scripts/build/web-plugins.js';
import { FIRST_ROUTES } from './src/web/first-routes.js';

/**
 * The web front end. Built into dist/web, which the API server serves with an SPA fallback.
 * In development `vite` serves the app and proxies /api to the API server on :3000.
 */
const apiTarget = process.env.API_URL ?? 'http://127.0.0.1:3000';
const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = 'dist/web';

export default defineConfig({
  root: '.',
  publicDir: 'src/web/public',
  plugins: [react(), routePreloads(FIRST_ROUTES, root), precompress(path.join(root, outDir))],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    chunkSizeWarningLimit: 400,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // React and the router change rarely and every page needs them: one long-cached chunk.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/, priority: 30 },
            // Zod only comes with the forms (lazy pages), never with the entry.
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 20 },
            // Everything else the entry imports statically: one chunk (every page loads all of it).
            { name: 'initial', tags: ['$initial'], priority: 10 },
            // What the first screens import, by which of them do (scripts/build/chunk-groups.ts).
            ...firstScreenGroups(FIRST_ROUTES, root),
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: false,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
});
