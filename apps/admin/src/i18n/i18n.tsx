/**
 * The admin app's message lookup and formatting: `const { t, formatDate } = useI18n()`.
 * Components never hold copy of their own; they ask for a message by key.
 */
import { createContext, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import { CATALOGS, DEFAULT_LOCALE } from './locales';
import type { Locale, MessageKey } from './locales';
import { formatMessage } from './message';
import type { MessageParams } from './message';

export interface I18n {
  locale: Locale;
  t: (key: MessageKey, params?: MessageParams) => string;
  formatNumber: (value: number) => string;
  /** A calendar date (`2025-06-30`) or instant, shown as a date in the locale's style. */
  formatDate: (value: string) => string;
  /** A country's name from its ISO 3166 code (`DE` → "Germany"). */
  formatCountry: (code: string) => string;
}

export function createI18n(locale: Locale): I18n {
  const catalog = CATALOGS[locale];
  const numberFormat = new Intl.NumberFormat(locale);
  // Calendar dates are UTC midnight; showing them in UTC keeps "30 June" from becoming "29 June".
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const countryNames = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  const formatNumber = (value: number) => numberFormat.format(value);
  return {
    locale,
    t: (key, params) => formatMessage(catalog[key], params, locale, formatNumber),
    formatNumber,
    formatDate: (value) => {
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
    },
    formatCountry: (code) => {
      try {
        return countryNames.of(code) ?? code;
      } catch {
        return code;
      }
    },
  };
}

const I18nContext = createContext<I18n>(createI18n(DEFAULT_LOCALE));

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const i18n = useMemo(() => createI18n(locale), [locale]);
  return <I18nContext value={i18n}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
