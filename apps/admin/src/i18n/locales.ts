/**
 * The languages the admin app speaks. Adding one: write `messages/<code>.ts` exporting a `Catalog`,
 * then add it here. English is the source and the fallback; French follows the French edition of
 * the Partner Center documentation the product is built from (docs/domain.md's source).
 */
import type { Message } from './message';
import { en } from './messages/en';
import { fr } from './messages/fr';

export type MessageKey = keyof typeof en;

/** Every catalog has every key; plural messages stay plural (translations may add forms). */
export type Catalog = {
  readonly [K in MessageKey]: (typeof en)[K] extends string ? string : Exclude<Message, string>;
};

export const CATALOGS = { en, fr } as const satisfies Record<string, Catalog>;

export type Locale = keyof typeof CATALOGS;
export const DEFAULT_LOCALE: Locale = 'en';
export const LOCALES = Object.keys(CATALOGS) as Locale[];

/** Each language's name in itself, for the switcher (never translated). */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français' };

const STORAGE_KEY = 'switchyard.locale';

export function isLocale(value: string): value is Locale {
  return Object.hasOwn(CATALOGS, value);
}

/** The best supported locale for the browser's preferences, e.g. `fr-CA` → `fr`. */
export function pickLocale(preferences: readonly string[]): Locale {
  for (const preference of preferences) {
    const language = preference.toLowerCase().split('-')[0] ?? '';
    if (isLocale(preference)) return preference;
    if (isLocale(language)) return language;
  }
  return DEFAULT_LOCALE;
}

/** The language chosen with the switcher, if any (storage may be unavailable: private modes). */
export function readStoredLocale(): Locale | undefined {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return stored && isLocale(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered, but the switch still applies to this visit.
  }
}

/** The language to start in: the remembered choice, else the browser's preference. */
export function initialLocale(preferences: readonly string[]): Locale {
  return readStoredLocale() ?? pickLocale(preferences);
}
