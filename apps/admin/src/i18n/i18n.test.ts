import { describe, expect, it } from 'vitest';
import { createI18n } from './i18n';
import { CATALOGS, pickLocale } from './locales';
import { en } from './messages/en';

describe('createI18n', () => {
  const { t, formatDate, formatCountry } = createI18n('en');

  it('interpolates parameters', () => {
    expect(t('header.signedInAs', { name: 'Megan Bowen' })).toBe('Signed in as Megan Bowen');
  });

  it('picks the plural form for the count and formats the number', () => {
    expect(t('customers.count', { count: 1 })).toBe('1 customer');
    expect(t('customers.count', { count: 1250 })).toBe('1,250 customers');
  });

  it('shows a calendar date on its own day whatever the time zone', () => {
    expect(formatDate('2025-06-30')).toBe('Jun 30, 2025');
  });

  it('names countries from their code', () => {
    expect(formatCountry('DE')).toBe('Germany');
    expect(formatCountry('not a code')).toBe('not a code');
  });
});

describe('catalogs', () => {
  it('have the same keys as English', () => {
    for (const catalog of Object.values(CATALOGS)) {
      expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
    }
  });
});

describe('pickLocale', () => {
  it('falls back to English for languages without a catalog', () => {
    expect(pickLocale(['de-DE', 'de'])).toBe('en');
    expect(pickLocale(['en-GB'])).toBe('en');
  });
});
