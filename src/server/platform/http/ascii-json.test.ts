import { describe, expect, it } from 'vitest';
import { asciiJsonBytes } from './ascii-json.js';

describe('asciiJsonBytes', () => {
  it('writes only ASCII bytes that parse back to the same value, whatever characters it holds', () => {
    const value = { name: 'Occupational employment projections, 2014–2024', experience: '≥5 years', odd: 'ñandú 🎓 "q" \\ \u001f \u007f \u0080 \uffff', n: [1, null, -2.5] };
    const bytes = asciiJsonBytes(value);
    expect(bytes.every((b) => b < 0x80)).toBe(true);
    expect(JSON.parse(bytes.toString('utf8'))).toEqual(value);
    expect(bytes.toString()).toContain('2014\\u20132024');
    expect(bytes.toString()).toContain('\\ud83c\\udf93');
  });
});
