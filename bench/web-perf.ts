// Benchmark (issue 9, web): the production build (`vite build`, served by the API server on
// embedded PGlite with the demo coalition) in Debian's headless Chromium on localhost.
//   - JavaScript of the first page: every script the sign-in page loads, gzipped (level 9) from
//     dist/web; target under 300 kB.
//   - Largest contentful paint of the dashboard (/c/la-tech, signed in as the Coordinator) and of
//     the metrics page, median of RUNS cold loads (new browser context each: no cache); target under
//     1.5 s for the dashboard.
// Writes bench/results/web-perf-<date>.json.
//   node --import tsx bench/web-perf.ts [runs]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { findChromium } from '../e2e/chromium.mjs';
import { machine, root, startServer, type RunningServer } from './support/server.js';

const RUNS = Math.max(3, Number(process.argv[2] ?? 5));
const FIRST_PAGE_JS_TARGET_KB = 300;
const LCP_TARGET_MS = 1500;
const dist = path.join(root, 'dist', 'web');

const built = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) throw new Error('vite build failed');

const executablePath = findChromium();
if (!executablePath) throw new Error('Chromium not found (apt-get install -y chromium)');
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** Scripts the page loads (same-origin /assets/*.js), with their raw and gzipped sizes from dist. */
async function firstPageScripts(browser: Browser, server: RunningServer) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts = new Set<string>();
  page.on('response', (res) => {
    const url = new URL(res.url());
    if (url.port === String(server.port) && url.pathname.endsWith('.js')) scripts.add(url.pathname);
  });
  await page.goto(`http://localhost:${server.port}/sign-in`, { waitUntil: 'networkidle' });
  await context.close();
  const files = [...scripts].sort().map((p) => {
    const content = fs.readFileSync(path.join(dist, p));
    return { path: p, rawKb: kb(content.length), gzipKb: kb(gzipSync(content, { level: 9 }).length) };
  });
  const gzipKb = Math.round(files.reduce((n, f) => n + f.gzipKb, 0) * 10) / 10;
  return { page: '/sign-in', files, gzipKb, targetKb: FIRST_PAGE_JS_TARGET_KB, withinTarget: gzipKb < FIRST_PAGE_JS_TARGET_KB };
}

/** LCP of a cold load of `route` signed in with `cookie`, once the page has settled. */
async function largestPaint(browser: Browser, server: RunningServer, route: string, cookie: string): Promise<number> {
  const [name, value] = cookie.split('=') as [string, string];
  const context = await browser.newContext();
  await context.addCookies([{ name, value, domain: 'localhost', path: '/' }]);
  const page = await context.newPage();
  await page.goto(`http://localhost:${server.port}${route}`, { waitUntil: 'networkidle' });
  const lcp = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          resolve(entries[entries.length - 1]!.startTime);
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        setTimeout(() => resolve(Number.NaN), 5000);
      }),
  );
  await context.close();
  return lcp;
}

const server = await startServer('pglite');
const browser = await chromium.launch({ executablePath, args });
try {
  const cookie = await server.signIn('coordinator@la-tech.demo');
  const scripts = await firstPageScripts(browser, server);
  const pages = [];
  for (const route of ['/c/la-tech', '/c/la-tech/metrics']) {
    await largestPaint(browser, server, route, cookie); // warm the server's caches, not the browser's
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) samples.push(Math.round(await largestPaint(browser, server, route, cookie)));
    pages.push({ route, lcpMs: { median: median(samples), samples }, targetMs: LCP_TARGET_MS, withinTarget: median(samples) < LCP_TARGET_MS });
  }
  const out = {
    benchmark: 'web-perf',
    date: new Date().toISOString(),
    method: `vite production build served by the API server (embedded PGlite, demo coalition); Debian Chromium headless; LCP from PerformanceObserver after networkidle, median of ${RUNS} cold contexts after one warm-up`,
    firstPageJavaScript: scripts,
    largestContentfulPaint: pages,
    machine: machine(),
  };
  const file = path.join(root, 'bench', 'results', `web-perf-${out.date.slice(0, 10)}.json`);
  fs.writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
  console.log(`first page JavaScript: ${scripts.gzipKb} kB gzipped in ${scripts.files.length} files (target < ${FIRST_PAGE_JS_TARGET_KB} kB)`);
  for (const p of pages) console.log(`${p.route}: LCP median ${p.lcpMs.median} ms (${p.lcpMs.samples.join(', ')}; target < ${LCP_TARGET_MS} ms)`);
  console.log(`wrote ${path.relative(root, file)}`);
} finally {
  await browser.close();
  await server.stop();
}
