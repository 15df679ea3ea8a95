/**
 * New customer (container): validates with the domain's `customerCreateInputSchema` before sending
 * (so nothing the API would refuse is sent), keeps what was typed when anything is refused, and maps
 * the API's `userErrors` onto the fields. On success: the new customer's page.
 */
import { customerCreateInputSchema } from '@switchyard/domain';
import { Card } from '@switchyard/ui';
import { useState } from 'react';
import { navigate } from '../../../app/router';
import { useFormMutation } from '../../../forms/use-form-mutation';
import { validateInput } from '../../../forms/validate-input';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useI18n } from '../../../i18n/i18n';
import { CUSTOMER_CREATE_FIELDS, CustomerCreateForm } from '../components/customer-create-form';
import type { CustomerCreateValues } from '../components/customer-create-form';
import { customerCreateMutation } from '../mutations';
import { customerListPath, customerUrl } from '../urls';

export function CustomerCreateView() {
  const { t } = useI18n();
  useDocumentTitle(t('customerCreate.title'));
  const [values, setValues] = useState<CustomerCreateValues>({
    companyName: '',
    primaryDomain: '',
    country: '',
  });
  const { run, isRunning, errors, setErrors } = useFormMutation(
    customerCreateMutation,
    CUSTOMER_CREATE_FIELDS,
    (data) => data.customerCreate.userErrors,
  );

  async function submit() {
    const validation = validateInput(
      customerCreateInputSchema,
      values,
      {
        companyName: 'customerCreate.companyName.invalid',
        primaryDomain: 'customerCreate.primaryDomain.invalid',
        country: 'customerCreate.country.invalid',
      },
      t,
    );
    if (!validation.ok) {
      setErrors(validation.errors);
      return;
    }
    const result = await run({ input: validation.input });
    const customer = result.data?.customerCreate.customer;
    if (result.ok && customer) navigate(customerUrl(customer.id));
  }

  return (
    <div className="page page--narrow">
      <div className="page__header">
        <h1 className="page__title">{t('customerCreate.title')}</h1>
      </div>
      <Card>
        <CustomerCreateForm
          values={values}
          errors={errors}
          isSubmitting={isRunning}
          onChange={(field, value) => setValues((current) => ({ ...current, [field]: value }))}
          onSubmit={() => void submit()}
          onCancel={() => navigate(customerListPath)}
        />
      </Card>
    </div>
  );
}
