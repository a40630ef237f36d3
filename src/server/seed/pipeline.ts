import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import {
  applicationStatusChanges,
  applications as applicationsTable,
  employerCapacities,
  engagementRequests as engagementRequestsTable,
  guardianConsents,
  opportunities as opportunitiesTable,
  opportunitySkills,
  people,
  placements,
  portfolioItems,
  studentEquity,
  studentShares,
  studentSkills,
  students as studentsTable,
} from '../db/schema.js';
import { capacityOf } from '../../shared/engagements.contract.js';
import { newId } from '../platform/auth/secrets.js';
import { resolveSkillNames } from '../features/skills/skill-names.js';
import * as data from './pipeline.data.js';

const DAY = 24 * 60 * 60 * 1000;
const isoDay = (days: number, from = new Date()) => new Date(from.getTime() + days * DAY).toISOString().slice(0, 10);
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

function birthDate(born: data.SeedStudent['born']): string {
  if (typeof born === 'string') return born;
  // A month past the birthday, so a 17-year-old stays 17 and an 18-year-old is one, whatever the day.
  const today = new Date();
  return isoDay(-30, new Date(Date.UTC(today.getUTCFullYear() - born.ageYears, today.getUTCMonth(), today.getUTCDate())));
}

/** Skill names → ids, creating member-defined skills for names the reference data lacks. */
async function skillIds(tx: Executor, names: string[]): Promise<Map<string, string>> {
  const unique = [...new Map(names.map((n) => [n.toLowerCase(), n])).values()];
  const resolved = await resolveSkillNames(tx, unique, 'skills');
  return new Map(unique.map((n, i) => [n.toLowerCase(), resolved[i]!.id]));
}

/** The pipeline of the demo coalition (see pipeline.data.ts): opportunities, students, applications, the ledger. */
export async function seedPipeline(tx: Executor, coalitionId: string, orgIds: Map<string, string>): Promise<void> {
  const org = (key: string) => orgIds.get(key)!;
  const year = new Date().getUTCFullYear();
  const allSkills = [
    ...data.opportunities.flatMap((o) => o.skills.map(([name]) => name)),
    ...data.students.flatMap((s) => [...s.skills.map((k) => (typeof k === 'string' ? k : k[0])), ...(s.portfolio ?? []).flatMap((p) => p.skills)]),
  ];
  const skill = await skillIds(tx, allSkills);
  const skillOf = (name: string) => skill.get(name.toLowerCase())!;

  const accountOf = async (email: string) => (await tx.select({ id: people.id, userId: people.userId }).from(people).where(and(eq(people.coalitionId, coalitionId), sql`lower(${people.email}) = ${email}`)))[0];
  const studentPerson = await accountOf('student@la-tech.demo');
  const coordinatorUser = (await accountOf('coordinator@la-tech.demo'))?.userId ?? null;
  const snapUser = (await accountOf('employer@la-tech.demo'))?.userId ?? null;

  const opportunityIds = new Map<string, string>();
  for (const o of data.opportunities) {
    const id = newId();
    opportunityIds.set(o.key, id);
    await tx.insert(opportunitiesTable).values({
      coalitionId,
      id,
      kind: o.kind,
      title: o.title,
      description: o.description,
      employerId: org(o.host),
      institutionId: o.institution ? org(o.institution) : null,
      pathway: o.pathway ?? null,
      audiences: o.audiences,
      compensation: o.compensation,
      payAmount: o.pay?.[0] ?? null,
      payUnit: o.pay?.[1] ?? null,
      seats: o.seats ?? null,
      startsOn: isoDay(o.starts),
      endsOn: isoDay(o.ends),
      applicationDeadline: o.deadline !== undefined ? isoDay(o.deadline) : null,
      hoursPerWeek: o.hoursPerWeek ?? null,
      minimumAge: o.minimumAge ?? null,
      modality: o.modality,
      location: o.location,
      status: o.status,
      externalId: `demo-opportunity-${o.key}`,
      createdAt: daysAgo(Math.max(140, -o.starts + 30)),
    });
    await tx.insert(opportunitySkills).values(o.skills.map(([name, importance]) => ({ coalitionId, opportunityId: id, skillId: skillOf(name), importance })));
  }

  const studentIds = new Map<string, string>();
  for (const s of data.students) {
    const id = newId();
    studentIds.set(s.key, id);
    const email = s.account ? 'student@la-tech.demo' : `${s.firstName}.${s.lastName}`.normalize('NFKD').replace(/[^\w.]/g, '').toLowerCase() + '@students.example.org';
    await tx.insert(studentsTable).values({
      coalitionId,
      id,
      personId: s.account ? (studentPerson?.id ?? null) : null,
      firstName: s.firstName,
      lastName: s.lastName,
      email,
      institutionId: org(s.school),
      pathway: s.pathway,
      graduationYear: year + s.graduationYearOffset,
      dateOfBirth: birthDate(s.born),
      hoursPerWeek: s.hoursPerWeek ?? null,
      availableFrom: s.hoursPerWeek ? isoDay(14) : null,
      externalId: `demo-student-${s.key}`,
    });
    const skillRows = s.skills.map((k) => (typeof k === 'string' ? { name: k, source: 'declared', ref: '', evidence: null } : { name: k[0], source: 'course', ref: k[1].toLowerCase(), evidence: k[1] }));
    await tx.insert(studentSkills).values(skillRows.map((k) => ({ coalitionId, studentId: id, skillId: skillOf(k.name), source: k.source, ref: k.ref, evidence: k.evidence })));
    if (Object.keys(s.equity).length > 0) await tx.insert(studentEquity).values({ coalitionId, studentId: id, ...s.equity });
    if (s.guardianConsent) {
      await tx.insert(guardianConsents).values({ coalitionId, id: newId(), studentId: id, guardianName: `Rosa ${s.lastName}`, relationship: 'mother', method: 'signed paper form', givenOn: isoDay(-20), recordedByUserId: coordinatorUser });
    }
    for (const employer of s.sharesWith ?? []) await tx.insert(studentShares).values({ coalitionId, studentId: id, organizationId: org(employer), sharedAt: daysAgo(10) });
    for (const item of s.portfolio ?? []) {
      const itemId = newId();
      await tx.insert(portfolioItems).values({ coalitionId, id: itemId, studentId: id, title: item.title, url: item.url, completedOn: isoDay(-item.completedDaysAgo) });
      await tx.insert(studentSkills).values(item.skills.map((name) => ({ coalitionId, studentId: id, skillId: skillOf(name), source: 'portfolio', ref: itemId, evidence: item.title }))).onConflictDoNothing();
    }
  }

  const moverOf = (mover: data.Mover, host: string) => (mover === 'student' ? (studentPerson?.userId ?? null) : mover === 'coordinator' ? coordinatorUser : host === 'snap' ? snapUser : null);
  for (const a of data.applications) {
    const id = newId();
    const opportunity = data.opportunities.find((o) => o.key === a.opportunity)!;
    const studentId = studentIds.get(a.student)!;
    const last = a.history[a.history.length - 1]!;
    await tx.insert(applicationsTable).values({ coalitionId, id, studentId, opportunityId: opportunityIds.get(a.opportunity)!, status: last[0], createdAt: daysAgo(a.history[0]![1]), updatedAt: daysAgo(last[1]) });
    let from: string | null = null;
    for (const [status, days, mover, note] of a.history) {
      await tx.insert(applicationStatusChanges).values({ coalitionId, id: newId(), applicationId: id, fromStatus: from, toStatus: status, at: daysAgo(days), byUserId: moverOf(mover, opportunity.host), note: note ?? null });
      from = status;
    }
    const reached = a.history.map(([status]) => status);
    if (reached.includes('placed')) {
      const placedAt = a.history.find(([status]) => status === 'placed')![1];
      const done = reached.includes('completed') ? a.history.find(([status]) => status === 'completed')![1] : null;
      const outcome = reached.includes('hired') ? (a.hireType === 'full_time' ? 'hired_full_time' : 'hired_part_time') : reached.includes('completed') ? 'not_hired' : null;
      await tx.insert(placements).values({
        coalitionId,
        applicationId: id,
        supervisorName: a.placement?.supervisorName ?? null,
        supervisorEmail: a.placement?.supervisorEmail ?? null,
        startedOn: isoDay(-placedAt),
        endedOn: done !== null ? isoDay(-done) : null,
        hoursCompleted: a.placement?.hoursCompleted ?? 0,
        signedOffAt: a.placement?.signedOff && done !== null ? daysAgo(done) : null,
        outcome,
      });
    }
    if (reached.includes('completed')) {
      // Completed work-based learning evidences the opportunity's skills on the student's record.
      await tx.insert(studentSkills).values(opportunity.skills.map(([name]) => ({ coalitionId, studentId, skillId: skillOf(name), source: 'work_based_learning', ref: id, evidence: opportunity.title }))).onConflictDoNothing();
    }
  }

  // This year's and next year's, so requests a few weeks out always meet a declaration.
  for (const [key, capacity] of Object.entries(data.capacities)) {
    for (const y of [year, year + 1]) await tx.insert(employerCapacities).values(Object.entries(capacity).map(([kind, declared]) => ({ coalitionId, organizationId: org(key), year: y, kind, declared })));
  }
  for (const r of data.engagementRequests) {
    await tx.insert(engagementRequestsTable).values({
      coalitionId,
      id: newId(),
      kind: r.kind,
      capacityKind: capacityOf[r.kind],
      title: r.title,
      schoolId: org(r.school),
      employerId: r.employer ? org(r.employer) : null,
      requestedOn: isoDay(r.days),
      quantity: r.quantity,
      notes: r.notes,
      status: r.status,
      brokeredAt: r.status === 'brokered' ? daysAgo(2) : null,
    });
  }
}
