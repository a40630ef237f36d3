import { sql } from 'drizzle-orm';
import { registerImporter } from '../../platform/imports/importers.js';
import { PUBLIC_DOMAIN, arr, batchResult, countedUpsert, readTsv, recordReferenceDataset, socCode, text, type CellErrors, type ReferenceDataset } from './common.import.js';

/**
 * NCES CIP 2020 → SOC 2018 crosswalk (CIP2020_SOC2018, tab-separated). NCES writes 99.9999 (CIP)
 * or 99-9999 (SOC) with the title "NO MATCH" for a program with no occupation or an occupation
 * with no program: those rows are valid and skipped, counted as `skipped` in the result.
 */

type CipRecord = { skip: true; row: number } | { skip: false; cip: string; cipTitle: string; soc: string; socTitle: string };

const CIP_SOC: ReferenceDataset = {
  key: 'cip-soc',
  name: 'CIP 2020 to SOC 2018 crosswalk (programs to occupations)',
  publisher: 'National Center for Education Statistics (NCES)',
  source: 'NCES CIP 2020 – SOC 2018 crosswalk, CIP2020_SOC2018',
  licence: PUBLIC_DOMAIN,
  notes: 'Rows with 99.9999 or 99-9999 ("NO MATCH") are not stored.',
};

/** A CIP code as NCES writes it (01.0701); tolerates ="01.0701" spreadsheet formulas and a lost leading zero (1.0701). */
export function cipCode(values: Record<string, string>, column: string, errors: CellErrors): string {
  let value = (values[column] ?? '').replace(/^="?(.*?)"?$/, '$1').trim();
  if (/^\d\.\d{4}$/.test(value)) value = `0${value}`;
  if (!value) errors.push({ column, message: 'Required' });
  else if (!/^\d{2}\.\d{4}$/.test(value)) errors.push({ column, message: `Not a CIP code (NN.NNNN): "${values[column]}"` });
  return value;
}

registerImporter<CipRecord>({
  kind: 'cip-soc',
  action: 'laborMarket.import',
  description: 'NCES CIP 2020 – SOC 2018 crosswalk (tab-separated): CIP2020Code, CIP2020Title, SOC2018Code, SOC2018Title; 99.9999 / 99-9999 rows are skipped',
  requiredColumns: ['cip2020code', 'cip2020title', 'soc2018code', 'soc2018title'],
  read: readTsv,
  validate(values, _lookup, row) {
    const errors: CellErrors = [];
    const cip = cipCode(values, 'cip2020code', errors);
    const soc = socCode(values, 'soc2018code', errors);
    if (!errors.length && (cip === '99.9999' || soc === '99-9999')) return { ok: { skip: true, row } };
    const cipTitle = text(values, 'cip2020title', errors, { max: 300 });
    const socTitle = text(values, 'soc2018title', errors, { max: 300 });
    if (errors.length) return { errors };
    return { ok: { skip: false, cip, cipTitle, soc, socTitle } };
  },
  keyOf: (r) => (r.skip ? `no match, row ${r.row}` : `${r.cip} → ${r.soc}`),
  async write(tx, _coalitionId, records) {
    const rows = records.filter((r): r is Extract<CipRecord, { skip: false }> => !r.skip);
    const skipped = records.length - rows.length;
    if (rows.length === 0) return { created: 0, updated: 0, unchanged: 0, skipped };
    const counts = await countedUpsert(
      tx,
      sql`insert into cip_soc (cip, cip_title, soc, soc_title, dataset_key)
        select cip, cip_title, soc, soc_title, ${CIP_SOC.key}
        from unnest(${arr(rows.map((r) => r.cip))}::text[], ${arr(rows.map((r) => r.cipTitle))}::text[], ${arr(rows.map((r) => r.soc))}::text[], ${arr(rows.map((r) => r.socTitle))}::text[]) as v(cip, cip_title, soc, soc_title)
        on conflict (cip, soc) do update set cip_title = excluded.cip_title, soc_title = excluded.soc_title, dataset_key = excluded.dataset_key
        where (cip_soc.cip_title, cip_soc.soc_title, cip_soc.dataset_key) is distinct from (excluded.cip_title, excluded.soc_title, excluded.dataset_key)`,
    );
    return batchResult(records.length, counts, skipped);
  },
  async finish(tx) {
    await recordReferenceDataset(tx, CIP_SOC, sql`select count(*)::int from cip_soc where dataset_key = ${CIP_SOC.key}`);
    return { created: 0, updated: 0 };
  },
});
