/**
 * The fields of a webhook subscription (presentational), for creating and editing one: the endpoint's
 * URL, a description, and the event types it receives, grouped by the object they are about.
 */
import { WEBHOOK_EVENT_TYPES } from '@switchyard/domain';
import { Checkbox, TextField } from '@switchyard/ui';
import { useId } from 'react';
import { useI18n } from '../../../i18n/i18n';

export const WEBHOOK_FORM_FIELDS = ['url', 'description', 'eventTypes'] as const;
export type WebhookFormField = (typeof WEBHOOK_FORM_FIELDS)[number];

export interface WebhookFormValues {
  url: string;
  description: string;
  eventTypes: string[];
}

export const EMPTY_WEBHOOK_FORM: WebhookFormValues = { url: '', description: '', eventTypes: [] };

/** `transfer.created` → `transfer`: event types grouped by their object, in the domain's order. */
function eventTypeGroups(): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const type of WEBHOOK_EVENT_TYPES) {
    const object = type.slice(0, type.indexOf('.'));
    groups.set(object, [...(groups.get(object) ?? []), type]);
  }
  return [...groups];
}

export function WebhookSubscriptionForm({
  values,
  onChange,
  errors,
}: {
  values: WebhookFormValues;
  onChange: (values: WebhookFormValues) => void;
  errors: Partial<Record<WebhookFormField, string>>;
}) {
  const { t } = useI18n();
  const errorId = useId();
  const toggle = (type: string, isChecked: boolean) =>
    onChange({
      ...values,
      eventTypes: isChecked
        ? [...values.eventTypes, type]
        : values.eventTypes.filter((value) => value !== type),
    });

  return (
    <>
      <TextField
        label={t('webhooks.url')}
        description={t('webhooks.url.description')}
        type="url"
        value={values.url}
        onChange={(event) => onChange({ ...values, url: event.target.value })}
        error={errors.url}
        required
      />
      <TextField
        label={t('webhooks.description')}
        value={values.description}
        onChange={(event) => onChange({ ...values, description: event.target.value })}
        error={errors.description}
      />
      <fieldset
        className="wizard-fieldset webhook-event-types"
        aria-describedby={errors.eventTypes ? errorId : undefined}
      >
        <legend className="sy-field__label">{t('webhooks.eventTypes')}</legend>
        {eventTypeGroups().map(([object, types]) => (
          <div key={object} className="webhook-event-types__group">
            {types.map((type) => (
              <Checkbox
                key={type}
                label={<code>{type}</code>}
                checked={values.eventTypes.includes(type)}
                onChange={(event) => toggle(type, event.target.checked)}
              />
            ))}
          </div>
        ))}
        {errors.eventTypes && (
          <p id={errorId} className="sy-field__error">
            {errors.eventTypes}
          </p>
        )}
      </fieldset>
    </>
  );
}
