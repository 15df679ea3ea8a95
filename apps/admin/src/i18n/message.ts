/**
 * How a catalog message becomes text: `{name}` placeholders are replaced by parameters, and plural
 * messages pick their form with Intl.PluralRules for the locale (so French's `one` covers 0 and 1,
 * as French grammar wants, with no code change).
 */
export type PluralMessage = { readonly other: string } & Partial<
  Record<Intl.LDMLPluralRule, string>
>;
export type Message = string | PluralMessage;
export type MessageParams = Record<string, string | number>;

const PLACEHOLDER = /\{(\w+)\}/g;

export function formatMessage(
  message: Message,
  params: MessageParams | undefined,
  locale: string,
  formatNumber: (value: number) => string,
): string {
  let template: string;
  if (typeof message === 'string') {
    template = message;
  } else {
    const count = params?.count;
    const category =
      typeof count === 'number' ? new Intl.PluralRules(locale).select(count) : 'other';
    template = message[category] ?? message.other;
  }
  if (!params) return template;
  return template.replace(PLACEHOLDER, (placeholder, name: string) => {
    const value = params[name];
    if (value === undefined) return placeholder;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}
