import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import {
  cipSoc,
  contactAssignments,
  courseSkillVersions,
  courseSkills,
  courses,
  curriculumComments,
  curriculumFollowers,
  curriculumProposals,
  hiringNeedSkills,
  hiringNeeds,
  notifications,
  organizations,
  people,
  programOutcomes,
  programPartners,
  programs,
  referenceDatasets,
  skills,
} from '../db/schema.js';
import { newId } from '../platform/auth/secrets.js';
import * as data from './information-exchange.data.js';

const CIP_SOC_DEMO = 'cip-soc-demo-programs';

/** The demo coalition's hiring needs, programs, points of contact and curriculum forum (issue 4). */
export async function seedInformationExchange(tx: Executor, coalitionId: string): Promise<void> {
  const orgRows = await tx.select({ id: organizations.id, name: organizations.name }).from(organizations).where(eq(organizations.coalitionId, coalitionId));
  const personRows = await tx.select({ id: people.id, name: people.name }).from(people).where(eq(people.coalitionId, coalitionId));
  const skillRows = (await tx.execute<{ id: string; name: string }>(sql`select id, name from ${skills}`)).rows;
  const org = lookup('organization', orgRows);
  const person = lookup('person', personRows);
  const skill = lookup('skill', skillRows, (n) => n.toLowerCase());

  await tx
    .insert(referenceDatasets)
    .values({ key: CIP_SOC_DEMO, name: 'CIP 2020 to SOC 2018 crosswalk (the demo programs’ CIP codes)', publisher: 'National Center for Education Statistics (NCES)', source: 'NCES CIP 2020 – SOC 2018 crosswalk, rows for 11.0201, 11.0801, 11.0902 and 11.1006', licence: 'Public domain (U.S. government work)', rows: data.cipSocRows.length })
    .onConflictDoNothing();
  await tx
    .insert(cipSoc)
    .values(data.cipSocRows.map(([cip, cipTitle, soc, socTitle]) => ({ cip, cipTitle, soc, socTitle, datasetKey: CIP_SOC_DEMO })))
    .onConflictDoNothing();

  const needIds = new Map<string, string>();
  for (const need of data.needs) {
    const id = newId();
    needIds.set(need.key, id);
    await tx.insert(hiringNeeds).values({
      coalitionId,
      id,
      employerId: org(need.employer),
      soc: need.soc,
      title: need.title,
      level: need.level,
      positions: need.positions,
      location: need.location,
      workplace: need.workplace,
      degreeRequired: need.degreeRequired,
      degreeLevel: need.degreeLevel ?? null,
      recruitingCalendar: need.calendar ?? [],
    });
    await tx.insert(hiringNeedSkills).values(
      need.skills.map((s, position) => {
        const spec = typeof s === 'string' ? { name: s } : s;
        return { coalitionId, needId: id, skillId: skill(spec.name), level: spec.level ?? null, importance: spec.importance ?? 'required', position };
      }),
    );
  }

  const courseIds = new Map<string, string>();
  for (const program of data.programs) {
    const programId = newId();
    await tx.insert(programs).values({
      coalitionId,
      id: programId,
      institutionId: org(program.institution),
      title: program.title,
      cip: program.cip,
      awardLevel: program.awardLevel,
      pathway: program.pathway ?? null,
      description: program.description,
      techFocused: program.techFocused,
      specialtySkillClass: program.specialtySkillClass ?? false,
    });
    if (program.partners.length) await tx.insert(programPartners).values(program.partners.map((p) => ({ coalitionId, programId, organizationId: org(p) })));
    await tx.insert(programOutcomes).values(program.outcomes.map(([year, enrollment, completions]) => ({ coalitionId, programId, year, enrollment, completions, source: data.DEMO_FIGURES })));
    for (const course of program.courses) {
      const courseId = newId();
      courseIds.set(`${program.institution}/${program.title}/${course.title}`, courseId);
      const skillIds = course.skills.map(skill);
      await tx.insert(courses).values({ coalitionId, id: courseId, programId, title: course.title, annualEnrollment: course.enrollment, skillsVersion: 1 });
      await tx.insert(courseSkills).values(skillIds.map((skillId) => ({ coalitionId, courseId, skillId })));
      await tx.insert(courseSkillVersions).values({ coalitionId, courseId, version: 1, skillIds, added: skillIds, removed: [], note: 'Created' });
    }
  }

  await tx.insert(contactAssignments).values(data.contacts.map(([organization, topic, name]) => ({ coalitionId, id: newId(), organizationId: org(organization), topic, personId: person(name) })));

  const p = data.proposal;
  const proposalId = newId();
  const authorId = person(p.author);
  const commenterId = person(p.comment.author);
  await tx.insert(curriculumProposals).values({
    coalitionId,
    id: proposalId,
    institutionId: org(p.institution),
    courseId: courseIds.get(`${p.institution}/${p.program}/${p.course}`)!,
    authorId,
    title: p.title,
    summary: p.summary,
    details: p.details,
    skillsAdded: p.skillsAdded.map(skill),
    hiringNeedIds: p.needs.map((key) => needIds.get(key)!),
    targetTerm: p.targetTerm,
  });
  const commentId = newId();
  await tx.insert(curriculumComments).values({ coalitionId, id: commentId, proposalId, authorId: commenterId, body: p.comment.body, relevance: p.comment.relevance, proposedSkills: p.comment.proposedSkills.map(skill) });
  await tx.insert(curriculumFollowers).values([authorId, commenterId].map((personId) => ({ coalitionId, proposalId, personId })));
  await tx.insert(notifications).values({ coalitionId, id: newId(), personId: authorId, kind: 'curriculum.comment', payload: { proposalId, title: p.title, commentId, author: p.comment.author, official: false, relevance: p.comment.relevance } });
}

function lookup(what: string, rows: { id: string; name: string }[], key: (name: string) => string = (n) => n): (name: string) => string {
  const byName = new Map(rows.map((r) => [key(r.name), r.id]));
  return (name) => {
    const id = byName.get(key(name));
    if (!id) throw new Error(`information-exchange seed: no ${what} named "${name}"`);
    return id;
  };
}
