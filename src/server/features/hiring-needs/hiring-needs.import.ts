import { and, eq, sql } from 'drizzle-orm';
import { needLevels, workplaces } from '../../../shared/hiring-needs.contract.js';
import { organizations } from '../../db/schema.js';
import { newId } from '../../platform/auth/secrets.js';
import { cells, registerImporter } from '../../platform/imports/importers.js';
import { resolveSkillNames } from '../skills/index.js';
import './hiring-needs.policy.js';
import { hiringNeedSkills, hiringNeeds } from './hiring-needs.table.js';

interface NeedRecord {
  externalId: string | null;
  employerId: string;
  soc: string;
  title: string;
  positions: number;
  skills: string[];
  degreeRequired: boolean;
  level: (typeof needLevels)[number];
  location: string | null;
  workplace: (typeof workplaces)[number];
}

const YES = ['yes', 'y', 'true', '1'];
const NO = ['no', 'n', 'false', '0', ''];

/**
 * `hiring-needs`: employer,soc,title,positions (+ external_id, skills separated by ";",
 * degree_required yes/no, level, location, workplace). An employer's applicant-tracking system can
 * send its openings as a file; re-importing the same external_id (or employer and title) updates.
 */
registerImporter<NeedRecord, Map<string, { id: string; type: string }>>({
  kind: 'hiring-needs',
  analyze: ['organizations', 'skills', 'hiring_needs', 'hiring_need_skills'],
  action: 'hiringNeed.import',
  description: 'Hiring needs: employer,soc,title,positions (optional external_id, skills separated by ";", degree_required, level, location, workplace)',
  requiredColumns: ['employer', 'soc', 'title', 'positions'],
  async prepare(db, coalitionId) {
    const rows = await db.select({ id: organizations.id, name: organizations.name, type: organizations.type }).from(organizations).where(eq(organizations.coalitionId, coalitionId));
    return new Map(rows.map((r) => [r.name.toLowerCase(), { id: r.id, type: r.type }]));
  },
  validate(values, employers) {
    const errors: { column: string; message: string }[] = [];
    const employerName = cells.required(values, 'employer', errors);
    const employer = employerName ? employers.get(employerName.toLowerCase()) : undefined;
    if (employerName && !employer) errors.push({ column: 'employer', message: `No organization named "${employerName}" in this coalition` });
    else if (employer && employer.type !== 'employer') errors.push({ column: 'employer', message: `"${employerName}" is not an employer` });
    const soc = cells.required(values, 'soc', errors);
    if (soc && !/^\d{2}-\d{4}$/.test(soc)) errors.push({ column: 'soc', message: `Not a SOC code (NN-NNNN): "${soc}"` });
    const title = cells.required(values, 'title', errors);
    if (title.length > 200) errors.push({ column: 'title', message: 'At most 200 characters' });
    const positions = cells.integer(values, 'positions', errors, { min: 1 });
    const skills = (values.skills ?? '').split(';').map((s) => s.trim().replace(/\s+/g, ' ')).filter(Boolean);
    if (new Set(skills.map((s) => s.toLowerCase())).size !== skills.length) errors.push({ column: 'skills', message: 'A skill is listed twice' });
    if (skills.some((s) => s.length > 120)) errors.push({ column: 'skills', message: 'A skill name is longer than 120 characters' });
    const degree = (values.degree_required ?? '').toLowerCase();
    if (!YES.includes(degree) && !NO.includes(degree)) errors.push({ column: 'degree_required', message: 'Must be yes or no' });
    const level = (values.level || 'entry').toLowerCase();
    if (!(needLevels as readonly string[]).includes(level)) errors.push({ column: 'level', message: `Must be one of ${needLevels.join(', ')}` });
    const workplace = (values.workplace || 'onsite').toLowerCase();
    if (!(workplaces as readonly string[]).includes(workplace)) errors.push({ column: 'workplace', message: `Must be one of ${workplaces.join(', ')}` });
    if (errors.length) return { errors };
    return {
      ok: {
        externalId: values.external_id || null,
        employerId: employer!.id,
        soc,
        title,
        positions: positions!,
        skills,
        degreeRequired: YES.includes(degree),
        level: level as NeedRecord['level'],
        location: values.location || null,
        workplace: workplace as NeedRecord['workplace'],
      },
    };
  },
  keyOf: (r) => (r.externalId ? `external_id ${r.externalId}` : `employer and title ${r.employerId} ${r.title.toLowerCase()}`),
  async write(tx, coalitionId, records) {
    let created = 0;
    let updated = 0;
    const existing = await tx.select({ id: hiringNeeds.id, employerId: hiringNeeds.employerId, title: hiringNeeds.title, externalId: hiringNeeds.externalId }).from(hiringNeeds).where(eq(hiringNeeds.coalitionId, coalitionId));
    const byExternalId = new Map(existing.filter((r) => r.externalId).map((r) => [r.externalId!, r.id]));
    const byTitle = new Map(existing.map((r) => [`${r.employerId} ${r.title.toLowerCase()}`, r.id]));
    for (const { skills, ...record } of records) {
      const skillIds = (await resolveSkillNames(tx, skills, 'skills')).map((s) => s.id);
      const id = (record.externalId && byExternalId.get(record.externalId)) || (!record.externalId && byTitle.get(`${record.employerId} ${record.title.toLowerCase()}`));
      if (id) {
        const [changed] = await tx
          .update(hiringNeeds)
          .set({ ...record, updatedAt: new Date() })
          .where(
            and(
              eq(hiringNeeds.coalitionId, coalitionId),
              eq(hiringNeeds.id, id),
              sql`(${hiringNeeds.employerId}, ${hiringNeeds.soc}, ${hiringNeeds.title}, ${hiringNeeds.positions}, ${hiringNeeds.degreeRequired}, ${hiringNeeds.level}, ${hiringNeeds.location}, ${hiringNeeds.workplace})
                is distinct from (${record.employerId}::uuid, ${record.soc}, ${record.title}, ${record.positions}::int, ${record.degreeRequired}::boolean, ${record.level}, ${record.location}, ${record.workplace})`,
            ),
          )
          .returning({ id: hiringNeeds.id });
        const current = (await tx.select({ skillId: hiringNeedSkills.skillId }).from(hiringNeedSkills).where(and(eq(hiringNeedSkills.coalitionId, coalitionId), eq(hiringNeedSkills.needId, id))).orderBy(hiringNeedSkills.position)).map((r) => r.skillId);
        const skillsChanged = JSON.stringify(current) !== JSON.stringify(skillIds);
        if (skillsChanged) {
          await tx.delete(hiringNeedSkills).where(and(eq(hiringNeedSkills.coalitionId, coalitionId), eq(hiringNeedSkills.needId, id)));
          if (skillIds.length) await tx.insert(hiringNeedSkills).values(skillIds.map((skillId, position) => ({ coalitionId, needId: id, skillId, position })));
        }
        if (changed || skillsChanged) updated++;
      } else {
        const needId = newId();
        await tx.insert(hiringNeeds).values({ coalitionId, id: needId, ...record });
        if (skillIds.length) await tx.insert(hiringNeedSkills).values(skillIds.map((skillId, position) => ({ coalitionId, needId, skillId, position })));
        created++;
      }
    }
    return { created, updated, unchanged: records.length - created - updated };
  },
});
