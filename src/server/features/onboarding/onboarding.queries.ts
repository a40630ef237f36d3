import { and, eq, ilike, sql, type SQL } from 'drizzle-orm';
import type { OnboardingListQuery } from '../../../shared/onboarding.contract.js';
import type { Executor } from '../../db/client.js';
import { contactAssignments, hiringNeeds, meetingInvitees, organizations, people, programs } from '../../db/schema.js';
import { afterCursor, decodeCursor, likePattern } from '../../platform/pagination.js';
import { dataSharingAcceptances } from './onboarding.table.js';

const EDUCATION = sql`('k12', 'college', 'university')`;

/** Each check computed from the records it is about, in one query. */
const columns = {
  organizationId: organizations.id,
  organizationName: organizations.name,
  organizationType: organizations.type,
  joinedAt: organizations.createdAt,
  pointsOfContact: sql<boolean>`(exists (select 1 from ${contactAssignments} ca where ca.coalition_id = ${organizations.coalitionId} and ca.organization_id = ${organizations.id})
    or exists (select 1 from ${people} p where p.coalition_id = ${organizations.coalitionId} and p.organization_id = ${organizations.id} and 'point_of_contact' = any(p.roles)))`,
  hiringNeeds: sql<boolean>`exists (select 1 from ${hiringNeeds} h where h.coalition_id = ${organizations.coalitionId} and h.employer_id = ${organizations.id})`,
  programs: sql<boolean>`exists (select 1 from ${programs} pr where pr.coalition_id = ${organizations.coalitionId} and pr.institution_id = ${organizations.id})`,
  firstMeeting: sql<boolean>`exists (select 1 from ${meetingInvitees} mi join ${people} p on p.coalition_id = mi.coalition_id and p.id = mi.person_id
    where mi.coalition_id = ${organizations.coalitionId} and p.organization_id = ${organizations.id} and mi.attended)`,
  dataSharingAcceptedAt: dataSharingAcceptances.acceptedAt,
  isEducation: sql<boolean>`${organizations.type} in ${EDUCATION}`,
};

const base = (db: Executor) =>
  db
    .select(columns)
    .from(organizations)
    .leftJoin(dataSharingAcceptances, and(eq(dataSharingAcceptances.coalitionId, organizations.coalitionId), eq(dataSharingAcceptances.organizationId, organizations.id)));

export type OnboardingRow = Awaited<ReturnType<typeof findOnboarding>> & {};

export async function findOnboarding(db: Executor, coalitionId: string, organizationId: string) {
  const [row] = await base(db).where(and(eq(organizations.coalitionId, coalitionId), eq(organizations.id, organizationId)));
  return row;
}

export async function listOnboarding(db: Executor, coalitionId: string, query: OnboardingListQuery & { organizationId?: string }) {
  const filters: (SQL | undefined)[] = [eq(organizations.coalitionId, coalitionId)];
  if (query.organizationId) filters.push(eq(organizations.id, query.organizationId));
  if (query.q) filters.push(ilike(organizations.name, likePattern(query.q)));
  filters.push(afterCursor(organizations.name, organizations.id, decodeCursor(query.cursor, 2)));
  return base(db)
    .where(and(...filters))
    .orderBy(organizations.name, organizations.id)
    .limit(query.limit + 1);
}
