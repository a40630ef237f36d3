// pdfkit ships no type declarations; this declares the part of its API the status reports use.
declare module 'pdfkit' {
  interface TextOptions {
    width?: number;
    align?: 'left' | 'center' | 'right' | 'justify';
    continued?: boolean;
    lineGap?: number;
  }
  interface DocumentOptions {
    size?: string | [number, number];
    margin?: number;
    compress?: boolean;
    bufferPages?: boolean;
    info?: { Title?: string; Author?: string; Subject?: string; Creator?: string };
  }
  class PDFDocument {
    constructor(options?: DocumentOptions);
    x: number;
    y: number;
    page: { width: number; height: number; margins: { top: number; bottom: number; left: number; right: number } };
    on(event: 'data', listener: (chunk: Buffer) => void): this;
    on(event: 'end' | 'error', listener: (error?: Error) => void): this;
    font(name: string): this;
    fontSize(size: number): this;
    fillColor(color: string): this;
    strokeColor(color: string): this;
    text(text: string, options?: TextOptions): this;
    text(text: string, x: number, y?: number, options?: TextOptions): this;
    moveDown(lines?: number): this;
    addPage(): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    stroke(): this;
    heightOfString(text: string, options?: TextOptions): number;
    end(): void;
  }
  export default PDFDocument;
}
