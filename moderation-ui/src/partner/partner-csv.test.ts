import { describe, expect, it } from 'vitest';
import { csvCell } from './partner-csv.js';

describe('csvCell', () => {
  it('quotes, doubles quotes and neutralises spreadsheet formulas', () => {
    expect(csvCell('a "b"')).toBe('"a ""b"""');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell(['insult', 'threat'])).toBe('"insult|threat"');
    expect(csvCell(null)).toBe('""');
  });
});
