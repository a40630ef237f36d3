import PDFDocument from 'pdfkit';
import type { CoalitionStatusReportDto, InitiativeStatusReportDto, InitiativeStatusRowDto } from '../../../shared/initiatives.contract.js';

// The PDF renderings of the status reports. Rendered on a worker thread (platform/workers): pdfkit
// lays text out synchronously, tens of milliseconds a report.

const dollars = (cents: number) => `$${Math.round(cents / 100).toLocaleString('en-US')}`;
const plain = (v: string | null | undefined) => v ?? '';

/** A small text layout over pdfkit: headings, lines, and page breaks when the page is full. */
class Writer {
  readonly doc = new PDFDocument({ size: 'LETTER', margin: 50, compress: false, info: { Creator: 'TalentBridge' } });
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(title: string) {
    this.doc.on('data', (c) => this.chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.doc.font('Helvetica-Bold').fontSize(16).fillColor('#111111').text(title);
  }
  private room(text: string) {
    const bottom = this.doc.page.height - this.doc.page.margins.bottom;
    if (this.doc.y + this.doc.heightOfString(text) > bottom) this.doc.addPage();
  }
  heading(text: string) {
    this.doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).fillColor('#1f3a5f');
    this.room(text);
    this.doc.text(text);
    return this;
  }
  line(text: string, muted = false) {
    this.doc.font('Helvetica').fontSize(9.5).fillColor(muted ? '#555555' : '#111111');
    this.room(text);
    this.doc.text(text);
    return this;
  }
  list(items: string[], empty: string) {
    if (items.length === 0) return this.line(empty, true);
    for (const item of items) this.line(`- ${item}`);
    return this;
  }
  finish(): Promise<Buffer> {
    this.doc.end();
    return this.done;
  }
}

const initiativeLine = (r: InitiativeStatusRowDto) =>
  [
    `${r.priorityRank ? `#${r.priorityRank} ` : ''}${r.title}`,
    `owner ${r.ownerName ?? 'unassigned'}`,
    r.status.replace('_', ' '),
    `${r.progressPercent}% done`,
    r.earlyFinish ? `finishes ${r.earlyFinish}${r.targetFinishOn ? ` (target ${r.targetFinishOn}${r.daysPastTarget && r.daysPastTarget > 0 ? `, ${r.daysPastTarget} days late` : ''})` : ''}` : 'no tasks yet',
    r.slipDays ? `slipped ${r.slipDays} days` : null,
    r.critical ? 'on the critical path' : null,
    `${r.overdue} overdue, ${r.atRisk} at risk`,
    `budget ${dollars(r.budgetCents)}, spent ${dollars(r.actualCents)}, funding gap ${dollars(r.fundingGapCents)}`,
    `${r.openRisks} open risks (${r.highRisks} high)`,
  ]
    .filter(Boolean)
    .join(' | ');

export function coalitionPdf(report: CoalitionStatusReportDto): Promise<Buffer> {
  const w = new Writer(`Status report: ${report.coalition}`);
  const t = report.totals;
  w.line(`As of ${report.asOf}. Generated ${report.generatedAt.slice(0, 16).replace('T', ' ')} UTC for the Leadership Council.`, true);
  w.line(`Master plan: ${plain(report.projectStart) || 'no tasks'}${report.projectFinish ? ` to ${report.projectFinish}` : ''}.`);
  w.line(`Budget ${dollars(t.budgetCents)}; spent ${dollars(t.actualCents)}; pledged ${dollars(t.cashPledgedCents)} cash and ${dollars(t.inKindPledgedCents)} in kind; funding gap ${dollars(t.fundingGapCents)}.`);
  w.line(`${t.overdue} overdue tasks, ${t.atRisk} at risk, ${t.openRisks} open risks.`);
  w.heading('Initiatives').list(report.initiatives.map(initiativeLine), 'No initiatives yet.');
  w.heading('Upcoming milestones').list(report.upcomingMilestones.map((m) => `${m.earlyFinish}: ${m.name} (${m.initiativeTitle})${m.baselineFinish && m.baselineFinish !== m.earlyFinish ? `, baseline ${m.baselineFinish}` : ''}`), 'None in the coming weeks.');
  w.heading('Overdue tasks').list(report.overdue.map((o) => `${o.name} (${o.initiativeTitle}), due ${o.earlyFinish}, ${o.daysOverdue} days overdue${o.assigneeName ? `, ${o.assigneeName}` : ''}`), 'Nothing is overdue.');
  w.heading('Tasks at risk').list(report.atRisk.map((a) => `${a.name} (${a.initiativeTitle}), due ${a.earlyFinish}: ${a.reasons.join(', ').replaceAll('_', ' ')}`), 'Nothing is at risk.');
  w.heading('Top risks').list(report.topRisks.map((r) => `${r.title} (${r.initiativeTitle}), score ${r.score}, ${r.status}${r.ownerName ? `, owner ${r.ownerName}` : ''}${r.mitigation ? `. Mitigation: ${r.mitigation}` : ''}`), 'No open risks.');
  return w.finish();
}

export function initiativePdf(report: InitiativeStatusReportDto): Promise<Buffer> {
  const i = report.initiative;
  const f = report.finances;
  const w = new Writer(`Status report: ${i.title}`);
  w.line(`${report.coalition}. As of ${report.asOf}. Generated ${report.generatedAt.slice(0, 16).replace('T', ' ')} UTC.`, true);
  w.line(initiativeLine(i));
  if (i.description) w.line(i.description, true);
  if (i.recruitingWindow) w.line(`Recruiting window: ${i.recruitingWindow.label}, ${i.recruitingWindow.opensOn} to ${i.recruitingWindow.closesOn}.`);
  w.heading('Goals').list(i.goals.map((g) => `${g.metricKey}: ${g.target}${g.description ? ` (${g.description})` : ''}`), 'No goals set.');
  w.heading('Money').line(`Required funding ${dollars(f.requiredFundingCents)}; budget ${dollars(f.budgetCents)}; spent ${dollars(f.actualCents)}; pledged ${dollars(f.cashPledgedCents)} cash and ${dollars(f.inKindPledgedCents)} in kind; funding gap ${dollars(f.fundingGapCents)}.`);
  w.heading('Milestones').list(report.milestones.map((m) => `${m.earlyFinish}: ${m.name} (${m.state.replace('_', ' ')})${m.baselineFinish && m.baselineFinish !== m.earlyFinish ? `, baseline ${m.baselineFinish}` : ''}`), 'No milestones.');
  w.heading('Tasks').list(
    report.tasks.map((t) => `${t.name}: ${t.earlyStart} to ${t.earlyFinish}, ${t.progress}% done, ${t.state.replace('_', ' ')}${t.critical ? ', critical' : `, ${t.slackDays} days slack`}${t.assigneeName ? `, ${t.assigneeName}` : ''}`),
    'No tasks yet.',
  );
  w.heading('Risks').list(report.risks.map((r) => `${r.title}, score ${r.score}, ${r.status}${r.mitigation ? `. Mitigation: ${r.mitigation}` : ''}`), 'No risks registered.');
  return w.finish();
}
