/**
 * The languages the admin app speaks. Adding one: write `messages/<code>.ts` exporting a `Catalog`,
 * then add it here. English is the source and the fallback.
 */
import type { Message } from './message';
import { en } from './messages/en';

export type MessageKey = keyof typeof en;

/** Every catalog has every key; plural messages stay plural (translations may add forms). */
export type Catalog = {
  readonly [K in MessageKey]: (typeof en)[K] extends string ? string : Exclude<Message, string>;
};

export const CATALOGS = { en } as const satisfies Record<string, Catalog>;

export type Locale = keyof typeof CATALOGS;
export const DEFAULT_LOCALE: Locale = 'en';

function isLocale(value: string): value is Locale {
  return Object.hasOwn(CATALOGS, value);
}

/** The best supported locale for the browser's preferences, e.g. `fr-CA` → `fr` once it exists. */
export function pickLocale(preferences: readonly string[]): Locale {
  for (const preference of preferences) {
    const language = preference.toLowerCase().split('-')[0] ?? '';
    if (isLocale(preference)) return preference;
    if (isLocale(language)) return language;
  }
  return DEFAULT_LOCALE;
}
