import PDFDocument from 'pdfkit';
import type { PublicCoalitionDto } from '../../../shared/public.contract.js';

const formatValue = (value: number | null, unit: string) => (value === null ? 'no data yet' : unit === 'usd' ? `$${Math.round(value).toLocaleString('en-US')}` : value.toLocaleString('en-US'));

/** The annual impact report: progress against targets, recognized partners and priorities (uncompressed, text is checkable). */
export async function annualReportPdf(r: PublicCoalitionDto): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 54, compress: false, info: { Title: `${r.name}: annual impact report ${r.year}`, Creator: 'TalentBridge' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(20).fillColor('#111111').text(`${r.name}`);
  doc.font('Helvetica').fontSize(14).text(`Annual impact report ${r.year}`);
  if (r.mission) doc.moveDown(0.5).fontSize(10).fillColor('#333333').text(r.mission);
  doc.moveDown().font('Helvetica-Bold').fontSize(13).fillColor('#1f3a5f').text('Progress against targets');
  doc.font('Helvetica').fontSize(10).fillColor('#111111');
  for (const m of r.metrics) doc.text(`${m.label}: ${formatValue(m.actual, m.unit)}${m.target === null ? '' : ` of ${formatValue(m.target, m.unit)} target`}`);
  doc.moveDown().font('Helvetica-Bold').fontSize(13).fillColor('#1f3a5f').text('Recognized community partners');
  doc.font('Helvetica').fontSize(10).fillColor('#111111');
  if (r.recognizedPartners.length === 0) doc.text('None yet.');
  for (const p of r.recognizedPartners) doc.text(`${p.organizationName}: ${p.tier} (${p.year})`);
  doc.moveDown().font('Helvetica-Bold').fontSize(13).fillColor('#1f3a5f').text('Strategic priorities');
  doc.font('Helvetica').fontSize(10).fillColor('#111111');
  for (const p of r.priorities) doc.text(`${p.title} (${p.status.replaceAll('_', ' ')})`);
  doc.moveDown().font('Helvetica-Bold').fontSize(13).fillColor('#1f3a5f').text('Upcoming public events');
  doc.font('Helvetica').fontSize(10).fillColor('#111111');
  if (r.publicEvents.length === 0) doc.text('None scheduled.');
  for (const e of r.publicEvents.slice(0, 15)) doc.text(`${e.startsOn}${e.endsOn && e.endsOn !== e.startsOn ? ` to ${e.endsOn}` : ''}: ${e.title} (${e.hostName})`);
  doc.moveDown().font('Helvetica-Bold').fontSize(13).fillColor('#1f3a5f').text('Roadmap');
  doc.font('Helvetica').fontSize(10).fillColor('#111111').text(`${r.roadmap.done} of ${r.roadmap.total} phases, steps and recommendations done; ${r.roadmap.inProgress} in progress. ${r.openOpportunities.length} opportunities open now.`);
  doc.end();
  return done;
}
