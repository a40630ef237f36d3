import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { PublicAward } from './credential.service.js';

/** The parts of pdfkit's API used here beyond those declared in initiatives/pdfkit.d.ts. */
interface Drawing {
  lineWidth(w: number): Drawing;
  strokeColor(color: string): Drawing;
  rect(x: number, y: number, w: number, h: number): Drawing;
  stroke(): Drawing;
  image(src: Buffer, x: number, y: number, options: { width: number }): Drawing;
  text(text: string, x: number, y: number, options: { width: number; link: string }): Drawing;
  fillColor(color: string): Drawing;
}

const tierName = (tier: string) => tier[0]!.toUpperCase() + tier.slice(1);

/**
 * The certificate of recognition: one landscape page with the partner, tier and year, who
 * recognizes it, and a verification link with its QR code. Streams are left uncompressed so the
 * text is plain in the file (and checkable by a test).
 */
export async function certificatePdf(a: PublicAward): Promise<Buffer> {
  const qr = await QRCode.toBuffer(a.verifyUrl, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });
  const doc = new PDFDocument({ size: [792, 612], margin: 54, compress: false, info: { Title: `Certificate of Recognition: ${a.organizationName} (${a.year})`, Author: a.coalition.name, Creator: 'TalentBridge' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = 792 - 108;
  const draw = doc as unknown as Drawing;
  draw.lineWidth(3).strokeColor('#1f3a5f').rect(30, 30, 732, 552).stroke();
  draw.lineWidth(1).strokeColor('#8aa1c1').rect(38, 38, 716, 536).stroke();
  doc.y = 80;
  doc.font('Helvetica').fontSize(13).fillColor('#1f3a5f').text(a.programName, 54, 80, { width, align: 'center' });
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(32).fillColor('#111111').text('Certificate of Recognition', { width, align: 'center' });
  doc.moveDown(0.8).font('Helvetica').fontSize(13).fillColor('#333333').text('is presented to', { width, align: 'center' });
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(26).fillColor('#111111').text(a.organizationName, { width, align: 'center' });
  doc.moveDown(0.5).font('Helvetica').fontSize(14).fillColor('#333333').text(`${tierName(a.tier)} Community Partner, ${a.year}`, { width, align: 'center' });
  doc.moveDown(0.6).fontSize(11).text(`for its part in building the local tech-talent pipeline with the ${a.coalition.name}.`, { width, align: 'center' });
  if (a.endorsedBy) doc.moveDown(0.4).font('Helvetica-Bold').fontSize(11).text(`Formally recognized by ${a.endorsedBy}`, { width, align: 'center' });
  doc.moveDown(0.4).font('Helvetica').fontSize(10).fillColor('#555555').text(`Issued ${a.issuedAt.toISOString().slice(0, 10)}`, { width, align: 'center' });
  draw.image(qr, 54, 450, { width: 96 });
  doc.font('Helvetica').fontSize(9).fillColor('#333333').text('Verify this certificate:', 160, 470, { width: 560 });
  draw.fillColor('#1f3a5f').text(a.verifyUrl, 160, 484, { width: 560, link: a.verifyUrl });
  draw.fillColor('#555555').text(`Open Badges 3.0 credential: ${a.credentialUrl}`, 160, 500, { width: 560, link: a.credentialUrl });
  doc.end();
  return done;
}
