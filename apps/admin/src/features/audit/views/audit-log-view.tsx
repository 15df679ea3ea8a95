/**
 * The audit log (container + page): filters (actor, operation, object id, from / to dates) live in
 * the URL; each event shows its before and after. Typing in a filter applies it once typing pauses.
 */
import { Table, TextField } from '@switchyard/ui';
import { useState } from 'react';
import { useQuery } from 'urql';
import { ConnectionPagination } from '../../../app/connection-pagination';
import { pageVariables, withFilter } from '../../../app/paging';
import { navigate, useLocation } from '../../../app/router';
import { useDebouncedCallback } from '../../../hooks/use-debounced-callback';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useI18n } from '../../../i18n/i18n';
import { auditEventsQuery } from '../queries';
import { TableLoadFailed } from '../../../app/load-state';

const FILTERS = ['actorId', 'operation', 'targetId', 'since', 'until'] as const;
type Filter = (typeof FILTERS)[number];

function toInstant(date: string | null, endOfDay: boolean): string | undefined {
  if (!date) return undefined;
  const instant = new Date(`${date}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}Z`);
  return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
}

export function AuditLogView() {
  const { t, formatDateTime } = useI18n();
  useDocumentTitle(t('audit.title'));
  const { pathname, searchParams } = useLocation();
  const [draft, setDraft] = useState<Record<Filter, string>>(
    () =>
      Object.fromEntries(FILTERS.map((name) => [name, searchParams.get(name) ?? ''])) as Record<
        Filter,
        string
      >,
  );
  const apply = useDebouncedCallback((name: Filter, value: string) => {
    navigate(
      withFilter(pathname, new URLSearchParams(window.location.search), name, value.trim()),
      { replace: true },
    );
  }, 300);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: auditEventsQuery,
    variables: {
      ...pageVariables(searchParams),
      actorId: searchParams.get('actorId') || undefined,
      operation: searchParams.get('operation') || undefined,
      targetId: searchParams.get('targetId') || undefined,
      since: toInstant(searchParams.get('since'), false),
      until: toInstant(searchParams.get('until'), true),
    },
    requestPolicy: 'cache-and-network',
  });
  const events = data?.auditEvents;
  const json = (value: unknown) =>
    value === null || value === undefined ? t('app.notAvailable') : JSON.stringify(value, null, 2);

  return (
    <div className="page">
      <div className="page__header">
        <h1 className="page__title">{t('audit.title')}</h1>
      </div>
      <div role="search" className="page__filters">
        {FILTERS.map((name) => (
          <TextField
            key={name}
            label={t(`audit.filter.${name}`)}
            type={name === 'since' || name === 'until' ? 'date' : 'text'}
            value={draft[name]}
            onChange={(event) => {
              setDraft((current) => ({ ...current, [name]: event.target.value }));
              apply(name, event.target.value);
            }}
          />
        ))}
      </div>
      <Table
        caption={t('audit.title')}
        isCaptionHidden
        rows={events?.nodes}
        getRowKey={(row) => row.id}
        isLoading={fetching}
        loadingLabel={t('audit.loading')}
        emptyMessage={t('audit.empty')}
        error={
          error && !data ? (
            <TableLoadFailed
              message="audit.loadFailed"
              onRetry={() => reexecute({ requestPolicy: 'network-only' })}
            />
          ) : undefined
        }
        columns={[
          {
            key: 'time',
            header: t('audit.column.time'),
            isRowHeader: true,
            cell: (row) => <time dateTime={row.occurredAt}>{formatDateTime(row.occurredAt)}</time>,
          },
          {
            key: 'actor',
            header: t('audit.column.actor'),
            cell: (row) => row.actorLabel || t(`actorType.${row.actorType}`),
          },
          {
            key: 'operation',
            header: t('audit.column.operation'),
            cell: (row) => <code>{row.operation}</code>,
          },
          {
            key: 'targets',
            header: t('audit.column.objects'),
            cell: (row) => <code className="wrap">{row.targetIds.join(', ')}</code>,
          },
          {
            key: 'change',
            header: t('audit.column.change'),
            cell: (row) => (
              <details>
                <summary>{t('audit.showChange')}</summary>
                <div className="diff">
                  <div>
                    <p className="diff__title">{t('audit.before')}</p>
                    <pre>{json(row.before)}</pre>
                  </div>
                  <div>
                    <p className="diff__title">{t('audit.after')}</p>
                    <pre>{json(row.after)}</pre>
                  </div>
                </div>
              </details>
            ),
          },
        ]}
      />
      {events && (
        <ConnectionPagination
          label={t('audit.pages')}
          summary={t('audit.count', { count: events.totalCount })}
          pageInfo={events.pageInfo}
          isLoading={fetching}
        />
      )}
    </div>
  );
}
