/** Channels (container + table): each channel's rules and how many subscriptions came through it, linking to the customers. */
import { Table } from '@switchyard/ui';
import { useQuery } from 'urql';
import type { ResultOf } from '../../../graphql';
import { Link } from '../../../app/router';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useI18n } from '../../../i18n/i18n';
import { customerListUrl } from '../../customers/urls';
import { channelsQuery } from '../queries';
import { TableLoadFailed } from '../../../app/load-state';

type ChannelRow = ResultOf<typeof channelsQuery>['channels'][number];

export function ChannelsView() {
  const { t, formatNumber } = useI18n();
  useDocumentTitle(t('channels.title'));
  const [{ data, fetching, error }, reexecute] = useQuery({ query: channelsQuery });
  const path = (kind: ChannelRow['licenseBasedPath']) =>
    kind ? t(`transferKind.${kind}`) : t('channels.noPath');
  return (
    <div className="page">
      <div className="page__header">
        <h1 className="page__title">{t('channels.title')}</h1>
      </div>
      <p>{t('channels.intro')}</p>
      <Table
        caption={t('channels.title')}
        isCaptionHidden
        rows={data?.channels}
        getRowKey={(row) => row.channel}
        isLoading={fetching}
        loadingLabel={t('channels.loading')}
        emptyMessage={t('channels.empty')}
        error={
          error && !data ? (
            <TableLoadFailed
              message="channels.loadFailed"
              onRetry={() => reexecute({ requestPolicy: 'network-only' })}
            />
          ) : undefined
        }
        columns={[
          {
            key: 'channel',
            header: t('channels.column.channel'),
            isRowHeader: true,
            cell: (row) => t(`channel.${row.channel}`),
          },
          {
            key: 'multi',
            header: t('channels.column.multiChannel'),
            cell: (row) => (row.isMultiChannelSource ? t('app.yes') : t('app.no')),
          },
          {
            key: 'license',
            header: t('channels.column.licenseBased'),
            cell: (row) => path(row.licenseBasedPath),
          },
          {
            key: 'usage',
            header: t('channels.column.usageBased'),
            cell: (row) => path(row.usageBasedPath),
          },
          {
            key: 'count',
            header: t('channels.column.subscriptions'),
            align: 'end',
            cell: (row) => (
              <Link to={customerListUrl({ channel: row.channel })}>
                {formatNumber(row.subscriptionCount)}
              </Link>
            ),
          },
        ]}
      />
    </div>
  );
}
