/**
 * The invitation page for the customer's administrator (public: the single-use token in the URL is
 * the key; no sign-in). Says who asks, for what (reseller relationship, delegated admin), and lets
 * them accept or decline with an optional reason. Its own GraphQL client: no partner session here.
 */
import { Alert, Button, Card, TextArea } from '@switchyard/ui';
import { useMemo, useState } from 'react';
import { Provider, useQuery } from 'urql';
import { createAdminClient } from '../../../app/client';
import { LocaleSwitcher } from '../../../app/locale-switcher';
import { LoadFailed, Loading } from '../../../app/load-state';
import { FormErrorsAlert } from '../../../components/form-errors-alert';
import { useFormMutation } from '../../../forms/use-form-mutation';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useI18n } from '../../../i18n/i18n';
import { invitationAcceptMutation, invitationDeclineMutation, invitationQuery } from '../queries';

export function InvitationView({ token }: { token: string }) {
  const client = useMemo(() => createAdminClient(), []);
  const { t } = useI18n();
  return (
    <Provider value={client}>
      <div className="public-page">
        <header className="public-page__header">
          <span className="public-page__brand">{t('app.name')}</span>
          <LocaleSwitcher />
        </header>
        <main className="public-page__main">
          <Invitation token={token} />
        </main>
      </div>
    </Provider>
  );
}

function Invitation({ token }: { token: string }) {
  const { t, formatDate } = useI18n();
  useDocumentTitle(t('invitation.title'));
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: invitationQuery,
    variables: { token },
  });
  const [reason, setReason] = useState('');
  const [answered, setAnswered] = useState<'ACCEPTED' | 'DECLINED' | null>(null);
  const accept = useFormMutation(
    invitationAcceptMutation,
    [],
    (d) => d.relationshipRequestAccept.userErrors,
  );
  const decline = useFormMutation(
    invitationDeclineMutation,
    ['reason'],
    (d) => d.relationshipRequestDecline.userErrors,
  );
  const invitation = data?.invitation;

  if (!invitation) {
    if (fetching) return <Loading label="invitation.loading" />;
    if (data) return <Alert tone="warning" title={t('invitation.notFound')} />;
    return error ? (
      <LoadFailed
        title="invitation.loadFailed"
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
      />
    ) : null;
  }
  const status = answered ?? invitation.status;
  return (
    <Card title={t('invitation.heading', { partner: invitation.partnerName })} headingLevel={2}>
      <h1 className="sy-visually-hidden">{t('invitation.title')}</h1>
      <p>
        {t(invitation.isDelegatedAdminRequested ? 'invitation.asksDelegated' : 'invitation.asks', {
          partner: invitation.partnerName,
          customer: invitation.customerCompanyName,
          domain: invitation.customerPrimaryDomain,
        })}
      </p>
      {invitation.indirectProviderName && (
        <p>{t('invitation.throughProvider', { provider: invitation.indirectProviderName })}</p>
      )}
      {invitation.message && (
        <blockquote className="invitation-message">{invitation.message}</blockquote>
      )}
      <p className="cell-muted">
        {t('invitation.expires', { date: formatDate(invitation.expiresAt) })}
      </p>
      {status === 'PENDING' ? (
        <>
          <TextArea
            label={t('invitation.declineReason')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={decline.errors.fields.reason}
          />
          <FormErrorsAlert messages={[...accept.errors.form, ...decline.errors.form]} />
          <div className="form__actions">
            <Button
              variant="primary"
              isLoading={accept.isRunning}
              onClick={() =>
                void accept
                  .run({ input: { token } })
                  .then((result) => result.ok && setAnswered('ACCEPTED'))
              }
            >
              {t('invitation.accept')}
            </Button>
            <Button
              variant="danger"
              isLoading={decline.isRunning}
              onClick={() =>
                void decline
                  .run({ input: { token, reason: reason.trim() || null } })
                  .then((result) => result.ok && setAnswered('DECLINED'))
              }
            >
              {t('invitation.decline')}
            </Button>
          </div>
        </>
      ) : (
        <Alert
          tone={status === 'ACCEPTED' ? 'success' : 'info'}
          title={t(`invitation.status.${status}`, { partner: invitation.partnerName })}
        />
      )}
    </Card>
  );
}
