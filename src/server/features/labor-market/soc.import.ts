import { sql } from 'drizzle-orm';
import { registerImporter } from '../../platform/imports/importers.js';
import { PUBLIC_DOMAIN, arr, batchResult, countedUpsert, recordReferenceDataset, socCode, text, type CellErrors, type ReferenceDataset } from './common.import.js';

/**
 * The BLS Standard Occupational Classification: the structure of each version (major, minor,
 * broad and detailed codes) and the 2010 → 2018 crosswalk. CSV with a header row.
 */

const BLS = 'U.S. Bureau of Labor Statistics';
export const SOC_LEVELS = ['major', 'minor', 'broad', 'detailed'] as const;
type SocLevel = (typeof SOC_LEVELS)[number];

/** The level from the Level column (2, 3, 5, 6), else from Hierarchical_structure ("Major Group"). */
function levelOf(values: Record<string, string>, errors: CellErrors): SocLevel | null {
  const byNumber: Record<string, SocLevel> = { '2': 'major', '3': 'minor', '5': 'broad', '6': 'detailed' };
  const number = values.level ?? '';
  if (number) {
    const level = byNumber[number];
    if (!level) errors.push({ column: 'level', message: `Must be 2 (major), 3 (minor), 5 (broad) or 6 (detailed), not "${number}"` });
    return level ?? null;
  }
  const words = (values.hierarchical_structure ?? '').toLowerCase();
  const level = SOC_LEVELS.find((l) => words.startsWith(l));
  if (!level) errors.push({ column: 'hierarchical_structure' in values ? 'hierarchical_structure' : 'level', message: words ? `Not a SOC level: "${values.hierarchical_structure}"` : 'Required' });
  return level ?? null;
}

interface SocRecord {
  code: string;
  title: string;
  level: SocLevel;
}

function registerStructure(version: '2010' | '2018') {
  const dataset: ReferenceDataset = {
    key: `soc-${version}-structure`,
    name: `SOC ${version} structure (major, minor, broad and detailed occupations)`,
    publisher: BLS,
    source: `BLS Standard Occupational Classification ${version}, soc${version}_structure`,
    licence: PUBLIC_DOMAIN,
    notes: null,
  };
  registerImporter<SocRecord>({
    kind: `soc-${version}-structure`,
    action: 'laborMarket.import',
    description: `SOC ${version} structure (CSV): code, title, Level (2, 3, 5, 6) or Hierarchical_structure`,
    requiredColumns: ['code', 'title'],
    validate(values) {
      const errors: CellErrors = [];
      const code = socCode(values, 'code', errors);
      const title = text(values, 'title', errors, { max: 300 });
      const level = levelOf(values, errors);
      if (errors.length || !level) return { errors };
      return { ok: { code, title, level } };
    },
    keyOf: (r) => r.code,
    async write(tx, _coalitionId, records) {
      const counts = await countedUpsert(
        tx,
        sql`insert into soc_codes (version, code, title, level, dataset_key)
          select ${version}, code, title, level, ${dataset.key}
          from unnest(${arr(records.map((r) => r.code))}::text[], ${arr(records.map((r) => r.title))}::text[], ${arr(records.map((r) => r.level))}::text[]) as v(code, title, level)
          on conflict (version, code) do update set title = excluded.title, level = excluded.level, dataset_key = excluded.dataset_key
          where (soc_codes.title, soc_codes.level, soc_codes.dataset_key) is distinct from (excluded.title, excluded.level, excluded.dataset_key)`,
      );
      return batchResult(records.length, counts);
    },
    async finish(tx) {
      await recordReferenceDataset(tx, dataset, sql`select count(*)::int from soc_codes where version = ${version}`);
      return { created: 0, updated: 0 };
    },
  });
}

registerStructure('2018');
registerStructure('2010');

// ── SOC 2010 → 2018 crosswalk

interface CrosswalkRecord {
  soc2010: string;
  soc2018: string;
  soc2010Title: string;
  soc2018Title: string;
}

const CROSSWALK: ReferenceDataset = {
  key: 'soc-crosswalk',
  name: 'SOC 2010 to SOC 2018 crosswalk',
  publisher: BLS,
  source: 'BLS SOC 2010 to 2018 crosswalk, soc2010_to_soc2018',
  licence: PUBLIC_DOMAIN,
  notes: 'One 2010 code may map to several 2018 codes (15-1132 → 15-1252 and 15-1253). The "(##)" marker BLS puts on some titles is removed.',
};

/** BLS marks some titles with "(##)" (and similar): not part of the title. */
export const stripMarker = (title: string) => title.replace(/\s*\(#+\)\s*/g, ' ').trim();

registerImporter<CrosswalkRecord>({
  kind: 'soc-crosswalk',
  action: 'laborMarket.import',
  description: 'SOC 2010 to 2018 crosswalk (CSV): soc2010, soc2010_title, soc2018, soc2018_title',
  requiredColumns: ['soc2010', 'soc2010_title', 'soc2018', 'soc2018_title'],
  validate(values) {
    const errors: CellErrors = [];
    const soc2010 = socCode(values, 'soc2010', errors);
    const soc2018 = socCode(values, 'soc2018', errors);
    const soc2010Title = stripMarker(text(values, 'soc2010_title', errors, { max: 300 }));
    const soc2018Title = stripMarker(text(values, 'soc2018_title', errors, { max: 300 }));
    if (errors.length) return { errors };
    return { ok: { soc2010, soc2018, soc2010Title, soc2018Title } };
  },
  keyOf: (r) => `${r.soc2010} → ${r.soc2018}`,
  async write(tx, _coalitionId, records) {
    const counts = await countedUpsert(
      tx,
      sql`insert into soc_crosswalk (soc2010, soc2018, soc2010_title, soc2018_title, dataset_key)
        select a, b, at, bt, ${CROSSWALK.key}
        from unnest(${arr(records.map((r) => r.soc2010))}::text[], ${arr(records.map((r) => r.soc2018))}::text[], ${arr(records.map((r) => r.soc2010Title))}::text[], ${arr(records.map((r) => r.soc2018Title))}::text[]) as v(a, b, at, bt)
        on conflict (soc2010, soc2018) do update set soc2010_title = excluded.soc2010_title, soc2018_title = excluded.soc2018_title, dataset_key = excluded.dataset_key
        where (soc_crosswalk.soc2010_title, soc_crosswalk.soc2018_title, soc_crosswalk.dataset_key) is distinct from (excluded.soc2010_title, excluded.soc2018_title, excluded.dataset_key)`,
    );
    return batchResult(records.length, counts);
  },
  async finish(tx) {
    await recordReferenceDataset(tx, CROSSWALK, sql`select count(*)::int from soc_crosswalk where dataset_key = ${CROSSWALK.key}`);
    return { created: 0, updated: 0 };
  },
});
