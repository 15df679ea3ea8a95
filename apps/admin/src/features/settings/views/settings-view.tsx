/**
 * Settings (container): users and their roles (invite, change role, disable) and API keys (created
 * once with the key shown a single time with a copy button; revoked), and the way to the webhooks
 * (../../webhooks/). Global admins only; other roles see why the actions are disabled.
 */
import { apiKeyCreateInputSchema, ROLES, userInviteInputSchema } from '@switchyard/domain';
import type { Role } from '@switchyard/domain';
import { Alert, Badge, Button, Card, Dialog, Select, Table, TextField } from '@switchyard/ui';
import { useState } from 'react';
import { useQuery } from 'urql';
import { ConnectionPagination } from '../../../app/connection-pagination';
import { pageVariables } from '../../../app/paging';
import { useMutationAllowance } from '../../../app/permissions';
import { Link, useLocation } from '../../../app/router';
import { CopyField } from '../../../components/copy-field';
import { ActionButton } from '../../../components/denied-action';
import { FormErrorsAlert } from '../../../components/form-errors-alert';
import { useFormMutation } from '../../../forms/use-form-mutation';
import { validateInput } from '../../../forms/validate-input';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useI18n } from '../../../i18n/i18n';
import { webhookListPath } from '../../webhooks/urls';
import { TableLoadFailed } from '../../../app/load-state';
import {
  apiKeyCreateMutation,
  apiKeyRevokeMutation,
  apiKeysQuery,
  userInviteMutation,
  userUpdateMutation,
  usersQuery,
} from '../queries';

const KEY_FIELDS = ['name', 'role'] as const;
const USER_FIELDS = ['name', 'email', 'role'] as const;

export function SettingsView() {
  const { t, formatDate } = useI18n();
  useDocumentTitle(t('settings.title'));
  const { searchParams } = useLocation();
  const [users, reexecuteUsers] = useQuery({
    query: usersQuery,
    variables: pageVariables(searchParams),
    requestPolicy: 'cache-and-network',
  });
  const [keys, reexecuteKeys] = useQuery({
    query: apiKeysQuery,
    requestPolicy: 'cache-and-network',
  });
  const allowKeys = useMutationAllowance('apiKeyCreate');
  const allowUsers = useMutationAllowance('userInvite');
  const [dialog, setDialog] = useState<'key' | 'user' | null>(null);
  const [keyValues, setKeyValues] = useState({ name: '', role: 'GLOBAL_ADMIN' });
  const [userValues, setUserValues] = useState({ name: '', email: '', role: 'ADMIN_AGENT' });
  const [secret, setSecret] = useState<string | null>(null);
  const createKey = useFormMutation(
    apiKeyCreateMutation,
    KEY_FIELDS,
    (d) => d.apiKeyCreate.userErrors,
  );
  const revokeKey = useFormMutation(apiKeyRevokeMutation, [], (d) => d.apiKeyRevoke.userErrors);
  const inviteUser = useFormMutation(
    userInviteMutation,
    USER_FIELDS,
    (d) => d.userInvite.userErrors,
  );
  const updateUser = useFormMutation(userUpdateMutation, [], (d) => d.userUpdate.userErrors);
  const roleOptions = ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }));

  async function submitKey() {
    const validation = validateInput(
      apiKeyCreateInputSchema,
      keyValues,
      { name: 'settings.apiKey.name.invalid', role: 'settings.role.invalid' },
      t,
    );
    if (!validation.ok) return createKey.setErrors(validation.errors);
    const result = await createKey.run({ input: validation.input });
    if (result.ok) {
      setSecret(result.data.apiKeyCreate.apiKey?.secret ?? '');
      reexecuteKeys({ requestPolicy: 'network-only' });
    }
  }
  async function submitUser() {
    const validation = validateInput(
      userInviteInputSchema,
      userValues,
      {
        name: 'settings.user.name.invalid',
        email: 'settings.user.email.invalid',
        role: 'settings.role.invalid',
      },
      t,
    );
    if (!validation.ok) return inviteUser.setErrors(validation.errors);
    if ((await inviteUser.run({ input: validation.input })).ok) {
      setDialog(null);
      reexecuteUsers({ requestPolicy: 'network-only' });
    }
  }
  const closeKeyDialog = () => {
    setDialog(null);
    setSecret(null);
    setKeyValues({ name: '', role: 'GLOBAL_ADMIN' });
  };

  return (
    <div className="page">
      <div className="page__header">
        <h1 className="page__title">{t('settings.title')}</h1>
      </div>
      <Card
        title={t('settings.webhooks')}
        actions={
          <Link className="sy-button sy-button--secondary" to={webhookListPath}>
            {t('settings.webhooks.open')}
          </Link>
        }
      >
        <p>{t('settings.webhooks.description')}</p>
      </Card>
      <Card
        title={t('settings.users')}
        actions={
          <ActionButton
            label={t('settings.user.invite')}
            isAllowed={allowUsers.isAllowed}
            reason={allowUsers.reason}
            onClick={() => setDialog('user')}
          />
        }
      >
        <FormErrorsAlert messages={updateUser.errors.form} />
        <Table
          caption={t('settings.users')}
          isCaptionHidden
          rows={users.data?.users.nodes}
          getRowKey={(row) => row.id}
          isLoading={users.fetching}
          loadingLabel={t('settings.loading')}
          emptyMessage={t('settings.users.empty')}
          error={
            users.error && !users.data ? (
              <TableLoadFailed
                message="settings.users.loadFailed"
                onRetry={() => reexecuteUsers({ requestPolicy: 'network-only' })}
              />
            ) : undefined
          }
          columns={[
            {
              key: 'name',
              header: t('settings.user.name'),
              isRowHeader: true,
              cell: (row) => row.name,
            },
            { key: 'email', header: t('settings.user.email'), cell: (row) => row.email },
            {
              key: 'role',
              header: t('settings.role'),
              cell: (row) =>
                allowUsers.isAllowed ? (
                  <Select
                    label={t('settings.user.roleOf', { name: row.name })}
                    className="inline-select"
                    value={row.role}
                    options={roleOptions}
                    onChange={(event) =>
                      void updateUser
                        .run({ input: { userId: row.id, role: event.target.value as Role } })
                        .then(() => reexecuteUsers({ requestPolicy: 'network-only' }))
                    }
                  />
                ) : (
                  t(`role.${row.role}`)
                ),
            },
            {
              key: 'status',
              header: t('settings.user.status'),
              cell: (row) => (
                <Badge tone={row.isDisabled ? 'neutral' : 'success'}>
                  {t(row.isDisabled ? 'settings.user.disabled' : 'settings.user.enabled')}
                </Badge>
              ),
            },
            {
              key: 'lastSignedInAt',
              header: t('settings.user.lastSignedIn'),
              cell: (row) =>
                row.lastSignedInAt ? formatDate(row.lastSignedInAt) : t('app.notAvailable'),
            },
          ]}
        />
        {users.data && (
          <ConnectionPagination
            label={t('settings.users.pages')}
            summary={t('settings.users.count', { count: users.data.users.totalCount })}
            pageInfo={users.data.users.pageInfo}
            isLoading={users.fetching}
          />
        )}
      </Card>
      <Card
        title={t('settings.apiKeys')}
        actions={
          <ActionButton
            label={t('settings.apiKey.create')}
            isAllowed={allowKeys.isAllowed}
            reason={allowKeys.reason}
            onClick={() => setDialog('key')}
          />
        }
      >
        <FormErrorsAlert messages={revokeKey.errors.form} />
        <Table
          caption={t('settings.apiKeys')}
          isCaptionHidden
          rows={keys.data?.apiKeys.nodes}
          getRowKey={(row) => row.id}
          isLoading={keys.fetching}
          loadingLabel={t('settings.loading')}
          emptyMessage={t('settings.apiKeys.empty')}
          error={
            keys.error && !keys.data ? (
              <TableLoadFailed
                message="settings.apiKeys.loadFailed"
                onRetry={() => reexecuteKeys({ requestPolicy: 'network-only' })}
              />
            ) : undefined
          }
          columns={[
            {
              key: 'name',
              header: t('settings.apiKey.name'),
              isRowHeader: true,
              cell: (row) => row.name,
            },
            {
              key: 'suffix',
              header: t('settings.apiKey.prefix'),
              cell: (row) => <code>{row.displayPrefix}…</code>,
            },
            { key: 'role', header: t('settings.role'), cell: (row) => t(`role.${row.role}`) },
            {
              key: 'createdAt',
              header: t('settings.apiKey.createdAt'),
              cell: (row) => formatDate(row.createdAt),
            },
            {
              key: 'lastUsedAt',
              header: t('settings.apiKey.lastUsedAt'),
              cell: (row) => (row.lastUsedAt ? formatDate(row.lastUsedAt) : t('app.notAvailable')),
            },
            {
              key: 'actions',
              header: t('subscription.column.actions'),
              cell: (row) =>
                row.revokedAt ? (
                  <Badge>
                    {t('settings.apiKey.revokedOn', { date: formatDate(row.revokedAt) })}
                  </Badge>
                ) : (
                  <ActionButton
                    label={t('settings.apiKey.revoke')}
                    variant="danger"
                    isAllowed={allowKeys.isAllowed}
                    reason={allowKeys.reason}
                    onClick={() =>
                      void revokeKey
                        .run({ input: { apiKeyId: row.id, expectedVersion: row.version } })
                        .then(() => reexecuteKeys({ requestPolicy: 'network-only' }))
                    }
                  />
                ),
            },
          ]}
        />
      </Card>
      {dialog === 'key' && (
        <Dialog
          isOpen
          title={t('settings.apiKey.create')}
          onClose={closeKeyDialog}
          closeLabel={t('dialog.close')}
          actions={
            secret === null ? (
              <>
                <Button onClick={closeKeyDialog}>{t('form.cancel')}</Button>
                <Button
                  variant="primary"
                  isLoading={createKey.isRunning}
                  onClick={() => void submitKey()}
                >
                  {t('settings.apiKey.create.submit')}
                </Button>
              </>
            ) : (
              <Button variant="primary" onClick={closeKeyDialog}>
                {t('dialog.done')}
              </Button>
            )
          }
        >
          {secret === null ? (
            <>
              <TextField
                label={t('settings.apiKey.name')}
                value={keyValues.name}
                onChange={(event) => setKeyValues({ ...keyValues, name: event.target.value })}
                error={createKey.errors.fields.name}
                required
              />
              <Select
                label={t('settings.role')}
                value={keyValues.role}
                options={roleOptions}
                onChange={(event) => setKeyValues({ ...keyValues, role: event.target.value })}
                error={createKey.errors.fields.role}
              />
              <FormErrorsAlert messages={createKey.errors.form} />
            </>
          ) : (
            <>
              <Alert tone="warning" title={t('settings.apiKey.shownOnce')} />
              <CopyField label={t('settings.apiKey.secret')} value={secret} />
            </>
          )}
        </Dialog>
      )}
      {dialog === 'user' && (
        <Dialog
          isOpen
          title={t('settings.user.invite')}
          onClose={() => setDialog(null)}
          closeLabel={t('dialog.close')}
          actions={
            <>
              <Button onClick={() => setDialog(null)}>{t('form.cancel')}</Button>
              <Button
                variant="primary"
                isLoading={inviteUser.isRunning}
                onClick={() => void submitUser()}
              >
                {t('settings.user.invite.submit')}
              </Button>
            </>
          }
        >
          <TextField
            label={t('settings.user.name')}
            value={userValues.name}
            onChange={(event) => setUserValues({ ...userValues, name: event.target.value })}
            error={inviteUser.errors.fields.name}
            required
          />
          <TextField
            label={t('settings.user.email')}
            type="email"
            value={userValues.email}
            onChange={(event) => setUserValues({ ...userValues, email: event.target.value })}
            error={inviteUser.errors.fields.email}
            required
          />
          <Select
            label={t('settings.role')}
            value={userValues.role}
            options={roleOptions}
            onChange={(event) => setUserValues({ ...userValues, role: event.target.value })}
            error={inviteUser.errors.fields.role}
          />
          <FormErrorsAlert messages={inviteUser.errors.form} />
        </Dialog>
      )}
    </div>
  );
}
