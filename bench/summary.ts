// The short Markdown table of the latest benchmark results: bench/results/README.md (the README links
// it). Reads the newest bench/results/<name>-<date>.json of each benchmark; `npm run bench` runs it
// last, and it can be run alone: node --import tsx bench/summary.ts
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const results = path.join(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'), 'bench', 'results');
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Row = [measure: string, value: string, target: string, met: boolean | null];

/** The newest result file of each benchmark name (dates sort as text). */
function latest(): Map<string, { file: string; data: Json }> {
  const byName = new Map<string, { file: string; data: Json }>();
  for (const file of fs.readdirSync(results).filter((f) => /-\d{4}-\d{2}-\d{2}\.json$/.test(f)).sort()) {
    const name = file.replace(/-\d{4}-\d{2}-\d{2}\.json$/, '');
    byName.set(name, { file, data: JSON.parse(fs.readFileSync(path.join(results, file), 'utf8')) as Json });
  }
  return byName;
}

const ms = (n: number | undefined) => (n === undefined ? '–' : `${n} ms`);
const ratio = (target: number) => `≤ ${target}× raw SQL`;

/** How each benchmark's headline figures read; a benchmark without an entry is listed by file only. */
const readers: Record<string, (d: Json) => Row[]> = {
  'la-scale': (d) => (d.endpoints as Json[]).map((e) => [`${e.endpoint} (LA scale, PostgreSQL)`, `app ${ms(e.app.p50)} vs raw ${ms(e.raw.p50)}: ${e.ratio}×`, ratio(d.ratioTarget), e.withinTarget]),
  'la-endpoints': (d) => [
    ...(d.scales as Json[]).flatMap((s) => (s.endpoints as Json[]).map((e): Row => [`${e.endpoint} (${s.label})`, `app ${ms(e.app.p50)} vs raw ${ms(e.raw.p50)}: ${e.ratio}×`, ratio(d.ratioTarget), e.withinTarget])),
    ...(d.growth as Json[]).map((g): Row => [`Growth small → LA: ${g.measure}`, `${ms(g.smallP50)} → ${ms(g.laP50)}: ${g.costRatio}× for ${g.dataRatio}× the data`, g.reference ? '– (reference)' : `< ${g.dataRatio}× (sublinear)`, g.reference ? null : g.sublinear]),
  ],
  'la-import': (d) => [
    ['Import 500,000 students: rows/s', String(d.rowsPerSecond), `≥ ${d.targets.rowsPerSecond}`, d.meetsTarget.rowsPerSecond],
    ['Import 500,000 students: peak server memory', `${d.serverMemoryMB.peakRssSampled} MB`, `< ${d.targets.peakMB} MB`, d.meetsTarget.memory],
    ...(d.reimports
      ? (['unchanged', 'changed'] as const).map((k): Row => {
          const r = d.reimports[k];
          const what = k === 'unchanged' ? 'the same file (all unchanged)' : `${Math.round(r.share * 100)}% changed`;
          return [`Re-import 500,000 existing students, ${what}: rows/s`, `${r.rowsPerSecond} (${r.seconds} s; CPU server ${r.cpuSeconds.server} s, PostgreSQL ${r.cpuSeconds.database} s; load ${r.loadAverage[0]})`, '–', null];
        })
      : []),
  ],
  alignment: (d) => [[`Skills alignment p50 (HTTP; SQL alone ${ms(d.skillsSqlOnly?.p50)})`, ms(d.skills.p50), `< ${d.targetMs} ms`, d.skills.underTarget]],
  'master-plan': (d) => [
    ['Master plan, 5,000 tasks: CPM alone (median)', ms(d.cpm.medianMs), `< ${d.targetMs} ms`, d.meetsTarget.cpm],
    ['Master plan over HTTP, PGlite (median, warm)', ms(d.pglite.http.medianMs), `< ${d.targetMs} ms`, d.meetsTarget.pgliteHttp],
    ['Master plan over HTTP, PostgreSQL (median, warm)', ms(d.postgres.http.medianMs), `< ${d.targetMs} ms`, d.meetsTarget.postgresHttp],
  ],
  digest: (d) =>
    (['pglite', 'postgres'] as const).flatMap((mode): Row[] =>
      d[mode]
        ? [[`Weekly digest, ${d.people.toLocaleString('en-US')} people (${mode}): wall time; digests to the unsubscribed`, `${d[mode].wallMs} ms, ${d[mode].outboxDigestRows} digests in ${d[mode].run.batches} batches; ${d[mode].digestsToUnsubscribedOrOptedOut} to the unsubscribed`, `< ${d.targetMs} ms; 0`, d.meetsTarget[mode]]]
        : [],
    ),
  'metrics-rollup': (d) => [
    [`Metrics dashboard over ${d.data.applicationsInDatabase.toLocaleString('en-US')} applications: raw aggregate (PostgreSQL)`, ms(d.timingsMs.rawAggregate.p50), '–', null],
    ['Metrics dashboard from the daily rollup (equals raw)', ms(d.timingsMs.dashboardFromRollup.p50), `rollup = raw`, d.rollupEqualsRaw.afterRefresh && d.rollupEqualsRaw.withTail],
  ],
  'import-onet-skills': (d) => [['O*NET Skills import', `${d.seconds} s, ${d.rowsPerSecond} rows/s, peak ${d.memoryMB.nodeRssPeak} MB`, '–', null]],
  soak: (d) => (d.results as Json[]).map((r) => [`Soak, ${r.clients} clients × ${r.seconds} s (${r.mode})`, `${r.requests} requests, ${r.errors} errors, RSS +${Math.round((r.serverRssKb.growth ?? 0) / 1024)} MB`, '0 errors', r.errors === 0]),
  'http-load': (d) =>
    (d.results as Json[]).flatMap((r): Row[] => [
      [`Bare /api/health, 50 connections (${r.mode})`, `${r.bare.requestsPerSecond} req/s`, '–', null],
      [`Board list with filters, 50 connections (${r.mode})`, `${r.board.requestsPerSecond} req/s, ${r.board.errors + r.board.non2xx} errors${r.board.cpuMsPerRequest ? `; ${r.board.cpuMsPerRequest.server} ms server CPU a request` : ''}`, '0 errors', r.board.errors + r.board.non2xx === 0],
      [`/api/health p99 with 32 heavy in flight (${r.mode})`, `${ms(r.healthUnderLoad.loaded.p99)}${r.healthUnderLoad.serverEventLoopDelayMs ? ` (server loop delay p99 ${ms(r.healthUnderLoad.serverEventLoopDelayMs.p99)}; load ${r.loadAverage?.[0] ?? '?'})` : ''}`, `< ${r.healthUnderLoad.p99TargetMs} ms`, r.healthUnderLoad.withinTarget],
    ]),
  'web-perf': (d) => [
    ['First page JavaScript (gzipped)', `${d.firstPageJavaScript.gzipKb} kB`, `< ${d.firstPageJavaScript.targetKb} kB`, d.firstPageJavaScript.withinTarget],
    ...(d.largestContentfulPaint as Json[]).map((p): Row => [`Largest contentful paint ${p.route}`, ms(p.lcpMs.median), `< ${p.targetMs} ms`, p.withinTarget]),
  ],
};

const lines = ['# Latest benchmark results', '', 'Generated by `bench/summary.ts` from the newest file of each benchmark. Absolute times drift on these shared 2-core machines: each file records the load average it ran under.', '', '| Benchmark | Measure | Result | Target | Met |', '|---|---|---|---|---|'];
for (const [name, { file, data }] of [...latest()].sort(([a], [b]) => a.localeCompare(b))) {
  const rows = readers[name]?.(data) ?? [];
  if (rows.length === 0) lines.push(`| [${name}](${file}) | (see file) | | | |`);
  for (const [measure, value, target, met] of rows) lines.push(`| [${name}](${file}) | ${measure} | ${value} | ${target} | ${met === null ? '–' : met ? 'yes' : '**no**'} |`);
}
fs.writeFileSync(path.join(results, 'README.md'), lines.join('\n') + '\n');
console.log(lines.join('\n'));
