import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

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
