/**
 * One webhook subscription (container): what it receives, and its delivery log — each event sent
 * (or to be sent) with its status, attempts, the receiver's last answer and the next retry — with
 * "Redeliver" on each delivery. Edit, disable or enable, rotate the secret (shown once), delete.
 */
import {
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOKS_PERMISSION,
  webhookSubscriptionUpdateInputSchema,
} from '@switchyard/domain';
import { Alert, Button, Card, Dialog, Select, Table } from '@switchyard/ui';
import type { TableColumn } from '@switchyard/ui';
import { useState } from 'react';
import { useQuery } from 'urql';
import { ConnectionPagination } from '../../../app/connection-pagination';
import { isNotFoundError, LoadFailed, Loading } from '../../../app/load-state';
import { pageVariables } from '../../../app/paging';
import { usePermission } from '../../../app/permissions';
import { Link, navigate, useLocation } from '../../../app/router';
import { FormErrorsAlert } from '../../../components/form-errors-alert';
import { useFormMutation } from '../../../forms/use-form-mutation';
import { validateInput } from '../../../forms/validate-input';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useI18n } from '../../../i18n/i18n';
import { DeliveryStatusBadge } from '../components/delivery-status-badge';
import {
  WEBHOOK_FORM_FIELDS,
  WebhookSubscriptionForm,
} from '../components/webhook-subscription-form';
import type { WebhookFormValues } from '../components/webhook-subscription-form';
import {
  webhookDeliveryRedeliverMutation,
  webhookSubscriptionDeleteMutation,
  webhookSubscriptionQuery,
  webhookSubscriptionUpdateMutation,
} from '../queries';
import type { WebhookDeliveryItem, WebhookSubscriptionDetails } from '../queries';
import { readDeliveryStatus, webhookListPath, webhookUrl } from '../urls';
import { WEBHOOK_FORM_MESSAGES } from './webhook-form-messages';
import { EnabledBadge, SecretShownOnce } from './webhook-list-view';

type DialogState =
  | { kind: 'edit'; values: WebhookFormValues }
  | { kind: 'rotate'; secret?: string }
  | { kind: 'delete' };

export function WebhookDetailsView({ id }: { id: string }) {
  const { t, formatDateTime } = useI18n();
  const { searchParams } = useLocation();
  const status = readDeliveryStatus(searchParams);
  const allow = usePermission(WEBHOOKS_PERMISSION);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: webhookSubscriptionQuery,
    variables: { id, status: status ?? null, ...pageVariables(searchParams) },
    requestPolicy: 'cache-and-network',
    pause: !allow.isAllowed,
  });
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const update = useFormMutation(
    webhookSubscriptionUpdateMutation,
    WEBHOOK_FORM_FIELDS,
    (d) => d.webhookSubscriptionUpdate.userErrors,
  );
  const remove = useFormMutation(
    webhookSubscriptionDeleteMutation,
    [],
    (d) => d.webhookSubscriptionDelete.userErrors,
  );
  const redeliver = useFormMutation(
    webhookDeliveryRedeliverMutation,
    [],
    (d) => d.webhookDeliveryRedeliver.userErrors,
  );
  const node = data?.node;
  const subscription = node && 'url' in node ? node : undefined;
  useDocumentTitle(
    subscription ? t('webhook.title', { url: subscription.url }) : t('webhooks.title'),
  );
  const refresh = () => reexecute({ requestPolicy: 'network-only' });

  if (!allow.isAllowed) return <Alert tone="warning" title={allow.reason} />;
  if (!subscription) {
    if (fetching) return <Loading label="webhooks.loading" />;
    if (data || isNotFoundError(error))
      return <Alert tone="warning" title={t('webhook.notFound')} />;
    return <LoadFailed title="webhook.loadFailed" onRetry={refresh} />;
  }

  const reference = {
    webhookSubscriptionId: subscription.id,
    expectedVersion: subscription.version,
  };
  const closeDialog = () => {
    setDialog(null);
    update.setErrors({ fields: {}, form: [] });
    remove.setErrors({ fields: {}, form: [] });
  };

  async function saveEdit(values: WebhookFormValues) {
    const validation = validateInput(
      webhookSubscriptionUpdateInputSchema,
      { ...reference, ...values },
      WEBHOOK_FORM_MESSAGES,
      t,
    );
    if (!validation.ok) return update.setErrors(validation.errors);
    if (
      (
        await update.run({
          input: { ...reference, ...values, description: values.description.trim() || null },
        })
      ).ok
    ) {
      closeDialog();
      refresh();
    }
  }
  async function setEnabled(isEnabled: boolean) {
    if ((await update.run({ input: { ...reference, isEnabled } })).ok) refresh();
  }
  async function rotateSecret() {
    const result = await update.run({ input: { ...reference, rotateSecret: true } });
    const secret = result.ok
      ? result.data.webhookSubscriptionUpdate.webhookSubscription?.secret
      : null;
    if (secret) {
      setDialog({ kind: 'rotate', secret });
      refresh();
    }
  }
  async function deleteSubscription() {
    if ((await remove.run({ input: reference })).ok) navigate(webhookListPath);
  }
  async function redeliverNow(delivery: WebhookDeliveryItem) {
    if ((await redeliver.run({ input: { webhookDeliveryId: delivery.id } })).ok) refresh();
  }

  const notAvailable = t('app.notAvailable');
  const deliveryColumns: TableColumn<WebhookDeliveryItem>[] = [
    {
      key: 'eventType',
      header: t('webhook.delivery.event'),
      isRowHeader: true,
      cell: (row) => (
        <span className="cell-stack">
          <code>{row.eventType}</code>
          <span className="cell-muted">{t('webhook.delivery.eventId', { id: row.eventId })}</span>
        </span>
      ),
    },
    {
      key: 'status',
      header: t('webhooks.status'),
      cell: (row) => <DeliveryStatusBadge status={row.status} />,
    },
    {
      key: 'attempts',
      header: t('webhook.delivery.attempts'),
      align: 'end',
      cell: (row) => row.attempts,
    },
    {
      key: 'lastResponse',
      header: t('webhook.delivery.lastResponse'),
      cell: (row) =>
        row.lastResponseCode === null && row.lastError === null ? (
          notAvailable
        ) : (
          <span className="cell-stack">
            {row.lastResponseCode !== null && (
              <span>{t('webhook.delivery.httpStatus', { code: row.lastResponseCode })}</span>
            )}
            {row.lastError !== null && <span className="cell-muted">{row.lastError}</span>}
          </span>
        ),
    },
    {
      key: 'lastAttemptAt',
      header: t('webhook.delivery.lastAttemptAt'),
      cell: (row) => (row.lastAttemptAt ? formatDateTime(row.lastAttemptAt) : notAvailable),
    },
    {
      key: 'nextAttemptAt',
      header: t('webhook.delivery.nextAttemptAt'),
      cell: (row) => (row.nextAttemptAt ? formatDateTime(row.nextAttemptAt) : notAvailable),
    },
    {
      key: 'createdAt',
      header: t('webhook.delivery.createdAt'),
      cell: (row) => formatDateTime(row.createdAt),
    },
    {
      key: 'deliveredAt',
      header: t('webhook.delivery.deliveredAt'),
      cell: (row) => (row.deliveredAt ? formatDateTime(row.deliveredAt) : notAvailable),
    },
    {
      key: 'actions',
      header: t('subscription.column.actions'),
      cell: (row) => (
        <Button
          aria-label={t('webhook.delivery.redeliverEvent', {
            type: row.eventType,
            id: row.eventId,
          })}
          onClick={() => void redeliverNow(row)}
        >
          {t('webhook.delivery.redeliver')}
        </Button>
      ),
    },
  ];
  const deliveries = subscription.webhookDeliveries;

  return (
    <div className="page">
      <p>
        <Link to={webhookListPath}>{t('webhook.backToList')}</Link>
      </p>
      <div className="page__header">
        <h1 className="page__title">{subscription.url}</h1>
        <EnabledBadge isEnabled={subscription.isEnabled} />
      </div>
      <FormErrorsAlert messages={dialog === null ? update.errors.form : []} />
      <Card
        title={t('webhook.details')}
        actions={
          <>
            <Button onClick={() => setDialog({ kind: 'edit', values: formValuesOf(subscription) })}>
              {t('webhook.edit')}
            </Button>
            <Button
              isLoading={update.isRunning && dialog === null}
              onClick={() => void setEnabled(!subscription.isEnabled)}
            >
              {t(subscription.isEnabled ? 'webhook.disable' : 'webhook.enable')}
            </Button>
            <Button onClick={() => setDialog({ kind: 'rotate' })}>
              {t('webhook.rotateSecret')}
            </Button>
            <Button variant="danger" onClick={() => setDialog({ kind: 'delete' })}>
              {t('webhook.delete')}
            </Button>
          </>
        }
      >
        <dl className="properties">
          <dt>{t('webhooks.description')}</dt>
          <dd>{subscription.description ?? notAvailable}</dd>
          <dt>{t('webhooks.eventTypes')}</dt>
          <dd>
            <ul className="webhook-event-list">
              {subscription.eventTypes.map((type) => (
                <li key={type}>
                  <code>{type}</code>
                </li>
              ))}
            </ul>
          </dd>
          <dt>{t('webhooks.createdAt')}</dt>
          <dd>{formatDateTime(subscription.createdAt)}</dd>
          <dt>{t('webhook.updatedAt')}</dt>
          <dd>{formatDateTime(subscription.updatedAt)}</dd>
        </dl>
        {!subscription.isEnabled && <Alert tone="info" title={t('webhook.disabledExplanation')} />}
      </Card>
      <Card title={t('webhook.deliveryLog')}>
        <div className="page__filters">
          <Select
            label={t('webhook.delivery.filterStatus')}
            placeholder={t('webhook.delivery.anyStatus')}
            value={status ?? ''}
            options={WEBHOOK_DELIVERY_STATUSES.map((value) => ({
              value,
              label: t(`webhookDeliveryStatus.${value}`),
            }))}
            onChange={(event) =>
              navigate(
                webhookUrl(
                  subscription.id,
                  readDeliveryStatus(new URLSearchParams({ status: event.target.value })),
                ),
              )
            }
          />
        </div>
        <FormErrorsAlert messages={redeliver.errors.form} />
        <Table
          caption={t('webhook.deliveryLog')}
          isCaptionHidden
          columns={deliveryColumns}
          rows={deliveries.nodes}
          getRowKey={(row) => row.id}
          isLoading={fetching}
          loadingLabel={t('webhooks.loading')}
          emptyMessage={status ? t('webhook.delivery.emptyStatus') : t('webhook.delivery.empty')}
        />
        <ConnectionPagination
          label={t('webhook.delivery.pages')}
          summary={t('webhook.delivery.count', { count: deliveries.totalCount })}
          pageInfo={deliveries.pageInfo}
          isLoading={fetching}
        />
      </Card>
      {dialog?.kind === 'edit' && (
        <Dialog
          isOpen
          title={t('webhook.edit')}
          onClose={closeDialog}
          closeLabel={t('dialog.close')}
          actions={
            <>
              <Button onClick={closeDialog}>{t('form.cancel')}</Button>
              <Button
                variant="primary"
                isLoading={update.isRunning}
                onClick={() => void saveEdit(dialog.values)}
              >
                {t('webhook.save')}
              </Button>
            </>
          }
        >
          <WebhookSubscriptionForm
            values={dialog.values}
            onChange={(values) => setDialog({ kind: 'edit', values })}
            errors={update.errors.fields}
          />
          <FormErrorsAlert messages={update.errors.form} />
        </Dialog>
      )}
      {dialog?.kind === 'rotate' && (
        <Dialog
          isOpen
          title={t('webhook.rotateSecret')}
          onClose={closeDialog}
          closeLabel={t('dialog.close')}
          actions={
            dialog.secret === undefined ? (
              <>
                <Button onClick={closeDialog}>{t('form.cancel')}</Button>
                <Button
                  variant="primary"
                  isLoading={update.isRunning}
                  onClick={() => void rotateSecret()}
                >
                  {t('webhook.rotateSecret.confirm')}
                </Button>
              </>
            ) : (
              <Button variant="primary" onClick={closeDialog}>
                {t('dialog.done')}
              </Button>
            )
          }
        >
          {dialog.secret === undefined ? (
            <>
              <p>{t('webhook.rotateSecret.explanation')}</p>
              <FormErrorsAlert messages={update.errors.form} />
            </>
          ) : (
            <SecretShownOnce secret={dialog.secret} />
          )}
        </Dialog>
      )}
      {dialog?.kind === 'delete' && (
        <Dialog
          isOpen
          title={t('webhook.delete.title')}
          onClose={closeDialog}
          closeLabel={t('dialog.close')}
          actions={
            <>
              <Button onClick={closeDialog}>{t('form.cancel')}</Button>
              <Button
                variant="danger"
                isLoading={remove.isRunning}
                onClick={() => void deleteSubscription()}
              >
                {t('webhook.delete.confirm')}
              </Button>
            </>
          }
        >
          <p>{t('webhook.delete.explanation', { url: subscription.url })}</p>
          <FormErrorsAlert messages={remove.errors.form} />
        </Dialog>
      )}
    </div>
  );
}

function formValuesOf(subscription: WebhookSubscriptionDetails): WebhookFormValues {
  return {
    url: subscription.url,
    description: subscription.description ?? '',
    eventTypes: [...subscription.eventTypes],
  };
}
