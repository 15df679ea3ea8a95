/**
 * One customer (container): loads it by id (unknown and invisible ids read the same: NOT_FOUND),
 * and owns its actions: relationship requests (send, revoke), terminating a relationship, adding
 * subscriptions (buy, register) and changing them. Each action is offered as the role allows
 * (domain MUTATION_PERMISSIONS) and as the subscription's state allows.
 */
import { Alert } from '@switchyard/ui';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { isNotFoundError, LoadFailed, Loading } from '../../../app/load-state';
import { useMutationAllowance } from '../../../app/permissions';
import { Link } from '../../../app/router';
import { ActionButton } from '../../../components/denied-action';
import { ExportLink } from '../../../components/export-link';
import { FormErrorsAlert } from '../../../components/form-errors-alert';
import { mapUserErrors, transportErrors } from '../../../forms/user-errors';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useI18n } from '../../../i18n/i18n';
import { CustomerDetailsPage } from '../components/customer-details-page';
import { CustomerSubscriptionList } from '../components/customer-subscription-list';
import { RelationshipsSection } from '../components/relationships-section';
import { relationshipRequestRevokeMutation, relationshipTerminateMutation } from '../mutations';
import { CUSTOMER_SUBSCRIPTIONS_SHOWN, customerDetailsQuery } from '../queries';
import type { CustomerSubscription } from '../queries';
import { subscriptionImportNewUrl } from '../../subscription-imports/urls';
import { customerTransferUrl } from '../urls';
import { RequestRelationshipDialog } from './request-relationship-dialog';
import { SubscriptionActionDialog } from './subscription-action-dialog';
import type { SubscriptionAction } from './subscription-action-dialog';
import { SubscriptionFormDialog } from './subscription-form-dialog';

type OpenDialog =
  | { kind: 'request' }
  | { kind: 'buy' | 'register' }
  | { kind: 'subscription'; action: SubscriptionAction; subscription: CustomerSubscription }
  | null;

const MULTI_CHANNEL_SOURCES = new Set(['DIRECT', 'ADVISOR', 'OPEN', 'EA', 'THIRD_PARTY']);

export function CustomerDetailsView({ id }: { id: string }) {
  const { t } = useI18n();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: customerDetailsQuery,
    variables: { id, subscriptionsFirst: CUSTOMER_SUBSCRIPTIONS_SHOWN },
    requestPolicy: 'cache-and-network',
  });
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [actionErrors, setActionErrors] = useState<string[]>([]);
  const [, revokeRequest] = useMutation(relationshipRequestRevokeMutation);
  const [, terminateRelationship] = useMutation(relationshipTerminateMutation);
  const allow = {
    request: useMutationAllowance('relationshipRequestCreate'),
    revoke: useMutationAllowance('relationshipRequestRevoke'),
    terminate: useMutationAllowance('relationshipTerminate'),
    buy: useMutationAllowance('subscriptionCreate'),
    register: useMutationAllowance('subscriptionRegisterExternal'),
    manage: useMutationAllowance('subscriptionManage'),
    update: useMutationAllowance('subscriptionUpdate'),
    suspend: useMutationAllowance('subscriptionSuspend'),
    cancel: useMutationAllowance('subscriptionCancel'),
    transfer: useMutationAllowance('transferCreate'),
  };
  const customer = data?.customer;
  useDocumentTitle(customer?.companyName);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const done = () => {
    setDialog(null);
    refresh();
  };

  if (!customer) {
    if (fetching) return <Loading label="customer.loading" />;
    if (data?.customer === null || isNotFoundError(error))
      return <Alert tone="warning" title={t('customer.notFound')} />;
    return <LoadFailed title="customer.loadFailed" onRetry={refresh} />;
  }

  async function answer(
    result: Promise<{ data?: unknown; error?: Parameters<typeof transportErrors>[0] }>,
    userErrorsOf: (
      data: never,
    ) => readonly { code: string; message: string; field?: readonly string[] | null }[],
  ) {
    setActionErrors([]);
    const outcome = await result;
    if (outcome.error && !outcome.data)
      return setActionErrors(transportErrors(outcome.error, t).form);
    const errors = userErrorsOf(outcome.data as never);
    if (errors.length > 0) return setActionErrors(mapUserErrors(errors, [], t).form);
    refresh();
  }

  const subscriptionButton = (
    subscription: CustomerSubscription,
    action: SubscriptionAction,
    allowance: { isAllowed: boolean; reason: string | undefined },
  ) => (
    <ActionButton
      key={action}
      label={t(`subscriptionAction.${action}`)}
      isAllowed={allowance.isAllowed}
      reason={allowance.reason}
      variant={action === 'cancel' || action === 'cancelService' ? 'danger' : 'secondary'}
      onClick={() => setDialog({ kind: 'subscription', action, subscription })}
    />
  );

  const renderActions = (subscription: CustomerSubscription) => {
    const isOpen = subscription.status === 'ACTIVE' || subscription.status === 'SUSPENDED';
    if (!isOpen) return null;
    const isManagedByViewer = subscription.managingPartner?.isViewerPartner ?? false;
    const buttons = [];
    if (
      subscription.status === 'ACTIVE' &&
      MULTI_CHANNEL_SOURCES.has(subscription.channel) &&
      !isManagedByViewer
    )
      buttons.push(subscriptionButton(subscription, 'manage', allow.manage));
    if (
      subscription.status === 'ACTIVE' &&
      subscription.billingModel === 'LICENSE_BASED' &&
      isManagedByViewer
    )
      buttons.push(subscriptionButton(subscription, 'changeSeats', allow.update));
    if (subscription.status === 'ACTIVE' && isManagedByViewer)
      buttons.push(subscriptionButton(subscription, 'suspend', allow.suspend));
    if (subscription.status === 'SUSPENDED' && isManagedByViewer)
      buttons.push(subscriptionButton(subscription, 'reactivate', allow.suspend));
    if (isManagedByViewer) buttons.push(subscriptionButton(subscription, 'cancel', allow.cancel));
    if (
      isManagedByViewer &&
      subscription.billingModel === 'USAGE_BASED' &&
      subscription.services.some((service) => service.status === 'ACTIVE')
    )
      buttons.push(subscriptionButton(subscription, 'cancelService', allow.cancel));
    if (subscription.status === 'ACTIVE' && !(subscription.seller?.isViewerPartner ?? false)) {
      buttons.push(
        allow.transfer.isAllowed ? (
          <Link
            key="transfer"
            className="sy-button sy-button--secondary"
            to={customerTransferUrl(customer.id, subscription.id)}
          >
            {t('subscriptionAction.transfer')}
          </Link>
        ) : (
          <ActionButton
            key="transfer"
            label={t('subscriptionAction.transfer')}
            isAllowed={false}
            reason={allow.transfer.reason}
            onClick={() => {}}
          />
        ),
      );
    }
    return buttons;
  };

  return (
    <>
      <FormErrorsAlert messages={actionErrors} />
      <CustomerDetailsPage
        customer={customer}
        relationshipsActions={
          <ActionButton
            label={t('relationshipRequest.create')}
            isAllowed={allow.request.isAllowed}
            reason={allow.request.reason}
            onClick={() => setDialog({ kind: 'request' })}
          />
        }
        relationships={
          <RelationshipsSection
            relationships={customer.relationships}
            requests={customer.relationshipRequests.nodes}
            renderRelationshipActions={(relationship) =>
              relationship.status === 'ACTIVE' && relationship.partner.isViewerPartner ? (
                <ActionButton
                  label={t('relationship.terminate')}
                  variant="danger"
                  isAllowed={allow.terminate.isAllowed}
                  reason={allow.terminate.reason}
                  onClick={() =>
                    void answer(
                      terminateRelationship({
                        input: {
                          relationshipId: relationship.id,
                          expectedVersion: relationship.version,
                        },
                      }),
                      (d: { relationshipTerminate: { userErrors: [] } }) =>
                        d.relationshipTerminate.userErrors,
                    )
                  }
                />
              ) : null
            }
            renderRequestActions={(request) =>
              request.status === 'PENDING' && request.partner.isViewerPartner ? (
                <ActionButton
                  label={t('relationshipRequest.revoke')}
                  isAllowed={allow.revoke.isAllowed}
                  reason={allow.revoke.reason}
                  onClick={() =>
                    void answer(
                      revokeRequest({
                        input: { requestId: request.id, expectedVersion: request.version },
                      }),
                      (d: { relationshipRequestRevoke: { userErrors: [] } }) =>
                        d.relationshipRequestRevoke.userErrors,
                    )
                  }
                />
              ) : null
            }
          />
        }
        subscriptionsActions={
          <>
            <ActionButton
              label={t('subscriptionForm.buy')}
              isAllowed={allow.buy.isAllowed}
              reason={allow.buy.reason}
              onClick={() => setDialog({ kind: 'buy' })}
            />
            <ActionButton
              label={t('subscriptionForm.register')}
              isAllowed={allow.register.isAllowed}
              reason={allow.register.reason}
              onClick={() => setDialog({ kind: 'register' })}
            />
            {allow.register.isAllowed && (
              <Link
                className="sy-button sy-button--secondary"
                to={subscriptionImportNewUrl(customer.id)}
              >
                {t('subscriptionImport.action')}
              </Link>
            )}
            {allow.transfer.isAllowed && (
              <Link className="sy-button sy-button--primary" to={customerTransferUrl(customer.id)}>
                {t('transferWizard.start')}
              </Link>
            )}
            {customer.subscriptions.totalCount > 0 && (
              <ExportLink list="subscriptions" filters={{ customerId: customer.id }} />
            )}
          </>
        }
        subscriptions={
          <CustomerSubscriptionList customer={customer} renderActions={renderActions} />
        }
      />
      {dialog?.kind === 'request' && (
        <RequestRelationshipDialog
          customerId={customer.id}
          onClose={() => setDialog(null)}
          onSent={refresh}
        />
      )}
      {(dialog?.kind === 'buy' || dialog?.kind === 'register') && (
        <SubscriptionFormDialog
          mode={dialog.kind}
          customerId={customer.id}
          onClose={() => setDialog(null)}
          onDone={done}
        />
      )}
      {dialog?.kind === 'subscription' && (
        <SubscriptionActionDialog
          action={dialog.action}
          subscription={dialog.subscription}
          onClose={() => setDialog(null)}
          onDone={done}
        />
      )}
      {fetching && (
        <span className="sy-visually-hidden" role="status">
          {t('customer.loading')}
        </span>
      )}
    </>
  );
}
