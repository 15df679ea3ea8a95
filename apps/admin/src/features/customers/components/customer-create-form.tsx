/**
 * The new-customer form (presentational): company name, primary domain and country, each with its
 * error; errors about the whole request above the buttons. The container validates and sends.
 */
import { COUNTRY_CODES } from '@switchyard/domain';
import { Alert, Button, Select, TextField } from '@switchyard/ui';
import type { FormEvent } from 'react';
import type { FormErrors } from '../../../forms/user-errors';
import { useI18n } from '../../../i18n/i18n';

export const CUSTOMER_CREATE_FIELDS = ['companyName', 'primaryDomain', 'country'] as const;
export type CustomerCreateField = (typeof CUSTOMER_CREATE_FIELDS)[number];
export type CustomerCreateValues = Record<CustomerCreateField, string>;

export interface CustomerCreateFormProps {
  values: CustomerCreateValues;
  errors: FormErrors<CustomerCreateField>;
  isSubmitting: boolean;
  onChange: (field: CustomerCreateField, value: string) => void;
  onSubmit: () => void;
  onCancel: () => void;
}

export function CustomerCreateForm({
  values,
  errors,
  isSubmitting,
  onChange,
  onSubmit,
  onCancel,
}: CustomerCreateFormProps) {
  const { t, formatCountry, locale } = useI18n();
  const countries = COUNTRY_CODES.map((code) => ({ value: code, label: formatCountry(code) })).sort(
    (a, b) => a.label.localeCompare(b.label, locale),
  );
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {errors.form.length > 0 && (
        <Alert tone="danger" title={t('form.refused')}>
          <ul>
            {errors.form.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </Alert>
      )}
      <TextField
        label={t('customerCreate.companyName')}
        value={values.companyName}
        onChange={(event) => onChange('companyName', event.target.value)}
        error={errors.fields.companyName}
        required
        autoComplete="organization"
      />
      <TextField
        label={t('customerCreate.primaryDomain')}
        description={t('customerCreate.primaryDomain.description')}
        value={values.primaryDomain}
        onChange={(event) => onChange('primaryDomain', event.target.value)}
        error={errors.fields.primaryDomain}
        required
        spellCheck={false}
        autoComplete="off"
      />
      <Select
        label={t('customerCreate.country')}
        placeholder={t('customerCreate.country.placeholder')}
        value={values.country}
        options={countries}
        onChange={(event) => onChange('country', event.target.value)}
        error={errors.fields.country}
        required
      />
      <div className="form__actions">
        <Button type="submit" variant="primary" isLoading={isSubmitting}>
          {t('customerCreate.submit')}
        </Button>
        <Button onClick={onCancel}>{t('form.cancel')}</Button>
      </div>
    </form>
  );
}
