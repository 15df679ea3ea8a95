/**
 * Partners (container): the partners the viewer can see (its own organisation and linked ones, from
 * the API's `partners`), and its indirect links with their actions — the provider invites by partner
 * number, the reseller accepts, the provider suspends, reactivates or revokes.
 */
import { indirectLinkInviteInputSchema } from '@switchyard/domain';
import { Badge, Button, Card, Dialog, Table, TextField } from '@switchyard/ui';
import { useState } from 'react';
import { useQuery } from 'urql';
import { ConnectionPagination } from '../../../app/connection-pagination';
import { pageVariables } from '../../../app/paging';
import { useMutationAllowance } from '../../../app/permissions';
import { useLocation } from '../../../app/router';
import { useSession } from '../../../app/session';
import { ActionButton } from '../../../components/denied-action';
import { FormErrorsAlert } from '../../../components/form-errors-alert';
import { useFormMutation } from '../../../forms/use-form-mutation';
import { validateInput } from '../../../forms/validate-input';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useI18n } from '../../../i18n/i18n';
import {
  indirectLinkAcceptMutation,
  indirectLinkInviteMutation,
  indirectLinkUpdateMutation,
  indirectLinksQuery,
  partnerListQuery,
} from '../queries';
import type { IndirectLinkItem } from '../queries';
import { TableLoadFailed } from '../../../app/load-state';

const FIELDS = ['resellerPartnerNumber', 'message'] as const;

export function PartnersView() {
  const { t, formatDate } = useI18n();
  useDocumentTitle(t('partners.title'));
  const { viewer } = useSession();
  const { searchParams } = useLocation();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: partnerListQuery,
    variables: pageVariables(searchParams),
    requestPolicy: 'cache-and-network',
  });
  const [links, reexecuteLinks] = useQuery({
    query: indirectLinksQuery,
    requestPolicy: 'cache-and-network',
  });
  const allow = useMutationAllowance('indirectLinkInvite');
  const [isInviting, setIsInviting] = useState(false);
  const [partnerNumber, setPartnerNumber] = useState('');
  const invite = useFormMutation(
    indirectLinkInviteMutation,
    FIELDS,
    (d) => d.indirectLinkInvite.userErrors,
  );
  const acceptLink = useFormMutation(
    indirectLinkAcceptMutation,
    [],
    (d) => d.indirectLinkAccept.userErrors,
  );
  const updateLink = useFormMutation(
    indirectLinkUpdateMutation,
    [],
    (d) => d.indirectLinkUpdate.userErrors,
  );
  const refreshLinks = () => reexecuteLinks({ requestPolicy: 'network-only' });

  async function submitInvite() {
    const validation = validateInput(
      indirectLinkInviteInputSchema,
      { resellerPartnerNumber: partnerNumber },
      {
        resellerPartnerNumber: 'partners.invite.partnerNumber.invalid',
        message: 'partners.invite.partnerNumber.invalid',
      },
      t,
    );
    if (!validation.ok) return invite.setErrors(validation.errors);
    if (
      (
        await invite.run({
          input: { resellerPartnerNumber: validation.input.resellerPartnerNumber },
        })
      ).ok
    ) {
      setIsInviting(false);
      refreshLinks();
    }
  }
  async function change(run: Promise<{ ok: boolean }>) {
    if ((await run).ok) refreshLinks();
  }

  const linkActions = (link: IndirectLinkItem) => {
    const isProvider = link.provider.isViewerPartner;
    const reference = { indirectLinkId: link.id, expectedVersion: link.version };
    const button = (
      label: string,
      onClick: () => void,
      variant: 'secondary' | 'danger' = 'secondary',
    ) => (
      <ActionButton
        key={label}
        label={label}
        variant={variant}
        isAllowed={allow.isAllowed}
        reason={allow.reason}
        onClick={onClick}
      />
    );
    const buttons = [];
    if (link.status === 'INVITED' && !isProvider)
      buttons.push(
        button(t('indirectLink.accept'), () => void change(acceptLink.run({ input: reference }))),
      );
    if (link.status === 'ACTIVE' && isProvider)
      buttons.push(
        button(
          t('indirectLink.suspend'),
          () => void change(updateLink.run({ input: { ...reference, status: 'SUSPENDED' } })),
        ),
      );
    if (link.status === 'SUSPENDED' && isProvider)
      buttons.push(
        button(
          t('indirectLink.reactivate'),
          () => void change(updateLink.run({ input: { ...reference, status: 'ACTIVE' } })),
        ),
      );
    if (link.status !== 'REVOKED' && isProvider)
      buttons.push(
        button(
          t('indirectLink.revoke'),
          () => void change(updateLink.run({ input: { ...reference, status: 'REVOKED' } })),
          'danger',
        ),
      );
    return <div className="row-actions">{buttons}</div>;
  };

  return (
    <div className="page">
      <div className="page__header">
        <h1 className="page__title">{t('partners.title')}</h1>
      </div>
      <Card title={t('partners.list')}>
        <Table
          caption={t('partners.list')}
          isCaptionHidden
          rows={data?.partners.nodes}
          getRowKey={(row) => row.id}
          isLoading={fetching}
          loadingLabel={t('partners.loading')}
          emptyMessage={t('partners.empty')}
          error={
            error && !data ? (
              <TableLoadFailed
                message="partners.loadFailed"
                onRetry={() => reexecute({ requestPolicy: 'network-only' })}
              />
            ) : undefined
          }
          columns={[
            {
              key: 'name',
              header: t('partners.column.name'),
              isRowHeader: true,
              cell: (row) =>
                row.isViewerPartner ? t('subscription.you', { name: row.name }) : row.name,
            },
            {
              key: 'kind',
              header: t('partners.column.kind'),
              cell: (row) => t(`partnerKind.${row.kind}`),
            },
            {
              key: 'number',
              header: t('partners.column.partnerNumber'),
              cell: (row) => row.partnerNumber,
            },
            {
              key: 'cloud',
              header: t('customers.column.cloud'),
              cell: (row) => t(`cloud.${row.cloud}`),
            },
            { key: 'domain', header: t('partners.column.domain'), cell: (row) => row.domain },
          ]}
        />
        {data && (
          <ConnectionPagination
            label={t('partners.pages')}
            summary={t('partners.count', { count: data.partners.totalCount })}
            pageInfo={data.partners.pageInfo}
            isLoading={fetching}
          />
        )}
      </Card>
      <Card
        title={t('partners.links')}
        actions={
          viewer.partner.kind === 'INDIRECT_PROVIDER' ? (
            <ActionButton
              label={t('partners.invite')}
              isAllowed={allow.isAllowed}
              reason={allow.reason}
              onClick={() => setIsInviting(true)}
            />
          ) : undefined
        }
      >
        <FormErrorsAlert messages={[...acceptLink.errors.form, ...updateLink.errors.form]} />
        <Table
          caption={t('partners.links')}
          isCaptionHidden
          rows={links.data?.indirectLinks.nodes}
          getRowKey={(row) => row.id}
          isLoading={links.fetching}
          loadingLabel={t('partners.loading')}
          emptyMessage={t('partners.links.empty')}
          error={
            links.error && !links.data ? (
              <>
                <p>{t('partners.links.loadFailed')}</p>
                <Button onClick={refreshLinks}>{t('app.retry')}</Button>
              </>
            ) : undefined
          }
          columns={[
            {
              key: 'provider',
              header: t('indirectLink.column.provider'),
              isRowHeader: true,
              cell: (row) => row.provider.name,
            },
            {
              key: 'reseller',
              header: t('indirectLink.column.reseller'),
              cell: (row) => row.reseller.name,
            },
            {
              key: 'status',
              header: t('indirectLink.column.status'),
              cell: (row) => (
                <Badge
                  tone={
                    row.status === 'ACTIVE'
                      ? 'success'
                      : row.status === 'INVITED'
                        ? 'info'
                        : 'neutral'
                  }
                >
                  {t(`indirectLinkStatus.${row.status}`)}
                </Badge>
              ),
            },
            {
              key: 'since',
              header: t('relationship.column.since'),
              cell: (row) => formatDate(row.createdAt),
            },
            { key: 'actions', header: t('subscription.column.actions'), cell: linkActions },
          ]}
        />
      </Card>
      {isInviting && (
        <Dialog
          isOpen
          title={t('partners.invite')}
          onClose={() => setIsInviting(false)}
          closeLabel={t('dialog.close')}
          actions={
            <>
              <Button onClick={() => setIsInviting(false)}>{t('form.cancel')}</Button>
              <Button
                variant="primary"
                isLoading={invite.isRunning}
                onClick={() => void submitInvite()}
              >
                {t('partners.invite.submit')}
              </Button>
            </>
          }
        >
          <TextField
            label={t('partners.invite.partnerNumber')}
            description={t('partners.invite.partnerNumber.description')}
            value={partnerNumber}
            inputMode="numeric"
            onChange={(event) => setPartnerNumber(event.target.value)}
            error={invite.errors.fields.resellerPartnerNumber}
          />
          <FormErrorsAlert messages={invite.errors.form} />
        </Dialog>
      )}
    </div>
  );
}
