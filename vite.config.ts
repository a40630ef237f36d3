import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
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
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/, priority: 3 },
            // Zod only comes with the forms (lazy pages), never with the entry.
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 2 },
            // Mantine is left to the automatic splitting: the shell loads only the components it uses.
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
