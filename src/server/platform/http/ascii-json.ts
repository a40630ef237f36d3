/**
 * A value as JSON bytes in which every character outside ASCII is written as a \u escape (a
 * character beyond U+FFFF as its two surrogate escapes). The same JSON to any parser, a few bytes
 * longer for each such character; but a client turning the body into a string (browsers, fetch,
 * Fastify's inject) decodes pure ASCII on its fast path. For big bodies that are built once and
 * sent many times (decision 031): 504 kB of occupations with ~800 en dashes took 5–6 ms to decode as
 * UTF-8 against ~2.4 ms as ASCII on the shared bench machine.
 */
export function asciiJsonBytes(value: unknown): Buffer {
  const json = JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return Buffer.from(json, 'latin1');
}
