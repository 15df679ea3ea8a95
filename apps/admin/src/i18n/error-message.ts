/**
 * The words for an error code: the catalog's `error.<CODE>` when it has one (translated), else the
 * server's message (English, but specific), else the given fallback.
 */
import type { MessageKey } from './locales';
import { en } from './messages/en';
import type { I18n } from './i18n';

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

export function errorMessage(
  t: I18n['t'],
  code: string,
  serverMessage: string | undefined,
  fallback: MessageKey,
): string {
  const key = `error.${code}`;
  if (isMessageKey(key)) return t(key);
  return serverMessage || t(fallback);
}
