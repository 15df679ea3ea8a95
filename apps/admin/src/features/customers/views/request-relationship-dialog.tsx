/**
 * Send a reseller relationship request (container). Once sent, the dialog shows the invitation link
 * to give the customer's administrator, with a copy button (the link is also on the customer page
 * while the request is pending).
 */
import { Button, Checkbox, Dialog, TextArea } from '@switchyard/ui';
import { useState } from 'react';
import { CopyField } from '../../../components/copy-field';
import { FormErrorsAlert } from '../../../components/form-errors-alert';
import { useFormMutation } from '../../../forms/use-form-mutation';
import { useI18n } from '../../../i18n/i18n';
import { relationshipRequestCreateMutation } from '../mutations';

const FIELDS = ['delegatedAdmin', 'message'] as const;

export function RequestRelationshipDialog({
  customerId,
  onClose,
  onSent,
}: {
  customerId: string;
  onClose: () => void;
  onSent: () => void;
}) {
  const { t } = useI18n();
  const [delegatedAdmin, setDelegatedAdmin] = useState(false);
  const [message, setMessage] = useState('');
  const [invitationUrl, setInvitationUrl] = useState<string | null>(null);
  const { run, isRunning, errors } = useFormMutation(
    relationshipRequestCreateMutation,
    FIELDS,
    (data) => data.relationshipRequestCreate.userErrors,
  );

  async function submit() {
    const result = await run({
      input: { customerId, delegatedAdmin, message: message.trim() || null },
    });
    if (result.ok) {
      setInvitationUrl(result.data.relationshipRequestCreate.invitationUrl ?? '');
      onSent();
    }
  }

  return (
    <Dialog
      isOpen
      title={t('relationshipRequest.create.title')}
      onClose={onClose}
      closeLabel={t('dialog.close')}
      actions={
        invitationUrl === null ? (
          <>
            <Button onClick={onClose}>{t('form.cancel')}</Button>
            <Button variant="primary" isLoading={isRunning} onClick={() => void submit()}>
              {t('relationshipRequest.create.submit')}
            </Button>
          </>
        ) : (
          <Button variant="primary" onClick={onClose}>
            {t('dialog.done')}
          </Button>
        )
      }
    >
      {invitationUrl === null ? (
        <>
          <p>{t('relationshipRequest.create.body')}</p>
          <Checkbox
            label={t('relationshipRequest.delegatedAdmin')}
            description={t('relationshipRequest.delegatedAdmin.description')}
            checked={delegatedAdmin}
            onChange={(event) => setDelegatedAdmin(event.target.checked)}
          />
          <TextArea
            label={t('relationshipRequest.message')}
            value={message}
            onChange={(event) => setMessage(event.target.value)}
            error={errors.fields.message}
          />
          <FormErrorsAlert messages={errors.form} />
        </>
      ) : (
        <>
          <p role="status">{t('relationshipRequest.create.sent')}</p>
          <CopyField label={t('relationshipRequest.invitationUrl')} value={invitationUrl} />
        </>
      )}
    </Dialog>
  );
}
