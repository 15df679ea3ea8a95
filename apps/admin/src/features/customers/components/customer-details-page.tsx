/** One customer (presentational): the profile, relationships and requests, then its subscriptions by channel. */
import { Card } from '@switchyard/ui';
import type { ReactNode } from 'react';
import { Link } from '../../../app/router';
import { useI18n } from '../../../i18n/i18n';
import type { CustomerDetails } from '../queries';
import { customerListPath } from '../urls';
import { RelationshipStatusBadge } from './relationship-status-badge';

export function CustomerDetailsPage({
  customer,
  relationshipsActions,
  relationships,
  subscriptionsActions,
  subscriptions,
}: {
  customer: CustomerDetails;
  /** Buttons beside the relationships title (send a request). */
  relationshipsActions?: ReactNode;
  relationships?: ReactNode;
  /** Buttons beside the subscriptions title (buy, register, transfer). */
  subscriptionsActions?: ReactNode;
  subscriptions: ReactNode;
}) {
  const { t, formatCountry } = useI18n();
  return (
    <div className="page">
      <p className="page__back">
        <Link to={customerListPath}>
          <span aria-hidden="true">← </span>
          {t('customer.back')}
        </Link>
      </p>
      <div className="page__header">
        <h1 className="page__title">{customer.companyName}</h1>
      </div>
      <div className="page__sections">
        <Card title={t('customer.profile')}>
          <dl className="properties">
            <div>
              <dt>{t('customer.field.primaryDomain')}</dt>
              <dd>{customer.primaryDomain}</dd>
            </div>
            <div>
              <dt>{t('customer.field.country')}</dt>
              <dd>{formatCountry(customer.country)}</dd>
            </div>
            <div>
              <dt>{t('customer.field.cloud')}</dt>
              <dd>{t(`cloud.${customer.cloud}`)}</dd>
            </div>
            <div>
              <dt>{t('customer.field.relationship')}</dt>
              <dd>
                <RelationshipStatusBadge status={customer.relationshipStatus} />
              </dd>
            </div>
            <div>
              <dt>{t('customer.field.isPartnerTenant')}</dt>
              <dd>{customer.isPartnerTenant ? t('app.yes') : t('app.no')}</dd>
            </div>
          </dl>
        </Card>
        {relationships !== undefined && (
          <Card title={t('customer.relationshipsAndRequests')} actions={relationshipsActions}>
            {relationships}
          </Card>
        )}
        <Card title={t('customer.subscriptions')} actions={subscriptionsActions}>
          {subscriptions}
        </Card>
      </div>
    </div>
  );
}
