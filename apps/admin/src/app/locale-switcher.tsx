/** The language switcher: a labelled native select; the choice is remembered (see i18n.tsx). */
import { Select } from '@switchyard/ui';
import { useI18n } from '../i18n/i18n';
import { LOCALE_NAMES, LOCALES, isLocale } from '../i18n/locales';

export function LocaleSwitcher() {
  const { t, locale, setLocale } = useI18n();
  return (
    <Select
      className="locale-switcher"
      label={t('header.language')}
      value={locale}
      options={LOCALES.map((code) => ({ value: code, label: LOCALE_NAMES[code] }))}
      onChange={(event) => {
        if (isLocale(event.target.value)) setLocale(event.target.value);
      }}
    />
  );
}
