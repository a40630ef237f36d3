import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { registerImporter } from '../../platform/imports/importers.js';
import {
  ONET_ATTRIBUTION,
  ONET_PUBLISHER,
  arr,
  batchResult,
  countedUpsert,
  onetSocCode,
  readTsv,
  ranged,
  recordReferenceDataset,
  text,
  yesNo,
  type CellErrors,
  type ReferenceDataset,
} from './common.import.js';
import { onetSkillKind, technologySkillId } from './skill-kinds.js';

/**
 * O*NET database files (tab-separated, header row, CRLF or LF) into the reference tables. O*NET
 * rates O*NET-SOC 2019 occupations (15-1252.00); the app keys occupations by their SOC 2018 code,
 * the first seven characters. Re-importing a file upserts: nothing is duplicated, equal rows are
 * not touched, and rows are never deleted.
 */

const CODE = 'o*net-soc code';
const licence = 'CC BY 4.0';
const onetDataset = (key: string, name: string, file: string, extra = ''): ReferenceDataset => ({
  key,
  name,
  publisher: ONET_PUBLISHER,
  source: `O*NET database, ${file}`,
  licence,
  notes: extra ? `${extra} ${ONET_ATTRIBUTION}` : ONET_ATTRIBUTION,
});

// ── Occupation Data.txt → onet_occupations

interface OccupationRecord {
  code: string;
  title: string;
  description: string | null;
}

const OCCUPATIONS = onetDataset('onet-occupations', 'O*NET occupations (O*NET-SOC 2019)', 'Occupation Data.txt', 'The SOC 2018 code of an O*NET-SOC code is its first seven characters.');

registerImporter<OccupationRecord>({
  kind: 'onet-occupations',
  action: 'laborMarket.import',
  description: 'O*NET Occupation Data.txt (tab-separated): O*NET-SOC Code, Title, Description',
  requiredColumns: [CODE, 'title'],
  read: readTsv,
  validate(values) {
    const errors: CellErrors = [];
    const code = onetSocCode(values, CODE, errors);
    const title = text(values, 'title', errors, { max: 300 });
    const description = text(values, 'description', errors, { max: 5000, optional: true });
    if (errors.length) return { errors };
    return { ok: { code, title, description: description || null } };
  },
  keyOf: (r) => r.code,
  async write(tx, _coalitionId, records) {
    const counts = await countedUpsert(
      tx,
      sql`insert into onet_occupations (onet_code, soc, title, description, dataset_key)
        select code, left(code, 7), title, description, ${OCCUPATIONS.key}
        from unnest(${arr(records.map((r) => r.code))}::text[], ${arr(records.map((r) => r.title))}::text[], ${arr(records.map((r) => r.description))}::text[]) as v(code, title, description)
        on conflict (onet_code) do update set soc = excluded.soc, title = excluded.title, description = excluded.description, dataset_key = excluded.dataset_key
        where (onet_occupations.soc, onet_occupations.title, onet_occupations.description, onet_occupations.dataset_key)
          is distinct from (excluded.soc, excluded.title, excluded.description, excluded.dataset_key)`,
    );
    return batchResult(records.length, counts);
  },
  async finish(tx) {
    await recordReferenceDataset(tx, OCCUPATIONS, sql`select count(*)::int from onet_occupations where dataset_key = ${OCCUPATIONS.key}`);
    return { created: 0, updated: 0 };
  },
});

// ── Job Zones.txt → onet_occupations.job_zone

interface JobZoneRecord {
  code: string;
  zone: number;
}

const JOB_ZONES = onetDataset('onet-job-zones', 'O*NET Job Zones (preparation levels 1–5)', 'Job Zones.txt', 'Job zones are set on occupations loaded from Occupation Data.');

registerImporter<JobZoneRecord, Set<string>>({
  kind: 'onet-job-zones',
  action: 'laborMarket.import',
  description: 'O*NET Job Zones.txt (tab-separated): O*NET-SOC Code, Job Zone (1–5); import Occupation Data first',
  requiredColumns: [CODE, 'job zone'],
  read: readTsv,
  async prepare(db) {
    const rows = await db.execute<{ onet_code: string }>(sql`select onet_code from onet_occupations`);
    return new Set(rows.rows.map((r) => r.onet_code));
  },
  validate(values, known) {
    const errors: CellErrors = [];
    const code = onetSocCode(values, CODE, errors);
    if (code && !errors.length && !known.has(code)) errors.push({ column: CODE, message: `O*NET occupation ${code} is not loaded: import Occupation Data first` });
    const raw = values['job zone'] ?? '';
    const zone = Number(raw);
    if (!raw) errors.push({ column: 'job zone', message: 'Required' });
    else if (!Number.isInteger(zone) || zone < 1 || zone > 5) errors.push({ column: 'job zone', message: `Must be a whole number from 1 to 5, not "${raw}"` });
    if (errors.length) return { errors };
    return { ok: { code, zone } };
  },
  keyOf: (r) => r.code,
  async write(tx, _coalitionId, records) {
    const result = await tx.execute<{ n: number }>(sql`
      with up as (
        update onet_occupations o set job_zone = v.zone
        from unnest(${arr(records.map((r) => r.code))}::text[], ${arr(records.map((r) => r.zone))}::int[]) as v(code, zone)
        where o.onet_code = v.code and o.job_zone is distinct from v.zone
        returning 1)
      select count(*)::int as n from up`);
    const updated = Number(result.rows[0]?.n ?? 0);
    return { created: 0, updated, unchanged: records.length - updated };
  },
  async finish(tx) {
    await recordReferenceDataset(tx, JOB_ZONES, sql`select count(*)::int from onet_occupations where job_zone is not null`);
    return { created: 0, updated: 0 };
  },
});

// ── Skills.txt and Knowledge.txt → skills + occupation_skills (importance and level)

interface RatingRecord {
  code: string;
  elementId: string;
  name: string;
  scale: 'IM' | 'LV';
  /** null when O*NET recommends suppressing it, or (LV) marks the level not relevant. */
  value: number | null;
}

/**
 * What an import has gathered so far, per transaction (the platform hands the same transaction to
 * every write and to finish). Bounded by the number of distinct occupation × element pairs (about
 * 27,000 for Skills), not by the number of rows.
 */
interface RatingState {
  elements: Map<string, string>;
  ratings: Map<string, { code: string; importance: number | null; level: number | null }>;
}
const ratingStates = new WeakMap<object, RatingState>();

/** The O*NET-SOC code whose rating a SOC 2018 code keeps: the `.00` one, else the lowest. */
export const preferredOnetCode = (a: string, b: string) => {
  const rank = (code: string) => `${code.endsWith('.00') ? 0 : 1}${code}`;
  return rank(a) <= rank(b) ? a : b;
};

const CHUNK = 5000;
function chunked<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * One importer per file. Each occupation has an IM (importance, 1–5) and an LV (level, 0–7) row
 * per element; they become one occupation_skills row. Rows are merged as they stream in and
 * written once at the end, so the result does not depend on file order or batch boundaries:
 * - several O*NET-SOC codes of one SOC 2018 code (11-1011.00 and 11-1011.03): the `.00` code's
 *   rating is kept, else the lowest code's;
 * - Recommend Suppress = Y (O*NET's low-precision flag: too few respondents or a large standard
 *   error): the value is not stored (null), as O*NET advises; the row is not an error;
 * - Not Relevant = Y on an LV row (importance so low that the level means nothing): the level is
 *   null. A blank Recommend Suppress or Not Relevant means N;
 * - an element whose name another skill already has (Knowledge "Mathematics" next to the Skills
 *   element "Mathematics") is named "Mathematics (knowledge)".
 */
function registerRatings(options: {
  kind: 'onet-skills' | 'onet-knowledge';
  file: string;
  elementPrefixes: string[];
  label: 'skill' | 'knowledge';
  skillKind: (elementId: string) => 'hard' | 'soft' | 'knowledge';
  dataset: ReferenceDataset;
}) {
  const { kind, dataset } = options;
  registerImporter<RatingRecord>({
    kind,
    action: 'laborMarket.import',
    description: `O*NET ${options.file} (tab-separated): O*NET-SOC Code, Element ID, Element Name, Scale ID (IM/LV), Data Value, Recommend Suppress, Not Relevant`,
    requiredColumns: [CODE, 'element id', 'element name', 'scale id', 'data value'],
    read: readTsv,
    validate(values) {
      const errors: CellErrors = [];
      const code = onetSocCode(values, CODE, errors);
      const elementId = values['element id'] ?? '';
      if (!elementId) errors.push({ column: 'element id', message: 'Required' });
      else if (!options.elementPrefixes.some((p) => elementId.startsWith(p)) || !/^[0-9A-Za-z.]+$/.test(elementId)) {
        errors.push({ column: 'element id', message: `${elementId} is not an element of ${options.file} (${options.elementPrefixes.join('… or ')}…)` });
      }
      const name = text(values, 'element name', errors, { max: 200 });
      const scale = values['scale id'] ?? '';
      let value: number | null = null;
      if (scale === 'IM') value = ranged(values, 'data value', errors, 1, 5);
      else if (scale === 'LV') value = ranged(values, 'data value', errors, 0, 7);
      else errors.push({ column: 'scale id', message: scale ? `Must be IM (importance) or LV (level), not "${scale}"` : 'Required' });
      const suppress = yesNo(values, 'recommend suppress', errors);
      const notRelevant = yesNo(values, 'not relevant', errors);
      if (errors.length) return { errors };
      return { ok: { code, elementId, name, scale: scale as 'IM' | 'LV', value: suppress || (scale === 'LV' && notRelevant) ? null : value } };
    },
    keyOf: (r) => `${r.code} ${r.elementId} ${r.scale}`,
    async write(tx, _coalitionId, records) {
      let state = ratingStates.get(tx);
      if (!state) ratingStates.set(tx, (state = { elements: new Map(), ratings: new Map() }));
      for (const r of records) {
        // The element's name: the first the file gives.
        if (!state.elements.has(r.elementId)) state.elements.set(r.elementId, r.name);
        const key = `${r.code.slice(0, 7)} ${r.elementId}`;
        let rating = state.ratings.get(key);
        if (!rating || (rating.code !== r.code && preferredOnetCode(r.code, rating.code) === r.code)) {
          rating = { code: r.code, importance: null, level: null };
          state.ratings.set(key, rating);
        }
        if (rating.code !== r.code) continue; // a code this occupation does not take its rating from
        if (r.scale === 'IM') rating.importance = r.value;
        else rating.level = r.value;
      }
      return { created: 0, updated: 0 };
    },
    async finish(tx) {
      const state = ratingStates.get(tx) ?? { elements: new Map(), ratings: new Map() };
      ratingStates.delete(tx);
      const elementIds = [...state.elements.keys()];
      const skillCounts = await countedUpsert(
        tx,
        sql`insert into skills (id, name, kind, onet_element_id, commodity_code, dataset_key)
          select e.id, case when exists (select 1 from skills s where lower(s.name) = lower(e.name) and s.id <> e.id) then e.name || ${` (${options.label})`} else e.name end,
            e.kind, e.element_id, null, ${dataset.key}
          from unnest(${arr(elementIds.map((id) => `onet:${id}`))}::text[], ${arr(elementIds)}::text[], ${arr([...state.elements.values()])}::text[], ${arr(elementIds.map(options.skillKind))}::text[])
            as e(id, element_id, name, kind)
          on conflict (id) do update set name = excluded.name, kind = excluded.kind, onet_element_id = excluded.onet_element_id, dataset_key = excluded.dataset_key
          where (skills.name, skills.kind, skills.onet_element_id, skills.dataset_key) is distinct from (excluded.name, excluded.kind, excluded.onet_element_id, excluded.dataset_key)`,
      );
      // A rating whose values are all suppressed says nothing: skipped.
      const rated = [...state.ratings].filter(([, r]) => r.importance !== null || r.level !== null);
      const linkCounts = { created: 0, updated: 0 };
      for (const chunk of chunked(rated)) {
        const counts = await countedUpsert(
          tx,
          sql`insert into occupation_skills (soc, skill_id, importance, level, hot_technology, in_demand, dataset_key)
            select soc, 'onet:' || element_id, importance, level, false, false, ${dataset.key}
            from unnest(${arr(chunk.map(([key]) => key.slice(0, 7)))}::text[], ${arr(chunk.map(([key]) => key.slice(8)))}::text[],
              ${arr(chunk.map(([, r]) => r.importance))}::real[], ${arr(chunk.map(([, r]) => r.level))}::real[]) as v(soc, element_id, importance, level)
            on conflict (soc, skill_id) do update set importance = excluded.importance, level = excluded.level, dataset_key = excluded.dataset_key
            where (occupation_skills.importance, occupation_skills.level, occupation_skills.dataset_key) is distinct from (excluded.importance, excluded.level, excluded.dataset_key)`,
        );
        linkCounts.created += counts.created;
        linkCounts.updated += counts.updated;
      }
      await recordReferenceDataset(tx, dataset, sql`select count(*)::int from occupation_skills where dataset_key = ${dataset.key}`);
      const created = skillCounts.created + linkCounts.created;
      const updated = skillCounts.updated + linkCounts.updated;
      // Counted in skills and occupation ratings (IM and LV merged), not in file rows.
      return { created, updated, unchanged: elementIds.length + rated.length - created - updated, skipped: state.ratings.size - rated.length };
    },
  });
}

const MERGE_NOTE =
  'Importance (IM, 1–5) and level (LV, 0–7) are merged per SOC 2018 occupation and element; where several O*NET-SOC codes share a SOC code the .00 code’s rating is kept. Values O*NET recommends suppressing, and levels marked not relevant, are left blank.';

registerRatings({
  kind: 'onet-skills',
  file: 'Skills.txt',
  elementPrefixes: ['2.A.', '2.B.'],
  label: 'skill',
  skillKind: onetSkillKind,
  dataset: onetDataset('onet-skills', 'O*NET Skills (importance and level)', 'Skills.txt', MERGE_NOTE),
});

registerRatings({
  kind: 'onet-knowledge',
  file: 'Knowledge.txt',
  elementPrefixes: ['2.C.'],
  label: 'knowledge',
  skillKind: () => 'knowledge',
  dataset: onetDataset('onet-knowledge', 'O*NET Knowledge (importance and level)', 'Knowledge.txt', MERGE_NOTE),
});

// ── Technology Skills.txt → skills (technology) + occupation_skills (hot technology, in demand)

interface TechnologyRecord {
  code: string;
  example: string;
  commodityCode: string;
  hot: boolean;
  inDemand: boolean;
}

/** technologySkillId, but C, C++ and C# stay apart (the slug alone would make all three "c"). */
export function technologyId(name: string): string {
  return technologySkillId(name.replaceAll('+', ' plus ').replaceAll('#', ' sharp '));
}

const TECHNOLOGY = onetDataset(
  'onet-technology-skills',
  'O*NET Technology Skills (Hot Technology, In Demand)',
  'Technology Skills.txt',
  'Where several O*NET-SOC codes share a SOC 2018 code, a technology of any of them is the occupation’s, hot or in demand if it is so for any. An example listed under several commodity codes keeps the first the file gives.',
);

/** Per transaction, as for ratings: one entry per example and per occupation × example. */
interface TechnologyState {
  /** By lower-cased example: its name and the first commodity code the file gives it. */
  examples: Map<string, { example: string; commodityCode: string }>;
  /** By SOC code and lower-cased example: hot / in demand for any O*NET-SOC code of it. */
  links: Map<string, { soc: string; example: string; hot: boolean; inDemand: boolean }>;
}
const technologyStates = new WeakMap<object, TechnologyState>();

const shortHash = (text: string) => createHash('sha1').update(text).digest('hex').slice(0, 6);

registerImporter<TechnologyRecord>({
  kind: 'onet-technology-skills',
  action: 'laborMarket.import',
  description: 'O*NET Technology Skills.txt (tab-separated): O*NET-SOC Code, Example, Commodity Code, Commodity Title, Hot Technology (Y/N), In Demand (Y/N)',
  requiredColumns: [CODE, 'example', 'commodity code', 'hot technology'],
  read: readTsv,
  validate(values) {
    const errors: CellErrors = [];
    const code = onetSocCode(values, CODE, errors);
    const example = text(values, 'example', errors, { max: 200 });
    const commodityCode = values['commodity code'] ?? '';
    if (!commodityCode) errors.push({ column: 'commodity code', message: 'Required' });
    else if (!/^\d{8}$/.test(commodityCode)) errors.push({ column: 'commodity code', message: `Not a UNSPSC commodity code (8 digits): "${commodityCode}"` });
    const hot = yesNo(values, 'hot technology', errors);
    const inDemand = yesNo(values, 'in demand', errors);
    if (errors.length) return { errors };
    return { ok: { code, example, commodityCode, hot, inDemand } };
  },
  keyOf: (r) => `${r.code} ${r.example.toLowerCase()}`,
  async write(tx, _coalitionId, records) {
    let state = technologyStates.get(tx);
    if (!state) technologyStates.set(tx, (state = { examples: new Map(), links: new Map() }));
    for (const r of records) {
      const lower = r.example.toLowerCase();
      if (!state.examples.has(lower)) state.examples.set(lower, { example: r.example, commodityCode: r.commodityCode });
      const key = `${r.code.slice(0, 7)} ${lower}`;
      const link = state.links.get(key);
      if (link) {
        link.hot ||= r.hot;
        link.inDemand ||= r.inDemand;
      } else state.links.set(key, { soc: r.code.slice(0, 7), example: lower, hot: r.hot, inDemand: r.inDemand });
    }
    return { created: 0, updated: 0 };
  },
  async finish(tx) {
    const state = technologyStates.get(tx) ?? { examples: new Map(), links: new Map() };
    technologyStates.delete(tx);
    // One skill per example (case-insensitive), in a fixed order so ids are decided the same way every time.
    const examples = [...state.examples.values()].sort((a, b) => (a.example.toLowerCase() < b.example.toLowerCase() ? -1 : 1));
    const existing = (await tx.execute<{ id: string; name: string; kind: string }>(sql`select id, name, kind from skills`)).rows;
    const byName = new Map(existing.map((s) => [s.name.toLowerCase(), s]));
    const nameOfId = new Map(existing.map((s) => [s.id, s.name.toLowerCase()]));
    const assigned = new Set<string>();
    const ids: string[] = [];
    const names: string[] = [];
    const keys: string[] = [];
    for (const { example } of examples) {
      const lower = example.toLowerCase();
      const same = byName.get(lower);
      let id: string;
      let name = example;
      if (same?.kind === 'technology') id = same.id;
      else {
        // A hard, soft or knowledge skill already has this name: the technology is told apart.
        if (same) name = `${example} (technology)`;
        id = technologyId(name);
        const owner = nameOfId.get(id);
        if (id === 'tech:' || (owner !== undefined && owner !== name.toLowerCase()) || assigned.has(id)) id = `${technologyId(name)}-${shortHash(name.toLowerCase())}`;
      }
      assigned.add(id);
      ids.push(id);
      names.push(name);
      keys.push(lower);
    }
    const skillCounts = { created: 0, updated: 0 };
    for (const chunk of chunked(examples.map((e, i) => ({ id: ids[i]!, name: names[i]!, code: e.commodityCode })))) {
      const counts = await countedUpsert(
        tx,
        sql`insert into skills (id, name, kind, onet_element_id, commodity_code, dataset_key)
          select id, name, 'technology', null, code, ${TECHNOLOGY.key}
          from unnest(${arr(chunk.map((c) => c.id))}::text[], ${arr(chunk.map((c) => c.name))}::text[], ${arr(chunk.map((c) => c.code))}::text[]) as v(id, name, code)
          on conflict (id) do update set name = excluded.name, kind = excluded.kind, commodity_code = excluded.commodity_code, dataset_key = excluded.dataset_key
          where (skills.name, skills.kind, skills.commodity_code, skills.dataset_key) is distinct from (excluded.name, excluded.kind, excluded.commodity_code, excluded.dataset_key)`,
      );
      skillCounts.created += counts.created;
      skillCounts.updated += counts.updated;
    }
    const idOf = new Map(keys.map((key, i) => [key, ids[i]!]));
    const linkCounts = { created: 0, updated: 0 };
    for (const chunk of chunked([...state.links.values()])) {
      const counts = await countedUpsert(
        tx,
        sql`insert into occupation_skills (soc, skill_id, importance, level, hot_technology, in_demand, dataset_key)
          select soc, skill_id, null, null, hot, in_demand, ${TECHNOLOGY.key}
          from unnest(${arr(chunk.map((l) => l.soc))}::text[], ${arr(chunk.map((l) => idOf.get(l.example)!))}::text[], ${arr(chunk.map((l) => l.hot))}::boolean[],
            ${arr(chunk.map((l) => l.inDemand))}::boolean[]) as v(soc, skill_id, hot, in_demand)
          on conflict (soc, skill_id) do update set hot_technology = excluded.hot_technology, in_demand = excluded.in_demand, dataset_key = excluded.dataset_key
          where (occupation_skills.hot_technology, occupation_skills.in_demand, occupation_skills.dataset_key) is distinct from (excluded.hot_technology, excluded.in_demand, excluded.dataset_key)`,
      );
      linkCounts.created += counts.created;
      linkCounts.updated += counts.updated;
    }
    await recordReferenceDataset(tx, TECHNOLOGY, sql`select count(*)::int from occupation_skills where dataset_key = ${TECHNOLOGY.key}`);
    const created = skillCounts.created + linkCounts.created;
    const updated = skillCounts.updated + linkCounts.updated;
    return { created, updated, unchanged: ids.length + state.links.size - created - updated };
  },
});
