/** A customer's relationships with partners and the viewer's relationship requests, with their actions. */
import { Badge, Table } from '@switchyard/ui';
import type { TableColumn } from '@switchyard/ui';
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n/i18n';
import type { CustomerRelationship, CustomerRelationshipRequest } from '../queries';

export function RelationshipsSection({
  relationships,
  requests,
  renderRelationshipActions,
  renderRequestActions,
}: {
  relationships: readonly CustomerRelationship[];
  requests: readonly CustomerRelationshipRequest[];
  renderRelationshipActions: (relationship: CustomerRelationship) => ReactNode;
  renderRequestActions: (request: CustomerRelationshipRequest) => ReactNode;
}) {
  const { t, formatDate } = useI18n();
  const relationshipColumns: TableColumn<CustomerRelationship>[] = [
    {
      key: 'partner',
      header: t('relationship.column.partner'),
      isRowHeader: true,
      cell: (row) =>
        row.partner.isViewerPartner
          ? t('subscription.you', { name: row.partner.name })
          : row.partner.name,
    },
    {
      key: 'type',
      header: t('relationship.column.type'),
      cell: (row) => t(`relationshipType.${row.type}`),
    },
    {
      key: 'status',
      header: t('relationship.column.status'),
      cell: (row) => (
        <Badge tone={row.status === 'ACTIVE' ? 'success' : 'neutral'}>
          {t(`relationshipState.${row.status}`)}
        </Badge>
      ),
    },
    {
      key: 'since',
      header: t('relationship.column.since'),
      cell: (row) => formatDate(row.createdAt),
    },
    { key: 'actions', header: t('subscription.column.actions'), cell: renderRelationshipActions },
  ];
  const requestColumns: TableColumn<CustomerRelationshipRequest>[] = [
    {
      key: 'createdAt',
      header: t('relationshipRequest.column.sent'),
      isRowHeader: true,
      cell: (row) => formatDate(row.createdAt),
    },
    {
      key: 'status',
      header: t('relationship.column.status'),
      cell: (row) => (
        <Badge
          tone={
            row.status === 'PENDING' ? 'info' : row.status === 'ACCEPTED' ? 'success' : 'neutral'
          }
        >
          {t(`relationshipRequestStatus.${row.status}`)}
        </Badge>
      ),
    },
    {
      key: 'delegatedAdmin',
      header: t('relationshipRequest.column.delegatedAdmin'),
      cell: (row) => (row.isDelegatedAdminRequested ? t('app.yes') : t('app.no')),
    },
    {
      key: 'expiresAt',
      header: t('relationshipRequest.column.expires'),
      cell: (row) => formatDate(row.expiresAt),
    },
    { key: 'actions', header: t('subscription.column.actions'), cell: renderRequestActions },
  ];
  return (
    <>
      <Table
        caption={t('customer.relationships')}
        columns={relationshipColumns}
        rows={relationships}
        getRowKey={(row) => row.id}
        loadingLabel={t('customer.loading')}
        emptyMessage={t('customer.relationships.empty')}
      />
      <Table
        caption={t('customer.requests')}
        columns={requestColumns}
        rows={requests}
        getRowKey={(row) => row.id}
        loadingLabel={t('customer.loading')}
        emptyMessage={t('customer.requests.empty')}
      />
    </>
  );
}
