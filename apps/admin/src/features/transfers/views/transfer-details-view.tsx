/**
 * One transfer (container): its line items, the timeline of its transitions (its audit events), and
 * the answers: the source partner accepts (choosing the line items that go) or rejects with a reason;
 * the requester cancels while it is PENDING or SCHEDULED. It refreshes itself when the transfer
 * changes, whoever changed it (live updates).
 */
import { transferRejectInputSchema } from '@switchyard/domain';
import { Alert, Button, Card, Checkbox, Dialog, Table, TextArea } from '@switchyard/ui';
import type { TableColumn } from '@switchyard/ui';
import { useState } from 'react';
import { useQuery } from 'urql';
import { useLiveRefresh } from '../../../app/live-refresh';
import { isNotFoundError, LoadFailed, Loading } from '../../../app/load-state';
import { useMutationAllowance } from '../../../app/permissions';
import { Link } from '../../../app/router';
import { ActionButton } from '../../../components/denied-action';
import { FormErrorsAlert } from '../../../components/form-errors-alert';
import { useFormMutation } from '../../../forms/use-form-mutation';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useI18n } from '../../../i18n/i18n';
import { customerUrl } from '../../customers/urls';
import { TransferStatusBadge } from '../components/transfer-status-badge';
import {
  transferAcceptMutation,
  transferCancelMutation,
  transferDetailsQuery,
  transferRejectMutation,
} from '../queries';
import type { TransferDetails } from '../queries';
import { transferListPath } from '../urls';

type LineItem = TransferDetails['lineItems'][number];
const FIELDS = ['lineItemIds', 'reason'] as const;

export function TransferDetailsView({ id }: { id: string }) {
  const { t, formatDate, formatDateTime, formatNumber } = useI18n();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: transferDetailsQuery,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  const [dialog, setDialog] = useState<'accept' | 'reject' | 'cancel' | null>(null);
  const [keptIds, setKeptIds] = useState<string[] | undefined>();
  const [reason, setReason] = useState('');
  const accept = useFormMutation(
    transferAcceptMutation,
    FIELDS,
    (d) => d.transferAccept.userErrors,
  );
  const reject = useFormMutation(
    transferRejectMutation,
    FIELDS,
    (d) => d.transferReject.userErrors,
  );
  const cancel = useFormMutation(
    transferCancelMutation,
    FIELDS,
    (d) => d.transferCancel.userErrors,
  );
  const allowRespond = useMutationAllowance('transferAccept');
  const allowCancel = useMutationAllowance('transferCancel');
  const node = data?.node;
  const transfer = node && 'kind' in node ? node : undefined;
  useDocumentTitle(
    transfer
      ? t('transfer.title', { customer: transfer.customer.companyName })
      : t('transfers.title'),
  );
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  useLiveRefresh({ transfers: { id } }, refresh);

  if (!transfer) {
    if (fetching) return <Loading label="transfer.loading" />;
    if (data || isNotFoundError(error))
      return <Alert tone="warning" title={t('transfer.notFound')} />;
    return <LoadFailed title="transfer.loadFailed" onRetry={refresh} />;
  }

  const isPending = transfer.status === 'PENDING';
  const isOpen = isPending || transfer.status === 'SCHEDULED';
  const isSource = transfer.sourcePartner?.isViewerPartner ?? false;
  const isTarget = transfer.targetPartner.isViewerPartner;
  const kept = keptIds ?? transfer.lineItems.map((item) => item.id);
  const current = dialog === 'accept' ? accept : dialog === 'reject' ? reject : cancel;

  async function submit() {
    const reference = { transferId: transfer!.id, expectedVersion: transfer!.version };
    let ok = false;
    if (dialog === 'accept') {
      if (kept.length === 0)
        return accept.setErrors({
          fields: { lineItemIds: t('transfer.accept.atLeastOne') },
          form: [],
        });
      ok = (await accept.run({ input: { ...reference, lineItemIds: kept } })).ok;
    } else if (dialog === 'reject') {
      if (!transferRejectInputSchema.safeParse({ ...reference, reason }).success)
        return reject.setErrors({
          fields: { reason: t('transfer.reject.reasonRequired') },
          form: [],
        });
      ok = (await reject.run({ input: { ...reference, reason } })).ok;
    } else {
      ok = (await cancel.run({ input: { ...reference, reason: reason.trim() || null } })).ok;
    }
    if (ok) {
      setDialog(null);
      refresh();
    }
  }

  const lineItemColumns: TableColumn<LineItem>[] = [
    {
      key: 'offer',
      header: t('subscription.column.offer'),
      isRowHeader: true,
      cell: (row) => row.subscription?.offer.name ?? t('app.notAvailable'),
    },
    {
      key: 'channel',
      header: t('subscription.column.channel'),
      cell: (row) =>
        row.subscription ? t(`channel.${row.subscription.channel}`) : t('app.notAvailable'),
    },
    {
      key: 'quantity',
      header: t('subscription.column.quantity'),
      align: 'end',
      cell: (row) =>
        row.subscription?.quantity == null
          ? t('app.notAvailable')
          : formatNumber(row.subscription.quantity),
    },
    {
      key: 'services',
      header: t('transfer.column.services'),
      cell: (row) =>
        row.services.map((service) => service.name).join(', ') || t('app.notAvailable'),
    },
    {
      key: 'status',
      header: t('subscription.column.status'),
      cell: (row) => t(`lineItemStatus.${row.status}`),
    },
    {
      key: 'scheduleAt',
      header: t('transfer.column.scheduleAt'),
      align: 'end',
      cell: (row) => (row.scheduledAt ? formatDate(row.scheduledAt) : t('app.notAvailable')),
    },
    {
      key: 'failure',
      header: t('transfer.column.failureReason'),
      cell: (row) => row.failureReason ?? t('app.notAvailable'),
    },
  ];

  return (
    <div className="page">
      <p className="page__back">
        <Link to={transferListPath}>
          <span aria-hidden="true">← </span>
          {t('transfer.back')}
        </Link>
      </p>
      <div className="page__header">
        <h1 className="page__title">
          {t('transfer.title', { customer: transfer.customer.companyName })}
        </h1>
        <div className="row-actions">
          {isPending && isSource && (
            <>
              <ActionButton
                label={t('transfer.accept')}
                variant="primary"
                isAllowed={allowRespond.isAllowed}
                reason={allowRespond.reason}
                onClick={() => setDialog('accept')}
              />
              <ActionButton
                label={t('transfer.reject')}
                variant="danger"
                isAllowed={allowRespond.isAllowed}
                reason={allowRespond.reason}
                onClick={() => setDialog('reject')}
              />
            </>
          )}
          {isOpen && isTarget && (
            <ActionButton
              label={t('transfer.cancel')}
              variant="danger"
              isAllowed={allowCancel.isAllowed}
              reason={allowCancel.reason}
              onClick={() => setDialog('cancel')}
            />
          )}
        </div>
      </div>
      <Card title={t('transfer.summary')}>
        <dl className="properties">
          <div>
            <dt>{t('transfers.column.status')}</dt>
            <dd>
              <TransferStatusBadge status={transfer.status} />
            </dd>
          </div>
          <div>
            <dt>{t('transfers.column.kind')}</dt>
            <dd>{t(`transferKind.${transfer.kind}`)}</dd>
          </div>
          <div>
            <dt>{t('transfers.column.customer')}</dt>
            <dd>
              <Link to={customerUrl(transfer.customer.id)}>{transfer.customer.companyName}</Link>
            </dd>
          </div>
          <div>
            <dt>{t('transfers.column.source')}</dt>
            <dd>{transfer.sourcePartner?.name ?? t(`channel.${transfer.sourceChannel}`)}</dd>
          </div>
          <div>
            <dt>{t('transfers.column.requester')}</dt>
            <dd>{transfer.targetPartner.name}</dd>
          </div>
          <div>
            <dt>{t('transfers.column.effectiveAt')}</dt>
            <dd>
              {transfer.effectiveAt ? formatDate(transfer.effectiveAt) : t('app.notAvailable')}
            </dd>
          </div>
          <div>
            <dt>{t('transfers.column.expiresAt')}</dt>
            <dd>{transfer.expiresAt ? formatDate(transfer.expiresAt) : t('app.notAvailable')}</dd>
          </div>
          {transfer.rejectionReason && (
            <div>
              <dt>{t('transfer.reason')}</dt>
              <dd>{transfer.rejectionReason}</dd>
            </div>
          )}
        </dl>
      </Card>
      <Card title={t('transfer.lineItems')}>
        <Table
          caption={t('transfer.lineItems')}
          isCaptionHidden
          columns={lineItemColumns}
          rows={transfer.lineItems}
          getRowKey={(row) => row.id}
          loadingLabel={t('transfer.loading')}
          emptyMessage={t('app.notAvailable')}
        />
      </Card>
      <Card title={t('transfer.timeline')}>
        {data?.auditEvents.nodes.length ? (
          <ol className="timeline">
            {data.auditEvents.nodes.map((event) => (
              <li key={event.id}>
                <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>{' '}
                <strong>{event.operation}</strong>{' '}
                <span className="cell-muted">
                  {event.actorLabel || t(`actorType.${event.actorType}`)}
                </span>
              </li>
            ))}
          </ol>
        ) : (
          <p className="empty-note">{t('transfer.timeline.empty')}</p>
        )}
      </Card>
      {dialog && (
        <Dialog
          isOpen
          title={t(`transfer.${dialog}.title`)}
          onClose={() => setDialog(null)}
          closeLabel={t('dialog.close')}
          actions={
            <>
              <Button onClick={() => setDialog(null)}>{t('form.cancel')}</Button>
              <Button
                variant={dialog === 'accept' ? 'primary' : 'danger'}
                isLoading={current.isRunning}
                onClick={() => void submit()}
              >
                {t(`transfer.${dialog}.confirm`)}
              </Button>
            </>
          }
        >
          {dialog === 'accept' && (
            <fieldset
              className="sy-radio-group"
              aria-describedby={accept.errors.fields.lineItemIds ? 'accept-error' : undefined}
            >
              <legend className="sy-field__label">{t('transfer.accept.lineItems')}</legend>
              {transfer.lineItems.map((item) => (
                <Checkbox
                  key={item.id}
                  label={item.subscription?.offer.name ?? item.id}
                  checked={kept.includes(item.id)}
                  onChange={(event) =>
                    setKeptIds(
                      event.target.checked
                        ? [...kept, item.id]
                        : kept.filter((value) => value !== item.id),
                    )
                  }
                />
              ))}
              {accept.errors.fields.lineItemIds && (
                <p id="accept-error" className="sy-field__error">
                  {accept.errors.fields.lineItemIds}
                </p>
              )}
            </fieldset>
          )}
          {(dialog === 'reject' || dialog === 'cancel') && (
            <TextArea
              label={t(dialog === 'reject' ? 'transfer.reject.reason' : 'transfer.cancel.reason')}
              value={reason}
              required={dialog === 'reject'}
              onChange={(event) => setReason(event.target.value)}
              error={current.errors.fields.reason}
            />
          )}
          <FormErrorsAlert messages={current.errors.form} />
        </Dialog>
      )}
    </div>
  );
}
