import { describe, expect, it } from '@jest/globals';
import { parseCsv, toCsv } from './csv';

describe('parseCsv', () => {
  it('reads quoted cells with separators, doubled quotes and line breaks inside', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
    ]);
  });

  it('drops a leading BOM and blank lines, and reads a last row without a line break', () => {
    expect(parseCsv('\uFEFFgate,direction\n\nHUU_NGHI,export\n\n1,2')).toEqual([
      ['gate', 'direction'],
      ['HUU_NGHI', 'export'],
      ['1', '2'],
    ]);
  });

  it('takes ; as the separator when the header uses it (spreadsheets in some locales)', () => {
    expect(parseCsv('a;b\n"1,5";2\n')).toEqual([
      ['a', 'b'],
      ['1,5', '2'],
    ]);
  });

  it('keeps empty cells, Vietnamese and Chinese text', () => {
    expect(parseCsv('a,b,c\nNguyễn Văn An,,桂A12345\n')).toEqual([
      ['a', 'b', 'c'],
      ['Nguyễn Văn An', '', '桂A12345'],
    ]);
  });
});

describe('toCsv', () => {
  it('writes what parseCsv reads back', () => {
    const rows = [
      ['gate', 'cargo_description'],
      ['HUU_NGHI', 'Fruit, "fresh"\nand cold'],
    ];
    const text = toCsv(rows);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(text)).toEqual(rows);
  });
});
