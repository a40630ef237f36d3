import PDFDocument from 'pdfkit';
import type { AgendaDto, MeetingDto } from '../../../shared/meetings.contract.js';
import { formatInZone } from './time-zone.js';

/** The printable agenda: the meeting's facts, then each visible section with its entries. */
export function agendaPdf(meeting: MeetingDto, agenda: AgendaDto, coalitionName: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 50, info: { Title: `Agenda: ${meeting.title}`, Creator: 'TalentBridge' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', (e) => reject(e ?? new Error('PDF failed')));
  });
  doc.font('Helvetica').fontSize(9).fillColor('#555555').text(coalitionName);
  doc.font('Helvetica-Bold').fontSize(16).fillColor('#111111').text(`Agenda: ${meeting.title}`);
  doc.font('Helvetica').fontSize(10).text(`${formatInZone(new Date(meeting.startsAt), meeting.timeZone)} · ${meeting.durationMinutes} minutes`);
  if (meeting.location) doc.text(`Place: ${meeting.location}`);
  if (meeting.videoUrl) doc.text(`Video: ${meeting.videoUrl}`);
  let n = 0;
  for (const section of agenda.sections.filter((s) => !s.hidden)) {
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).fillColor('#1f3a5f').text(`${++n}. ${section.title}`);
    doc.font('Helvetica').fontSize(9.5).fillColor('#111111');
    if (section.items.length === 0) doc.fillColor('#555555').text('Nothing new since the last meeting.');
    for (const item of section.items) doc.text(`- ${item.title}${item.detail ? ` (${item.detail})` : ''}${item.tag ? ` [${item.tag}]` : ''}`);
  }
  doc.end();
  return done;
}
