/** One customer (container): loads it by id; unknown and invisible ids read the same (NOT_FOUND). */
import { Alert, Button, Spinner } from '@switchyard/ui';
import { useQuery } from 'urql';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useI18n } from '../../../i18n/i18n';
import { CustomerDetailsPage } from '../components/customer-details-page';
import { CUSTOMER_SUBSCRIPTIONS_SHOWN, customerDetailsQuery } from '../queries';

export function CustomerDetailsView({ id }: { id: string }) {
  const { t } = useI18n();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: customerDetailsQuery,
    variables: { id, subscriptionsFirst: CUSTOMER_SUBSCRIPTIONS_SHOWN },
    requestPolicy: 'cache-and-network',
  });
  const customer = data?.customer;
  useDocumentTitle(customer?.companyName);

  if (customer) return <CustomerDetailsPage customer={customer} />;
  if (fetching) return <Spinner label={t('customer.loading')} isLabelVisible />;
  const isNotFound =
    data?.customer === null ||
    error?.graphQLErrors.some((graphQLError) => graphQLError.extensions.code === 'NOT_FOUND');
  if (isNotFound) return <Alert tone="warning" title={t('customer.notFound')} />;
  return (
    <Alert
      tone="danger"
      title={t('customer.loadFailed')}
      actions={
        <Button onClick={() => reexecute({ requestPolicy: 'network-only' })}>
          {t('app.retry')}
        </Button>
      }
    />
  );
}
