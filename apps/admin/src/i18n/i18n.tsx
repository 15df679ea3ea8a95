/**
 * The admin app's message lookup and formatting: `const { t, formatDate } = useI18n()`.
 * Components never hold copy of their own; they ask for a message by key. The language can be
 * changed at run time (`setLocale`, the header's switcher); the choice is remembered in
 * localStorage and `<html lang>` follows it.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { CATALOGS, DEFAULT_LOCALE, storeLocale } from './locales';
import type { Locale, MessageKey } from './locales';
import { formatMessage } from './message';
import type { MessageParams } from './message';

export interface I18n {
  locale: Locale;
  t: (key: MessageKey, params?: MessageParams) => string;
  formatNumber: (value: number) => string;
  /** An amount of money in the locale's style: `formatCurrency(12.5, 'EUR')` → "12,50 €" in French. */
  formatCurrency: (value: number, currency: string) => string;
  /** A calendar date (`2025-06-30`) or instant, shown as a date in the locale's style. */
  formatDate: (value: string) => string;
  /** An instant with its time, in the browser's time zone. */
  formatDateTime: (value: string) => string;
  /** A country's name from its ISO 3166 code (`DE` → "Germany"). */
  formatCountry: (code: string) => string;
  /** Changes the language and remembers the choice. */
  setLocale: (locale: Locale) => void;
}

export function createI18n(locale: Locale, setLocale: (locale: Locale) => void = () => {}): I18n {
  const catalog = CATALOGS[locale];
  const numberFormat = new Intl.NumberFormat(locale);
  // Calendar dates are UTC midnight; showing them in UTC keeps "30 June" from becoming "29 June".
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const currencyFormats = new Map<string, Intl.NumberFormat>();
  const countryNames = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  const formatNumber = (value: number) => numberFormat.format(value);
  return {
    locale,
    t: (key, params) => formatMessage(catalog[key], params, locale, formatNumber),
    formatNumber,
    formatCurrency: (value, currency) => {
      let format = currencyFormats.get(currency);
      if (!format) {
        try {
          format = new Intl.NumberFormat(locale, { style: 'currency', currency });
        } catch {
          return `${numberFormat.format(value)} ${currency}`;
        }
        currencyFormats.set(currency, format);
      }
      return format.format(value);
    },
    formatDate: (value) => {
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
    },
    formatDateTime: (value) => {
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? value : dateTimeFormat.format(date);
    },
    formatCountry: (code) => {
      try {
        return countryNames.of(code) ?? code;
      } catch {
        return code;
      }
    },
    setLocale,
  };
}

const I18nContext = createContext<I18n>(createI18n(DEFAULT_LOCALE));

/** `locale` is the starting language (stored choice, else the browser's); the switcher changes it. */
export function I18nProvider({
  locale: initialLocale,
  children,
}: {
  locale: Locale;
  children: ReactNode;
}) {
  const [locale, setLocaleState] = useState(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    setLocaleState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const i18n = useMemo(() => createI18n(locale, setLocale), [locale, setLocale]);
  return <I18nContext value={i18n}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
