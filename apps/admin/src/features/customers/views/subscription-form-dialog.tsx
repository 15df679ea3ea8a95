/**
 * Add a subscription to a customer (container): `buy` sells a CSP subscription
 * (`subscriptionCreate`); `register` records one bought elsewhere, entered by hand from its
 * paperwork (`subscriptionRegisterExternal`, seed: "manually enter the subscription details").
 * Validated with the domain schemas first; `userErrors` land on their fields; values are kept.
 */
import {
  EXTERNAL_CHANNELS,
  subscriptionCreateInputSchema,
  subscriptionRegisterExternalInputSchema,
} from '@switchyard/domain';
import { Button, Dialog, Select, TextField } from '@switchyard/ui';
import { useState } from 'react';
import { useQuery } from 'urql';
import { FormErrorsAlert } from '../../../components/form-errors-alert';
import { useFormMutation } from '../../../forms/use-form-mutation';
import { validateInput } from '../../../forms/validate-input';
import { useI18n } from '../../../i18n/i18n';
import { subscriptionCreateMutation, subscriptionRegisterExternalMutation } from '../mutations';
import { offerChoicesQuery } from '../queries';

const FIELDS = [
  'offerId',
  'channel',
  'externalReference',
  'quantity',
  'term',
  'billingCycle',
  'termStart',
  'termEnd',
  'services',
] as const;
type Field = (typeof FIELDS)[number];

export function SubscriptionFormDialog({
  mode,
  customerId,
  onClose,
  onDone,
}: {
  mode: 'buy' | 'register';
  customerId: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [{ data: offers }] = useQuery({ query: offerChoicesQuery, variables: {} });
  const [values, setValues] = useState<Record<Field, string>>({
    offerId: '',
    channel: 'EA',
    externalReference: '',
    quantity: '',
    term: 'P1Y',
    billingCycle: 'MONTHLY',
    termStart: '',
    termEnd: '',
    services: '',
  });
  const offer = offers?.offers.nodes.find((candidate) => candidate.id === values.offerId);
  const isUsageBased = offer?.billingModel === 'USAGE_BASED';
  const create = useFormMutation(
    subscriptionCreateMutation,
    FIELDS,
    (d) => d.subscriptionCreate.userErrors,
  );
  const register = useFormMutation(
    subscriptionRegisterExternalMutation,
    FIELDS,
    (d) => d.subscriptionRegisterExternal.userErrors,
  );
  const current = mode === 'buy' ? create : register;
  const set = (field: Field) => (value: string) =>
    setValues((previous) => ({ ...previous, [field]: value }));

  const messages: Record<Field, 'subscriptionForm.invalid'> = Object.fromEntries(
    FIELDS.map((field) => [field, 'subscriptionForm.invalid']),
  ) as Record<Field, 'subscriptionForm.invalid'>;

  async function submit() {
    const quantity =
      values.quantity.trim() === '' || isUsageBased ? undefined : Number(values.quantity);
    const services = values.services
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean)
      .map((name) => ({ name }));
    if (mode === 'buy') {
      const validation = validateInput(
        subscriptionCreateInputSchema,
        {
          customerId,
          offerId: values.offerId,
          quantity,
          term: values.term,
          billingCycle: values.billingCycle,
        },
        messages,
        t,
      );
      if (!validation.ok) return create.setErrors(validation.errors);
      const result = await create.run({
        input: {
          customerId,
          offerId: values.offerId,
          quantity: quantity ?? null,
          term: values.term as 'P1Y',
          billingCycle: values.billingCycle as 'MONTHLY',
        },
      });
      if (result.ok) onDone();
      return;
    }
    const input = {
      customerId,
      offerId: values.offerId,
      channel: values.channel,
      externalReference: values.externalReference,
      quantity,
      termStart: values.termStart,
      termEnd: values.termEnd,
      services: isUsageBased ? services : undefined,
    };
    const validation = validateInput(subscriptionRegisterExternalInputSchema, input, messages, t);
    if (!validation.ok) return register.setErrors(validation.errors);
    const result = await register.run({
      input: {
        ...input,
        channel: values.channel as 'EA',
        quantity: quantity ?? null,
        services: input.services ?? null,
      },
    });
    if (result.ok) onDone();
  }

  const offerOptions = (offers?.offers.nodes ?? []).map((candidate) => ({
    value: candidate.id,
    label: `${candidate.name} (${t(`billingModel.${candidate.billingModel}`)})`,
  }));

  return (
    <Dialog
      isOpen
      title={t(mode === 'buy' ? 'subscriptionForm.buy.title' : 'subscriptionForm.register.title')}
      onClose={onClose}
      closeLabel={t('dialog.close')}
      actions={
        <>
          <Button onClick={onClose}>{t('form.cancel')}</Button>
          <Button variant="primary" isLoading={current.isRunning} onClick={() => void submit()}>
            {t(mode === 'buy' ? 'subscriptionForm.buy.submit' : 'subscriptionForm.register.submit')}
          </Button>
        </>
      }
    >
      <Select
        label={t('subscriptionForm.offer')}
        placeholder={t('subscriptionForm.offer.placeholder')}
        value={values.offerId}
        options={offerOptions}
        onChange={(event) => set('offerId')(event.target.value)}
        error={current.errors.fields.offerId}
        required
      />
      {mode === 'register' && (
        <>
          <Select
            label={t('subscriptionForm.channel')}
            value={values.channel}
            options={EXTERNAL_CHANNELS.map((channel) => ({
              value: channel,
              label: t(`channel.${channel}`),
            }))}
            onChange={(event) => set('channel')(event.target.value)}
            error={current.errors.fields.channel}
          />
          <TextField
            label={t('subscriptionForm.externalReference')}
            description={t('subscriptionForm.externalReference.description')}
            value={values.externalReference}
            onChange={(event) => set('externalReference')(event.target.value)}
            error={current.errors.fields.externalReference}
            required
          />
          <TextField
            label={t('subscriptionForm.termStart')}
            type="date"
            value={values.termStart}
            onChange={(event) => set('termStart')(event.target.value)}
            error={current.errors.fields.termStart}
            required
          />
          <TextField
            label={t('subscriptionForm.termEnd')}
            type="date"
            value={values.termEnd}
            onChange={(event) => set('termEnd')(event.target.value)}
            error={current.errors.fields.termEnd}
            required
          />
        </>
      )}
      {!isUsageBased && (
        <TextField
          label={t('subscriptionForm.quantity')}
          type="number"
          min={1}
          value={values.quantity}
          onChange={(event) => set('quantity')(event.target.value)}
          error={current.errors.fields.quantity}
        />
      )}
      {mode === 'buy' && (
        <>
          <Select
            label={t('subscriptionForm.term')}
            value={values.term}
            options={(offer?.terms ?? ['P1M', 'P1Y', 'P3Y']).map((term) => ({
              value: term,
              label: t(`term.${term}`),
            }))}
            onChange={(event) => set('term')(event.target.value)}
            error={current.errors.fields.term}
          />
          <Select
            label={t('subscriptionForm.billingCycle')}
            value={values.billingCycle}
            options={(offer?.billingCycles ?? ['MONTHLY', 'ANNUAL', 'TRIENNIAL']).map((cycle) => ({
              value: cycle,
              label: t(`billingCycle.${cycle}`),
            }))}
            onChange={(event) => set('billingCycle')(event.target.value)}
            error={current.errors.fields.billingCycle}
          />
        </>
      )}
      {mode === 'register' && isUsageBased && (
        <TextField
          label={t('subscriptionForm.services')}
          description={t('subscriptionForm.services.description')}
          value={values.services}
          onChange={(event) => set('services')(event.target.value)}
          error={current.errors.fields.services}
        />
      )}
      <FormErrorsAlert messages={current.errors.form} />
    </Dialog>
  );
}
