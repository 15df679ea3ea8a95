import { describe, expect, it } from 'vitest';

import { parseCsv, readCsvTable, toCsv } from './csv-file.js';

describe('parseCsv', () => {
  it.each([
    ['splits rows and cells', 'a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['reads CRLF line ends', 'a,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']]],
    ['keeps empty cells', 'a,,c\n,,\n', [['a', '', 'c'], ['', '', '']]],
    ['reads quoted commas, quotes and line breaks', '"x, y","say ""hi""","two\nlines"', [['x, y', 'say "hi"', 'two\nlines']]],
    ['drops blank lines and a byte-order mark', '\uFEFFa\n\n\nb', [['a'], ['b']]],
    ['reads a last row without a line end', 'a,b\n1,2', [['a', 'b'], ['1', '2']]],
  ])('%s', (_name, text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it('numbers records as a spreadsheet does, after a trimmed lower-case header', () => {
    expect(readCsvTable(' Name ,SKU\nx,1\ny,2')).toEqual({
      header: ['name', 'sku'],
      records: [
        { rowNumber: 2, cells: ['x', '1'] },
        { rowNumber: 3, cells: ['y', '2'] },
      ],
    });
  });

  it('writes what it reads back', () => {
    const rows = [['plain', 'with, comma', 'with "quote"', 'two\nlines', '']];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
});
