import { describe, expect, it } from 'vitest';

import type { Term } from '../offers.js';
import { standardTermBetween } from './standard-term.js';

describe('standardTermBetween', () => {
  it.each<[string, string, string, readonly Term[] | undefined, Term | null]>([
    ['a calendar year', '2025-01-31T00:00:00Z', '2026-01-31T00:00:00Z', undefined, 'P1Y'],
    [
      'a month that rolls back to the last day',
      '2025-01-31T00:00:00Z',
      '2025-02-28T00:00:00Z',
      undefined,
      'P1M',
    ],
    ['three years', '2024-03-01T00:00:00Z', '2027-03-01T00:00:00Z', undefined, 'P3Y'],
    [
      '365 days across a leap day is not a year',
      '2024-01-01T00:00:00Z',
      '2024-12-31T00:00:00Z',
      undefined,
      null,
    ],
    ['an agreement of 18 months', '2025-01-01T00:00:00Z', '2026-07-01T00:00:00Z', undefined, null],
    [
      'a year the offer is not sold for',
      '2025-01-01T00:00:00Z',
      '2026-01-01T00:00:00Z',
      ['P1M'],
      null,
    ],
  ])('recognises %s', (_name, start, end, terms, expected) => {
    expect(standardTermBetween(new Date(start), new Date(end), terms)).toBe(expected);
  });
});
