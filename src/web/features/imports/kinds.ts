import type { QueryKey } from '@tanstack/react-query';
import { keys } from '../../api/endpoints';
import type { Permissions } from '../../coalition/context';

/**
 * The import kinds this app offers, as the server registers them (src/server/**\/*.import.ts). To add
 * one: an entry here and its label and description under imports.kinds in en.ts and es.ts.
 */
export const IMPORT_KINDS = [
  { kind: 'organizations', key: 'organizations', group: 'directory', format: 'csv', who: 'editDirectory' },
  { kind: 'students', key: 'students', group: 'talentPipeline', format: 'csv', who: 'coordinator' },
  { kind: 'opportunities', key: 'opportunities', group: 'talentPipeline', format: 'csv', who: 'editDirectory' },
  { kind: 'labor-market', key: 'laborMarket', group: 'laborMarket', format: 'csv', who: 'coordinator' },
  { kind: 'bls-projections', key: 'blsProjections', group: 'laborMarket', format: 'tsv', who: 'coordinator' },
  { kind: 'soc-2018-structure', key: 'soc2018Structure', group: 'reference', format: 'csv', who: 'coordinator' },
  { kind: 'soc-2010-structure', key: 'soc2010Structure', group: 'reference', format: 'csv', who: 'coordinator' },
  { kind: 'soc-crosswalk', key: 'socCrosswalk', group: 'reference', format: 'csv', who: 'coordinator' },
  { kind: 'onet-occupations', key: 'onetOccupations', group: 'reference', format: 'tsv', who: 'coordinator' },
  { kind: 'onet-skills', key: 'onetSkills', group: 'reference', format: 'tsv', who: 'coordinator' },
  { kind: 'onet-knowledge', key: 'onetKnowledge', group: 'reference', format: 'tsv', who: 'coordinator' },
  { kind: 'onet-technology-skills', key: 'onetTechnologySkills', group: 'reference', format: 'tsv', who: 'coordinator' },
  { kind: 'onet-job-zones', key: 'onetJobZones', group: 'reference', format: 'tsv', who: 'coordinator' },
  { kind: 'cip-soc', key: 'cipSoc', group: 'reference', format: 'tsv', who: 'coordinator' },
] as const satisfies readonly {
  kind: string;
  /** Its messages: imports.kinds.<key>.label and .description. */
  key: string;
  group: 'directory' | 'laborMarket' | 'talentPipeline' | 'reference';
  /** What the server reads: comma-separated (text/csv) or the official tab-separated layouts. */
  format: 'csv' | 'tsv';
  /** Who may start it (the server decides; this only hides what would be refused). */
  who: keyof Permissions;
}[];

export type ImportKind = (typeof IMPORT_KINDS)[number];
export type ImportKindKey = ImportKind['key'];
export const IMPORT_GROUPS = ['directory', 'laborMarket', 'talentPipeline', 'reference'] as const;

export const findKind = (kind: string | null | undefined): ImportKind | undefined => IMPORT_KINDS.find((k) => k.kind === kind);

export const contentTypeOf = (kind: ImportKind) => (kind.format === 'tsv' ? 'text/tab-separated-values' : 'text/csv');

/** The cached data an import of this kind changes. */
export function affectedQueries(slug: string, kind: string): QueryKey[] {
  if (kind === 'organizations') return [keys.organizations(slug), keys.people(slug)];
  if (findKind(kind)?.group === 'directory') return [];
  // The talent-pipeline area's queries all start with this key (features/talent-pipeline/api.ts).
  if (findKind(kind)?.group === 'talentPipeline') return [['coalitions', slug, 'talent-pipeline']];
  return [keys.laborMarket(slug)];
}
