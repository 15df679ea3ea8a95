/**
 * Webhooks (container): the organisation's webhook subscriptions, and creating one — the signing
 * secret is shown once, with a copy button. For the roles that manage integrations (API keys and
 * webhooks); others see why they cannot.
 */
import { WEBHOOKS_PERMISSION, webhookSubscriptionCreateInputSchema } from '@switchyard/domain';
import { Alert, Badge, Button, Card, Dialog, Table } from '@switchyard/ui';
import { useState } from 'react';
import { useQuery } from 'urql';
import { ConnectionPagination } from '../../../app/connection-pagination';
import { pageVariables } from '../../../app/paging';
import { usePermission } from '../../../app/permissions';
import { Link, useLocation } from '../../../app/router';
import { CopyField } from '../../../components/copy-field';
import { ActionButton } from '../../../components/denied-action';
import { FormErrorsAlert } from '../../../components/form-errors-alert';
import { useFormMutation } from '../../../forms/use-form-mutation';
import { validateInput } from '../../../forms/validate-input';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useI18n } from '../../../i18n/i18n';
import { settingsPath } from '../../../app/routes';
import {
  EMPTY_WEBHOOK_FORM,
  WEBHOOK_FORM_FIELDS,
  WebhookSubscriptionForm,
} from '../components/webhook-subscription-form';
import type { WebhookFormValues } from '../components/webhook-subscription-form';
import { webhookSubscriptionCreateMutation, webhookSubscriptionsQuery } from '../queries';
import { webhookUrl } from '../urls';
import { WEBHOOK_FORM_MESSAGES } from './webhook-form-messages';
import { TableLoadFailed } from '../../../app/load-state';

export function WebhookListView() {
  const { t, formatDate } = useI18n();
  useDocumentTitle(t('webhooks.title'));
  const { searchParams } = useLocation();
  const allow = usePermission(WEBHOOKS_PERMISSION);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: webhookSubscriptionsQuery,
    variables: pageVariables(searchParams),
    requestPolicy: 'cache-and-network',
    pause: !allow.isAllowed,
  });
  const [isCreating, setIsCreating] = useState(false);
  const [values, setValues] = useState<WebhookFormValues>(EMPTY_WEBHOOK_FORM);
  const [created, setCreated] = useState<{ id: string; secret: string } | null>(null);
  const create = useFormMutation(
    webhookSubscriptionCreateMutation,
    WEBHOOK_FORM_FIELDS,
    (d) => d.webhookSubscriptionCreate.userErrors,
  );

  async function submit() {
    const validation = validateInput(
      webhookSubscriptionCreateInputSchema,
      values,
      WEBHOOK_FORM_MESSAGES,
      t,
    );
    if (!validation.ok) return create.setErrors(validation.errors);
    const result = await create.run({ input: validation.input });
    const subscription = result.ok
      ? result.data.webhookSubscriptionCreate.webhookSubscription
      : null;
    if (subscription) {
      setCreated({ id: subscription.id, secret: subscription.secret ?? '' });
      reexecute({ requestPolicy: 'network-only' });
    }
  }
  const close = () => {
    setIsCreating(false);
    setCreated(null);
    setValues(EMPTY_WEBHOOK_FORM);
    create.setErrors({ fields: {}, form: [] });
  };

  return (
    <div className="page">
      <p>
        <Link to={settingsPath}>{t('webhooks.backToSettings')}</Link>
      </p>
      <div className="page__header">
        <h1 className="page__title">{t('webhooks.title')}</h1>
        <ActionButton
          label={t('webhooks.create')}
          variant="primary"
          isAllowed={allow.isAllowed}
          reason={allow.reason}
          onClick={() => setIsCreating(true)}
        />
      </div>
      <p>{t('webhooks.intro')}</p>
      {allow.isAllowed && (
        <Card title={t('webhooks.subscriptions')}>
          <Table
            caption={t('webhooks.subscriptions')}
            isCaptionHidden
            rows={data?.webhookSubscriptions.nodes}
            getRowKey={(row) => row.id}
            isLoading={fetching}
            loadingLabel={t('webhooks.loading')}
            emptyMessage={t('webhooks.empty')}
            error={
              error && !data ? (
                <TableLoadFailed
                  message="webhooks.loadFailed"
                  onRetry={() => reexecute({ requestPolicy: 'network-only' })}
                />
              ) : undefined
            }
            columns={[
              {
                key: 'url',
                header: t('webhooks.url'),
                isRowHeader: true,
                cell: (row) => (
                  <span className="cell-stack">
                    <Link to={webhookUrl(row.id)}>{row.url}</Link>
                    {row.description && <span className="cell-muted">{row.description}</span>}
                  </span>
                ),
              },
              {
                key: 'eventTypes',
                header: t('webhooks.eventTypes'),
                cell: (row) => t('webhooks.eventTypeCount', { count: row.eventTypes.length }),
              },
              {
                key: 'status',
                header: t('webhooks.status'),
                cell: (row) => <EnabledBadge isEnabled={row.isEnabled} />,
              },
              {
                key: 'createdAt',
                header: t('webhooks.createdAt'),
                cell: (row) => formatDate(row.createdAt),
              },
            ]}
          />
          {data && (
            <ConnectionPagination
              label={t('webhooks.pages')}
              summary={t('webhooks.count', { count: data.webhookSubscriptions.totalCount })}
              pageInfo={data.webhookSubscriptions.pageInfo}
              isLoading={fetching}
            />
          )}
        </Card>
      )}
      {isCreating && (
        <Dialog
          isOpen
          title={t('webhooks.create')}
          onClose={close}
          closeLabel={t('dialog.close')}
          actions={
            created === null ? (
              <>
                <Button onClick={close}>{t('form.cancel')}</Button>
                <Button
                  variant="primary"
                  isLoading={create.isRunning}
                  onClick={() => void submit()}
                >
                  {t('webhooks.create.submit')}
                </Button>
              </>
            ) : (
              <>
                <Link className="sy-button sy-button--secondary" to={webhookUrl(created.id)}>
                  {t('webhooks.openDeliveryLog')}
                </Link>
                <Button variant="primary" onClick={close}>
                  {t('dialog.done')}
                </Button>
              </>
            )
          }
        >
          {created === null ? (
            <>
              <WebhookSubscriptionForm
                values={values}
                onChange={setValues}
                errors={create.errors.fields}
              />
              <FormErrorsAlert messages={create.errors.form} />
            </>
          ) : (
            <SecretShownOnce secret={created.secret} />
          )}
        </Dialog>
      )}
    </div>
  );
}

export function EnabledBadge({ isEnabled }: { isEnabled: boolean }) {
  const { t } = useI18n();
  return (
    <Badge tone={isEnabled ? 'success' : 'neutral'}>
      {t(isEnabled ? 'webhooks.enabled' : 'webhooks.disabled')}
    </Badge>
  );
}

/** A new signing secret: shown once, with a copy button and what it is for. */
export function SecretShownOnce({ secret }: { secret: string }) {
  const { t } = useI18n();
  return (
    <>
      <Alert tone="warning" title={t('webhooks.secret.shownOnce')}>
        {t('webhooks.secret.explanation')}
      </Alert>
      <CopyField label={t('webhooks.secret')} value={secret} />
    </>
  );
}
