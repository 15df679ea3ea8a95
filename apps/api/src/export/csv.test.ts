import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from './csv.js';

describe('csvField', () => {
  it.each([
    ['plain text', 'Contoso', 'Contoso'],
    ['a comma', 'Contoso, Ltd', '"Contoso, Ltd"'],
    ['a quote, doubled', 'The "best" shop', '"The ""best"" shop"'],
    ['a line break', 'line one\nline two', '"line one\nline two"'],
    ['a carriage return inside', 'a\rb', '"a\rb"'],
    ['accents, as they are', 'Société Générale', 'Société Générale'],
  ])('quotes as RFC 4180 requires: %s', (_case, cell, expected) => {
    expect(csvField(cell)).toBe(expected);
  });

  it.each([
    ['=HYPERLINK("http://evil.example")', `"'=HYPERLINK(""http://evil.example"")"`],
    ['+1 555 0100', "'+1 555 0100"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
  ])('turns a text cell that starts like a formula into text: %j', (cell, expected) => {
    expect(csvField(cell)).toBe(expected);
  });

  it('writes empty cells for null and undefined, ISO 8601 for instants, and numbers and booleans as they are', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(new Date('2026-01-31T09:00:00Z'))).toBe('2026-01-31T09:00:00.000Z');
    expect(csvField(-5)).toBe('-5');
    expect(csvField(true)).toBe('true');
  });
});

describe('csvLine', () => {
  it('joins the fields with commas and ends the record with CRLF', () => {
    expect(csvLine(['a', 'b,c', null, 3])).toBe('a,"b,c",,3\r\n');
  });
});
