/**
 * The standard term (`P1M`, `P1Y`, `P3Y`) a registered subscription's dates describe, if any. A
 * subscription bought elsewhere is entered by its dates; knowing its term lets it renew by calendar
 * months like a CSP subscription rather than by a fixed number of days.
 */
import { addTerm, TERMS } from '../offers.js';
import type { Term } from '../offers.js';

/** The term whose length is exactly `termStart → termEnd`, among `terms` (default: all); else `null`. */
export function standardTermBetween(
  termStart: Date,
  termEnd: Date,
  terms: readonly Term[] = TERMS,
): Term | null {
  return terms.find((term) => addTerm(termStart, term).getTime() === termEnd.getTime()) ?? null;
}
