import type { Executor } from '../db/client.js';
import {
  lmDatasets,
  lmFacts,
  lmHubOccupations,
  lmHubs,
  lmProjections,
  lmRankings,
  lmRegions,
  lmStatedFigures,
  occupationSkills,
  referenceDatasets,
  skills,
  socCrosswalk,
} from '../db/schema.js';
import { customSkillId, onetSkillId, technologySkillId } from '../features/labor-market/skill-kinds.js';
import { onetSkillKind } from '../features/labor-market/skill-kinds.js';
import { newId } from '../platform/auth/secrets.js';
import * as lm from './la-tech.labor-market.data.js';
import * as curated from './la-tech.skills.data.js';

export const CURATED_DATASET = 'talentbridge-curated-skills';
const CROSSWALK_DATASET = 'soc-2010-2018-crosswalk-paper';

/** Reference data the demo needs without any import; merged into, never duplicated, by importers. */
export async function seedReferenceData(tx: Executor): Promise<void> {
  await tx
    .insert(referenceDatasets)
    .values([
      { key: CURATED_DATASET, name: 'Curated starter skills for the white paper’s 18 occupations', publisher: 'TalentBridge editors', source: 'Skill elements and technology names from O*NET; importance ratings are editorial estimates until an O*NET import replaces them', licence: 'CC BY 4.0 (O*NET names); estimates by TalentBridge', notes: 'This product includes information from the O*NET Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA.', rows: 0 },
      { key: CROSSWALK_DATASET, name: 'SOC 2010 to SOC 2018 crosswalk (the paper’s occupations)', publisher: 'U.S. Bureau of Labor Statistics', source: 'BLS SOC 2010–2018 crosswalk, rows for the 18 occupations of the white paper', licence: 'Public domain (U.S. government work)', rows: lm.crosswalk.length },
    ])
    .onConflictDoNothing();
  await tx
    .insert(socCrosswalk)
    .values(lm.crosswalk.map(([soc2010, soc2018, soc2018Title]) => ({ soc2010, soc2018, soc2010Title: lm.table1.find((r) => r[0] === soc2010)![1], soc2018Title, datasetKey: CROSSWALK_DATASET })))
    .onConflictDoNothing();

  const byName = new Map<string, string>();
  const skillRows = [
    ...curated.onetElements.map(([element, name]) => ({ id: onetSkillId(element), name, kind: onetSkillKind(element), onetElementId: element, commodityCode: null })),
    ...curated.customHardSkills.map((name) => ({ id: customSkillId(name), name, kind: 'hard' as const, onetElementId: null, commodityCode: null })),
    ...curated.technologies.map(([name, code]) => ({ id: technologySkillId(name), name, kind: 'technology' as const, onetElementId: null, commodityCode: code })),
  ];
  for (const s of skillRows) byName.set(s.name, s.id);
  await tx
    .insert(skills)
    .values(skillRows.map((s) => ({ ...s, datasetKey: CURATED_DATASET })))
    .onConflictDoNothing();

  const hot = new Map(curated.technologies.map(([name, , isHot]) => [name, isHot]));
  const links = Object.entries(curated.occupationProfiles).flatMap(([soc, profile]) => [
    ...[...curated.coreSoftSkills, ...profile.skills].map(([name, importance]) => ({ soc, skillId: byName.get(name)!, importance, level: null, hotTechnology: false, inDemand: false })),
    ...profile.technologies.map((name) => ({ soc, skillId: byName.get(name)!, importance: null, level: null, hotTechnology: hot.get(name) ?? false, inDemand: false })),
  ]);
  await tx
    .insert(occupationSkills)
    .values(links.map((l) => ({ ...l, datasetKey: CURATED_DATASET })))
    .onConflictDoNothing();
}

/** The paper's labor-market data for one coalition (Table 1, Table 2, hub cards, facts, rankings). */
export async function seedLaborMarket(tx: Executor, coalitionId: string): Promise<void> {
  await seedReferenceData(tx);
  const datasetIds = new Map(lm.datasets.map((d) => [d.key, newId()]));
  const ds = (key: string) => datasetIds.get(key)!;
  await tx.insert(lmDatasets).values(lm.datasets.map((d) => ({ coalitionId, id: ds(d.key), key: d.key, name: d.name, publisher: d.publisher, source: d.source, publishedOn: d.publishedOn, licence: d.licence, notes: d.notes ?? null })));

  const regionId = newId();
  await tx.insert(lmRegions).values({ coalitionId, id: regionId, ...lm.region });
  await tx.insert(lmProjections).values(
    lm.table1.map(([soc, title, base, projected, percent, newJobs, replacement, total, category, experience]) => ({
      coalitionId,
      id: newId(),
      datasetId: ds('edd-la-2014-2024'),
      regionId,
      soc,
      socVersion: '2010',
      title,
      category,
      baseYear: 2014,
      baseEmployment: base,
      projectedYear: 2024,
      projectedEmployment: projected,
      annualNewJobs: newJobs,
      annualReplacementNeeds: replacement,
      statedTotalOpenings: total,
      statedPercentChange: percent,
      workExperience: experience,
    })),
  );
  const stated = (datasetId: string, scope: string, subject: string, values: Record<string, number>) =>
    Object.entries(values).map(([field, value]) => ({ coalitionId, id: newId(), datasetId, scope, subject, field, value }));
  await tx.insert(lmStatedFigures).values([
    ...stated(ds('edd-la-2014-2024'), 'projections', lm.region.slug, lm.table1Totals),
    ...lm.hubs.map((hub, i) => stated(ds('bls-hubs-2014'), 'hub_table', hub, { techEmployment: lm.table2Totals[i]! })).flat(),
  ]);

  await tx.insert(lmHubs).values(
    lm.hubs.map((hub, i) => {
      const [employees, salary, per1000] = lm.hubCards[hub];
      return { coalitionId, id: newId(), datasetId: ds('hub-cards'), hub, isHome: hub === 'Los Angeles', techEmployment: employees, averageTechSalary: salary, techWorkersPer1000Jobs: per1000, sortOrder: i };
    }),
  );
  await tx.insert(lmHubOccupations).values(
    lm.table2.flatMap(([soc, title, values]) => lm.hubs.map((hub, i) => ({ coalitionId, datasetId: ds('bls-hubs-2014'), hub, soc, title, employment: values[i] ?? null }))),
  );
  await tx.insert(lmFacts).values(lm.facts.map((f, i) => ({ coalitionId, id: newId(), datasetId: ds(f.dataset), key: f.key, label: f.label, value: f.value, unit: f.unit, asOf: f.asOf ?? null, checks: f.checks ?? null, sortOrder: i })));
  await tx.insert(lmRankings).values([
    ...lm.topGrowthJobs.map((soc, i) => ({ coalitionId, id: newId(), datasetId: ds('bls-top-growth'), list: 'top_growth_jobs', rank: i + 1, label: lm.table1.find((r) => r[0] === soc)![1], soc, rankedBy: 'annualNewJobs' })),
    ...lm.topHiringCompanies.map((label, i) => ({ coalitionId, id: newId(), datasetId: ds('linkedin-top-hiring'), list: 'top_hiring_companies', rank: i + 1, label, soc: null, rankedBy: null })),
  ]);
}
