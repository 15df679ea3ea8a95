/**
 * One import (container): the preview with per-row errors and counts, then — once started — the
 * job's progress, polled every second while it runs, then the result: counts, the rows that were
 * not registered, and the CSV report. Starting and cancelling need the permission that registers
 * a subscription (the import registers each row as the person who started it).
 */
import type { SubscriptionImportStatus } from '@switchyard/domain';
import { Alert, Button, Card } from '@switchyard/ui';
import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { isNotFoundError, LoadFailed, Loading } from '../../../app/load-state';
import { useMutationAllowance } from '../../../app/permissions';
import { Link } from '../../../app/router';
import { ActionButton } from '../../../components/denied-action';
import { FormErrorsAlert } from '../../../components/form-errors-alert';
import { mapUserErrors, transportErrors } from '../../../forms/user-errors';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useI18n } from '../../../i18n/i18n';
import { customerUrl } from '../../customers/urls';
import { ImportStatusBadge } from '../components/import-outcome-badge';
import { ImportProgress } from '../components/import-progress';
import { ImportRowsTable } from '../components/import-rows-table';
import {
  SUBSCRIPTION_IMPORT_POLL_MS,
  SUBSCRIPTION_IMPORT_ROWS_SHOWN,
  subscriptionImportCancelMutation,
  subscriptionImportQuery,
  subscriptionImportStartMutation,
} from '../queries';
import { subscriptionImportNewUrl } from '../urls';

type RowFilter = 'all' | 'problems';
const PROBLEM_OUTCOMES = ['INVALID', 'REFUSED'] as const;
const RUNNING_STATUSES: readonly SubscriptionImportStatus[] = ['QUEUED', 'RUNNING'];
const FINISHED_STATUSES: readonly SubscriptionImportStatus[] = ['COMPLETED', 'CANCELLED'];

export function SubscriptionImportView({ id }: { id: string }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<RowFilter | undefined>();
  const [actionErrors, setActionErrors] = useState<string[]>([]);
  const [isFinished, setIsFinished] = useState(false);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: subscriptionImportQuery,
    variables: {
      id,
      rowsFirst: SUBSCRIPTION_IMPORT_ROWS_SHOWN,
      // Finished: the rows to act on by default; in preview, every row.
      outcomes:
        (filter ?? (isFinished ? 'problems' : 'all')) === 'problems' ? [...PROBLEM_OUTCOMES] : null,
      withReport: isFinished,
    },
    requestPolicy: 'cache-and-network',
  });
  const [startState, start] = useMutation(subscriptionImportStartMutation);
  const [cancelState, cancel] = useMutation(subscriptionImportCancelMutation);
  const allowance = useMutationAllowance('subscriptionRegisterExternal');
  const subscriptionImport = data?.node && 'status' in data.node ? data.node : undefined;
  const status = subscriptionImport?.status;
  useDocumentTitle(
    subscriptionImport
      ? t('subscriptionImport.title', { fileName: subscriptionImport.fileName })
      : undefined,
  );

  const isRunning = status !== undefined && RUNNING_STATUSES.includes(status);
  useEffect(() => {
    if (status !== undefined && FINISHED_STATUSES.includes(status)) setIsFinished(true);
  }, [status]);
  useEffect(() => {
    if (!isRunning) return;
    const timer = setInterval(
      () => reexecute({ requestPolicy: 'network-only' }),
      SUBSCRIPTION_IMPORT_POLL_MS,
    );
    return () => clearInterval(timer);
  }, [isRunning, reexecute]);

  if (!subscriptionImport || !status) {
    if (fetching) return <Loading label="subscriptionImport.loading" />;
    if ((data && !subscriptionImport) || isNotFoundError(error))
      return <Alert tone="warning" title={t('subscriptionImport.notFound')} />;
    return (
      <LoadFailed
        title="subscriptionImport.loadFailed"
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      />
    );
  }

  async function act(
    run: Promise<{ data?: unknown; error?: Parameters<typeof transportErrors>[0] }>,
    name: 'subscriptionImportStart' | 'subscriptionImportCancel',
  ) {
    setActionErrors([]);
    const outcome = await run;
    if (outcome.error && !outcome.data)
      return setActionErrors(transportErrors(outcome.error, t).form);
    const payload = (
      outcome.data as Record<
        string,
        { userErrors: { code: string; message: string; field?: readonly string[] | null }[] }
      >
    )[name];
    if (payload && payload.userErrors.length > 0)
      return setActionErrors(mapUserErrors(payload.userErrors, [], t).form);
    reexecute({ requestPolicy: 'network-only' });
  }

  const reference = {
    subscriptionImportId: subscriptionImport.id,
    expectedVersion: subscriptionImport.version,
  };
  const rows = subscriptionImport.rows;
  const shownFilter = filter ?? (isFinished ? 'problems' : 'all');
  const reportHref =
    'reportCsv' in subscriptionImport && typeof subscriptionImport.reportCsv === 'string'
      ? `data:text/csv;charset=utf-8,${encodeURIComponent(subscriptionImport.reportCsv)}`
      : undefined;

  return (
    <div className="page">
      <p className="page__back">
        <Link to={subscriptionImportNewUrl(subscriptionImport.customer?.id)}>
          <span aria-hidden="true">← </span>
          {t('subscriptionImport.newImport')}
        </Link>
      </p>
      <div className="page__header">
        <h1 className="page__title">
          {t('subscriptionImport.title', { fileName: subscriptionImport.fileName })}
        </h1>
        <ImportStatusBadge status={status} />
      </div>
      {subscriptionImport.customer && (
        <p>
          <Link to={customerUrl(subscriptionImport.customer.id)}>
            {t('subscriptionImport.forCustomer', {
              companyName: subscriptionImport.customer.companyName,
            })}
          </Link>
        </p>
      )}
      <div className="page__sections">
        <Card title={t('subscriptionImport.summary')}>
          <ul className="import-counts">
            <li>{t('subscriptionImport.count.rows', { count: subscriptionImport.rowCount })}</li>
            <li>
              {t('subscriptionImport.count.valid', { count: subscriptionImport.validRowCount })}
            </li>
            <li>
              {t('subscriptionImport.count.invalid', { count: subscriptionImport.invalidRowCount })}
            </li>
            {status !== 'PREVIEW' && (
              <>
                <li>
                  {t('subscriptionImport.count.applied', {
                    count: subscriptionImport.appliedRowCount,
                  })}
                </li>
                <li>
                  {t('subscriptionImport.count.refused', {
                    count: subscriptionImport.refusedRowCount,
                  })}
                </li>
              </>
            )}
          </ul>
          {status === 'PREVIEW' && <p>{t('subscriptionImport.previewHint')}</p>}
          {status !== 'PREVIEW' && (
            <ImportProgress
              processed={subscriptionImport.processedRowCount}
              total={subscriptionImport.validRowCount}
            />
          )}
          {status === 'COMPLETED' && (
            <Alert tone="success">{t('subscriptionImport.completed')}</Alert>
          )}
          {status === 'CANCELLED' && <Alert tone="info">{t('subscriptionImport.cancelled')}</Alert>}
          <FormErrorsAlert messages={actionErrors} />
          <div className="form__actions">
            {status === 'PREVIEW' && (
              <ActionButton
                label={t('subscriptionImport.start')}
                variant="primary"
                isAllowed={allowance.isAllowed && !startState.fetching}
                reason={allowance.reason}
                onClick={() => void act(start({ input: reference }), 'subscriptionImportStart')}
              />
            )}
            {!isFinished && (status === 'PREVIEW' || isRunning) && (
              <ActionButton
                label={t('subscriptionImport.cancel')}
                variant="danger"
                isAllowed={allowance.isAllowed && !cancelState.fetching}
                reason={allowance.reason}
                onClick={() =>
                  void act(
                    cancel({ input: { subscriptionImportId: subscriptionImport.id } }),
                    'subscriptionImportCancel',
                  )
                }
              />
            )}
            {reportHref && (
              <a
                className="sy-button sy-button--secondary"
                href={reportHref}
                download={`${subscriptionImport.fileName.replace(/\.csv$/i, '')}-report.csv`}
              >
                {t('subscriptionImport.report')}
              </a>
            )}
          </div>
        </Card>
        <Card
          title={t('subscriptionImport.rows.caption', { fileName: subscriptionImport.fileName })}
          actions={
            <div
              role="group"
              aria-label={t('subscriptionImport.column.outcome')}
              className="import-filter"
            >
              {(['all', 'problems'] as const).map((option) => (
                <Button
                  key={option}
                  variant={shownFilter === option ? 'primary' : 'ghost'}
                  aria-pressed={shownFilter === option}
                  onClick={() => setFilter(option)}
                >
                  {t(
                    option === 'all'
                      ? 'subscriptionImport.rows.all'
                      : 'subscriptionImport.rows.problems',
                  )}
                </Button>
              ))}
            </div>
          }
        >
          <ImportRowsTable
            caption={t('subscriptionImport.rows.caption', {
              fileName: subscriptionImport.fileName,
            })}
            rows={rows.nodes}
            isLoading={fetching}
          />
          {rows.totalCount > rows.nodes.length && (
            <p>
              {t('subscriptionImport.rows.more', {
                shown: rows.nodes.length,
                total: rows.totalCount,
              })}
            </p>
          )}
        </Card>
      </div>
    </div>
  );
}
