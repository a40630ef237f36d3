import type { FastifyReply } from 'fastify';
import type { CoalitionStatusReportDto, InitiativeStatusReportDto, InitiativeStatusRowDto } from '../../../shared/initiatives.contract.js';
import { toCsv } from '../../platform/imports/csv.js';

/** CSV renderings of the status reports (the PDFs: status-report.pdf.ts), for the Leadership Council. Both are attachments. */
export function sendAttachment(reply: FastifyReply, filename: string, type: string, body: string | Buffer) {
  return reply.type(type).header('content-disposition', `attachment; filename="${filename}"`).send(body);
}

const rowHeader = ['priority_rank', 'initiative', 'category', 'status', 'owner', 'progress_percent', 'early_start', 'early_finish', 'target_finish', 'days_past_target', 'slip_days', 'critical', 'tasks', 'overdue', 'at_risk', 'budget_usd', 'actual_usd', 'funding_gap_usd', 'open_risks', 'high_risks'];
const rowCells = (r: InitiativeStatusRowDto) => [r.priorityRank, r.title, r.category, r.status, r.ownerName, r.progressPercent, r.earlyStart, r.earlyFinish, r.targetFinishOn, r.daysPastTarget, r.slipDays, r.critical, r.tasks, r.overdue, r.atRisk, r.budgetCents / 100, r.actualCents / 100, r.fundingGapCents / 100, r.openRisks, r.highRisks];

export function coalitionCsv(report: CoalitionStatusReportDto): string {
  return toCsv(rowHeader, report.initiatives.map(rowCells));
}

export function initiativeCsv(report: InitiativeStatusReportDto): string {
  const header = ['task', 'milestone', 'assignee', 'early_start', 'early_finish', 'late_start', 'late_finish', 'slack_days', 'critical', 'progress_percent', 'state', 'at_risk_reasons', 'days_overdue', 'baseline_finish', 'slip_days'];
  return toCsv(header, report.tasks.map((t) => [t.name, t.milestone, t.assigneeName, t.earlyStart, t.earlyFinish, t.lateStart, t.lateFinish, t.slackDays, t.critical, t.progress, t.state, t.atRiskReasons, t.daysOverdue, t.baselineFinish, t.slipDays]));
}
