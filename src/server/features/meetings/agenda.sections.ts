import { and, desc, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import type { AgendaEntryDto } from '../../../shared/meetings.contract.js';
import type { Executor } from '../../db/client.js';
import { curriculumProposals, curriculumStatusChanges, hiringNeeds, initiativeTasks, initiatives, lmDatasets, lmProjections, opportunities, organizations } from '../../db/schema.js';
import * as aq from './action-items.queries.js';
import { meetingAgendaItems } from './meetings.table.js';
import { overdueCommitments } from '../commitments/index.js';

/** What every section builder gets: the meeting and the window since the previous meeting. */
export interface AgendaWindow {
  db: Executor;
  coalitionId: string;
  meetingId: string;
  /** The previous meeting's start (or 30 days before this one when there is none). */
  since: Date;
  /** This meeting's start. */
  until: Date;
  /** Today in the coalition's time zone (YYYY-MM-DD), for "overdue" and "slipped". */
  today: string;
}

export interface AgendaSectionBuilder {
  key: string;
  title: string;
  build(w: AgendaWindow): Promise<AgendaEntryDto[]>;
}

const LIMIT = 25;
const entry = (id: string, title: string, detail: string | null, link: string | null, tag: string | null): AgendaEntryDto => ({ id, title, detail, link, tag });
const inWindow = (column: Parameters<typeof gte>[0], w: AgendaWindow) => and(gte(column, w.since), lt(column, w.until));
const WBL_KINDS = ['soft_skill_wbl', 'hard_skill_wbl', 'faculty_externship', 'internship', 'apprenticeship', 'classroom_engagement'];

const priorActionItems: AgendaSectionBuilder = {
  key: 'prior_action_items',
  title: 'Prior action items and initiative updates',
  async build(w) {
    const items = await aq.openItemsBefore(w.db, w.coalitionId, w.until);
    return items.map((i) => entry(i.id, i.title, `${i.ownerName ?? 'Unassigned'} · due ${i.dueOn} · from ${i.meetingTitle}`, `meetings/${i.meetingId}`, i.dueOn < w.today ? 'overdue' : 'carried'));
  },
};

const initiativeUpdates: AgendaSectionBuilder = {
  key: 'initiative_updates',
  title: 'Initiative updates and slipped milestones',
  async build(w) {
    const slipped = await w.db
      .select({ id: initiativeTasks.id, name: initiativeTasks.name, initiativeId: initiativeTasks.initiativeId, initiative: initiatives.title, startsOn: initiativeTasks.startsOn, baselineFinish: initiativeTasks.baselineFinish })
      .from(initiativeTasks)
      .innerJoin(initiatives, and(eq(initiatives.coalitionId, initiativeTasks.coalitionId), eq(initiatives.id, initiativeTasks.initiativeId)))
      .where(
        and(
          eq(initiativeTasks.coalitionId, w.coalitionId),
          eq(initiativeTasks.milestone, true),
          sql`${initiativeTasks.baselineFinish} is not null`,
          sql`${initiativeTasks.progress} < 100`,
          sql`(${initiativeTasks.startsOn} > ${initiativeTasks.baselineFinish} or ${initiativeTasks.baselineFinish} < ${w.today}::date)`,
        ),
      )
      .orderBy(initiativeTasks.baselineFinish)
      .limit(LIMIT);
    const updated = await w.db
      .select({ id: initiatives.id, title: initiatives.title, status: initiatives.status })
      .from(initiatives)
      .where(and(eq(initiatives.coalitionId, w.coalitionId), inWindow(initiatives.updatedAt, w), sql`${initiatives.createdAt} < ${w.since.toISOString()}::timestamptz`))
      .orderBy(desc(initiatives.updatedAt))
      .limit(LIMIT);
    return [
      ...slipped.map((t) => entry(t.id, `${t.initiative}: ${t.name}`, `Milestone planned for ${t.baselineFinish}, now ${t.startsOn}`, `initiatives/${t.initiativeId}`, 'slipped')),
      ...updated.map((i) => entry(i.id, i.title, `Status: ${i.status.replace(/_/g, ' ')}`, `initiatives/${i.id}`, 'updated')),
    ];
  },
};

const laborMarket: AgendaSectionBuilder = {
  key: 'labor_market',
  title: 'Current labor market data',
  async build(w) {
    const datasets = await w.db
      .select({ id: lmDatasets.id, name: lmDatasets.name, publisher: lmDatasets.publisher })
      .from(lmDatasets)
      .where(and(eq(lmDatasets.coalitionId, w.coalitionId), inWindow(lmDatasets.createdAt, w)))
      .limit(LIMIT);
    const openings = sql<number>`coalesce(${lmProjections.statedTotalOpenings}, coalesce(${lmProjections.annualNewJobs}, 0) + coalesce(${lmProjections.annualReplacementNeeds}, 0))`;
    const top = await w.db
      .select({ id: lmProjections.id, soc: lmProjections.soc, title: lmProjections.title, openings })
      .from(lmProjections)
      .where(eq(lmProjections.coalitionId, w.coalitionId))
      .orderBy(desc(openings), lmProjections.soc)
      .limit(3);
    return [
      ...datasets.map((d) => entry(d.id, d.name, `New data from ${d.publisher}`, 'labor-market', 'new')),
      ...top.map((o) => entry(o.id, `${o.title} (${o.soc})`, `${Number(o.openings).toLocaleString('en-US')} openings a year`, `labor-market/occupations/${o.soc}`, 'highlight')),
    ];
  },
};

const hiringDemands: AgendaSectionBuilder = {
  key: 'hiring_demands',
  title: 'Hiring demands',
  async build(w) {
    const rows = await w.db
      .select({ id: hiringNeeds.id, title: hiringNeeds.title, positions: hiringNeeds.positions, employer: organizations.name })
      .from(hiringNeeds)
      .innerJoin(organizations, and(eq(organizations.coalitionId, hiringNeeds.coalitionId), eq(organizations.id, hiringNeeds.employerId)))
      .where(and(eq(hiringNeeds.coalitionId, w.coalitionId), inWindow(hiringNeeds.createdAt, w)))
      .orderBy(desc(hiringNeeds.createdAt))
      .limit(LIMIT);
    return rows.map((n) => entry(n.id, n.title, `${n.employer} · ${n.positions} positions`, `information-exchange/needs/${n.id}`, 'new'));
  },
};

const curriculumUpdates: AgendaSectionBuilder = {
  key: 'curriculum_updates',
  title: 'Curriculum updates',
  async build(w) {
    const proposals = await w.db
      .select({ id: curriculumProposals.id, title: curriculumProposals.title, term: curriculumProposals.targetTerm })
      .from(curriculumProposals)
      .where(and(eq(curriculumProposals.coalitionId, w.coalitionId), inWindow(curriculumProposals.createdAt, w)))
      .limit(LIMIT);
    const decisions = await w.db
      .select({ id: curriculumStatusChanges.id, proposalId: curriculumStatusChanges.proposalId, title: curriculumProposals.title, to: curriculumStatusChanges.toStatus })
      .from(curriculumStatusChanges)
      .innerJoin(curriculumProposals, and(eq(curriculumProposals.coalitionId, curriculumStatusChanges.coalitionId), eq(curriculumProposals.id, curriculumStatusChanges.proposalId)))
      .where(and(eq(curriculumStatusChanges.coalitionId, w.coalitionId), inWindow(curriculumStatusChanges.at, w)))
      .limit(LIMIT);
    return [
      ...proposals.map((p) => entry(p.id, p.title, `Proposed for ${p.term}`, `information-exchange/forum/${p.id}`, 'proposed')),
      ...decisions.map((d) => entry(d.id, d.title, `Now ${d.to.replace(/_/g, ' ')}`, `information-exchange/forum/${d.proposalId}`, d.to === 'adopted' || d.to === 'declined' ? 'decided' : 'review')),
    ];
  },
};

const newInitiatives: AgendaSectionBuilder = {
  key: 'new_initiatives',
  title: 'New initiatives',
  async build(w) {
    const rows = await w.db
      .select({ id: initiatives.id, title: initiatives.title, category: initiatives.category })
      .from(initiatives)
      .where(and(eq(initiatives.coalitionId, w.coalitionId), inWindow(initiatives.createdAt, w)))
      .orderBy(desc(initiatives.createdAt))
      .limit(LIMIT);
    return rows.map((i) => entry(i.id, i.title, i.category.replace(/_/g, ' '), `initiatives/${i.id}`, 'new'));
  },
};

const actionItemProgress: AgendaSectionBuilder = {
  key: 'action_item_progress',
  title: 'Progress on action items',
  async build(w) {
    const done = await aq.itemsDoneBetween(w.db, w.coalitionId, w.since, w.until);
    return done.map((i) => entry(i.id, i.title, `${i.ownerName ?? 'Unassigned'} · done ${i.doneAt?.toISOString().slice(0, 10) ?? ''}`, `meetings/${i.meetingId}`, 'done'));
  },
};

const wblOpportunities: AgendaSectionBuilder = {
  key: 'wbl_opportunities',
  title: 'Work-based learning opportunities',
  async build(w) {
    const rows = await w.db
      .select({ id: opportunities.id, title: opportunities.title, kind: opportunities.kind, employer: organizations.name, startsOn: opportunities.startsOn })
      .from(opportunities)
      .innerJoin(organizations, and(eq(organizations.coalitionId, opportunities.coalitionId), eq(organizations.id, opportunities.employerId)))
      .where(and(eq(opportunities.coalitionId, w.coalitionId), inArray(opportunities.kind, WBL_KINDS), inWindow(opportunities.createdAt, w)))
      .orderBy(desc(opportunities.createdAt))
      .limit(LIMIT);
    return rows.map((o) => entry(o.id, o.title, `${o.employer} · ${o.kind.replace(/_/g, ' ')}${o.startsOn ? ` · starts ${o.startsOn}` : ''}`, `talent-pipeline/opportunities/${o.id}`, 'new'));
  },
};

const proposedItems: AgendaSectionBuilder = {
  key: 'proposed_items',
  title: 'Items proposed by members',
  async build(w) {
    const rows = await w.db
      .select({ id: meetingAgendaItems.id, title: meetingAgendaItems.title, notes: meetingAgendaItems.notes, status: meetingAgendaItems.status })
      .from(meetingAgendaItems)
      .where(and(eq(meetingAgendaItems.coalitionId, w.coalitionId), eq(meetingAgendaItems.meetingId, w.meetingId), ne(meetingAgendaItems.status, 'declined')))
      .orderBy(meetingAgendaItems.position, meetingAgendaItems.createdAt);
    return rows.map((i) => entry(i.id, i.title, i.notes, null, i.status));
  },
};

/** Coalition building: members' commitments past their due date, most overdue first. */
const overdueCommitmentsSection: AgendaSectionBuilder = {
  key: 'overdue_commitments',
  title: 'Overdue member commitments',
  async build(w) {
    const rows = await overdueCommitments(w.db, w.coalitionId, w.today, LIMIT);
    return rows.map((c) => entry(c.id, c.title, `${c.organizationName} · due ${c.dueOn}`, 'coalition-building/commitments', 'overdue'));
  },
};

/**
 * The agenda is this list of section builders, in the paper's standing order. Adding a section is
 * a small edit: write a builder ({key, title, build}) and add it here (and its key to
 * `agendaSectionKeys` in src/shared/meetings.contract.ts plus its title in the web messages).
 * E.g. coalition building's "overdue commitments" goes in just before `proposed_items`.
 */
export const agendaSections: AgendaSectionBuilder[] = [
  priorActionItems,
  initiativeUpdates,
  laborMarket,
  hiringDemands,
  curriculumUpdates,
  newInitiatives,
  actionItemProgress,
  wblOpportunities,
  overdueCommitmentsSection,
  proposedItems,
];
