import { parse } from 'csv-parse';
import { Readable } from 'node:stream';

export interface SourceRow {
  /** 1-based line of the file the row came from (the header is row 1). */
  row: number;
  values: Record<string, string>;
}

/**
 * Streams a delimited file row by row (CRLF or LF, UTF-8 with or without BOM). Header names are
 * trimmed; cells are trimmed. Memory stays flat: rows are handed on as they are parsed.
 */
export async function* readDelimited(input: Buffer | AsyncIterable<Buffer>, options: { delimiter?: string; skipLines?: number } = {}): AsyncGenerator<SourceRow> {
  const parser = Readable.from(Buffer.isBuffer(input) ? chunks(input) : input).pipe(
    parse({
      delimiter: options.delimiter ?? ',',
      bom: true,
      relax_column_count: true,
      // TSV exports (O*NET, BLS) use no quoting; a stray quote is just a character there.
      quote: options.delimiter === '\t' ? false : '"',
      skip_empty_lines: true,
      from_line: (options.skipLines ?? 0) + 1,
      info: true,
    }),
  );
  let header: string[] | null = null;
  for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    const cells = record.record.map((cell) => cell.trim());
    if (!header) {
      header = cells.map((h) => h.toLowerCase());
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((name, i) => {
      values[name] = cells[i] ?? '';
    });
    yield { row: record.info.lines, values };
  }
}

function* chunks(input: Buffer, size = 64 * 1024) {
  for (let i = 0; i < input.length; i += size) yield input.subarray(i, i + size);
}

/** A cell a spreadsheet would run as a formula: = + - @ first, or a tab or carriage return first. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Spreadsheet formula injection (OWASP "CSV injection"): a text cell starting with = + - @ (or
 * tab/CR) is prefixed with an apostrophe on export. A number is written as it is, so a negative
 * figure (a gap, a decline) stays a number. The elements of a list are neutralised one by one before
 * they are joined with ";", for a spreadsheet that splits cells on ";" (many European locales).
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const neutral = (item: unknown) => {
    const text = String(item ?? '');
    return !(typeof item === 'number' && Number.isFinite(item)) && FORMULA_START.test(text) ? `'${text}` : text;
  };
  const text = Array.isArray(value) ? value.map(neutral).join(';') : neutral(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header.map(csvCell).join(','), ...rows.map((row) => row.map(csvCell).join(','))].join('\r\n') + '\r\n';
}
