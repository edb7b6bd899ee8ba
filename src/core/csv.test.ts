import { describe, expect, it } from 'vitest';
import { csvFormatOf, toCsv } from './csv.ts';

interface Row { day: string; visitors: number | null; note?: string }

const columns = [
  { header: 'Day', value: 'day' as const },
  { header: 'Visitors', value: 'visitors' as const },
  { header: 'Note', value: (row: Row) => row.note },
];

describe('toCsv', () => {
  it('writes a header and CRLF-terminated records', () => {
    expect(toCsv<Row>([{ day: '2026-03-21', visitors: 12 }, { day: '2026-03-22', visitors: null }], columns)).toBe(
      'Day,Visitors,Note\r\n2026-03-21,12,\r\n2026-03-22,,\r\n',
    );
  });

  it.each([
    ['a comma', 'a,b', '"a,b"'],
    ['a quote', 'say "hi"', '"say ""hi"""'],
    ['a line break', 'one\ntwo', '"one\ntwo"'],
    ['a leading space', ' x', '" x"'],
  ])('quotes a field with %s (RFC 4180)', (_, note, cell) => {
    expect(toCsv<Row>([{ day: 'd', visitors: 1, note }], columns).split('\r\n')[1]).toBe(`d,1,${cell}`);
  });

  it.each(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '=HYPERLINK("http://x")'])('neutralizes the formula %j', (note) => {
    const cell = toCsv<Row>([{ day: 'd', visitors: 1, note }], columns).split('\r\n')[1]!.slice('d,1,'.length);
    expect(cell.replace(/^"|"$/g, '').startsWith("'")).toBe(true);
  });

  it('keeps negative numbers as numbers', () => {
    expect(toCsv([{ delta: -3 }], [{ header: 'Delta', value: 'delta' }])).toBe('Delta\r\n-3\r\n');
  });
});

describe('toCsv for the reader\'s spreadsheet', () => {
  it.each([
    ['en', ',', '.'],
    ['en-US', ',', '.'],
    ['nl', ';', ','],
    ['nl-BE', ';', ','],
    ['de-DE', ';', ','],
  ])('the %s list separator is %j, its decimal separator %j', (locale, separator, decimal) => {
    expect(csvFormatOf(locale)).toEqual({ separator, decimal });
  });

  it('writes ; between cells and decimal commas where the locale does, quoting cells that hold a ;', () => {
    const rows = [{ day: '2026-03-21', minutes: 42.5, note: 'a;b' }, { day: '2026-03-22', minutes: -3.25, note: 'a,b' }];
    const cols = [
      { header: 'Day', value: 'day' as const },
      { header: 'Minutes', value: 'minutes' as const },
      { header: 'Note', value: 'note' as const },
    ];
    expect(toCsv(rows, cols, csvFormatOf('nl'))).toBe('Day;Minutes;Note\r\n2026-03-21;42,5;"a;b"\r\n2026-03-22;-3,25;a,b\r\n');
    expect(toCsv(rows, cols)).toBe('Day,Minutes,Note\r\n2026-03-21,42.5,a;b\r\n2026-03-22,-3.25,"a,b"\r\n');
  });

  it('still neutralizes formulas with ; as the separator', () => {
    expect(toCsv([{ note: '=1+1' }, { note: '-2;3' }], [{ header: 'Note', value: 'note' }], csvFormatOf('nl'))).toBe('Note\r\n\'=1+1\r\n"\'-2;3"\r\n');
  });
});
