/**
 * One change of one subscription (container): take over management, change seats, suspend,
 * reactivate, cancel it, or cancel one of its services. Each sends the subscription's `version`
 * (`expectedVersion`), so a change made meanwhile by someone else is refused, not overwritten.
 */
import { quantitySchema } from '@switchyard/domain';
import { Button, Dialog, Select, TextArea, TextField } from '@switchyard/ui';
import { useState } from 'react';
import { FormErrorsAlert } from '../../../components/form-errors-alert';
import { useFormMutation } from '../../../forms/use-form-mutation';
import { useI18n } from '../../../i18n/i18n';
import {
  subscriptionCancelMutation,
  subscriptionManageMutation,
  subscriptionReactivateMutation,
  subscriptionServiceCancelMutation,
  subscriptionSuspendMutation,
  subscriptionUpdateMutation,
} from '../mutations';
import type { CustomerSubscription } from '../queries';

export type SubscriptionAction =
  'manage' | 'changeSeats' | 'suspend' | 'reactivate' | 'cancel' | 'cancelService';

const FIELDS = ['quantity', 'reason', 'serviceId'] as const;

export function SubscriptionActionDialog({
  action,
  subscription,
  onClose,
  onDone,
}: {
  action: SubscriptionAction;
  subscription: CustomerSubscription;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [quantity, setQuantity] = useState(String(subscription.quantity ?? ''));
  const [reason, setReason] = useState('');
  const activeServices = subscription.services.filter((service) => service.status === 'ACTIVE');
  const [serviceId, setServiceId] = useState(activeServices[0]?.id ?? '');
  const reference = { subscriptionId: subscription.id, expectedVersion: subscription.version };

  const manage = useFormMutation(
    subscriptionManageMutation,
    FIELDS,
    (d) => d.subscriptionManage.userErrors,
  );
  const update = useFormMutation(
    subscriptionUpdateMutation,
    FIELDS,
    (d) => d.subscriptionUpdate.userErrors,
  );
  const suspend = useFormMutation(
    subscriptionSuspendMutation,
    FIELDS,
    (d) => d.subscriptionSuspend.userErrors,
  );
  const reactivate = useFormMutation(
    subscriptionReactivateMutation,
    FIELDS,
    (d) => d.subscriptionReactivate.userErrors,
  );
  const cancel = useFormMutation(
    subscriptionCancelMutation,
    FIELDS,
    (d) => d.subscriptionCancel.userErrors,
  );
  const cancelService = useFormMutation(
    subscriptionServiceCancelMutation,
    FIELDS,
    (d) => d.subscriptionServiceCancel.userErrors,
  );
  const current = { manage, changeSeats: update, suspend, reactivate, cancel, cancelService }[
    action
  ];

  async function submit() {
    let ok = false;
    switch (action) {
      case 'manage':
        ok = (await manage.run({ input: reference })).ok;
        break;
      case 'changeSeats': {
        const parsed = quantitySchema.safeParse(Number(quantity));
        if (quantity.trim() === '' || !parsed.success) {
          update.setErrors({
            fields: { quantity: t('subscriptionAction.quantity.invalid') },
            form: [],
          });
          return;
        }
        ok = (await update.run({ input: { ...reference, quantity: parsed.data } })).ok;
        break;
      }
      case 'suspend':
        ok = (await suspend.run({ input: { ...reference, reason: reason.trim() || null } })).ok;
        break;
      case 'reactivate':
        ok = (await reactivate.run({ input: reference })).ok;
        break;
      case 'cancel':
        ok = (await cancel.run({ input: { ...reference, reason: reason.trim() || null } })).ok;
        break;
      case 'cancelService':
        ok = (await cancelService.run({ input: { ...reference, serviceId } })).ok;
        break;
    }
    if (ok) onDone();
  }

  return (
    <Dialog
      isOpen
      title={t(`subscriptionAction.${action}.title`, { offer: subscription.offer.name })}
      onClose={onClose}
      closeLabel={t('dialog.close')}
      actions={
        <>
          <Button onClick={onClose}>{t('form.cancel')}</Button>
          <Button
            variant={action === 'cancel' || action === 'cancelService' ? 'danger' : 'primary'}
            isLoading={current.isRunning}
            onClick={() => void submit()}
          >
            {t(`subscriptionAction.${action}.confirm`)}
          </Button>
        </>
      }
    >
      <p>{t(`subscriptionAction.${action}.body`)}</p>
      {action === 'changeSeats' && (
        <TextField
          label={t('subscriptionAction.quantity')}
          type="number"
          min={1}
          inputMode="numeric"
          value={quantity}
          onChange={(event) => setQuantity(event.target.value)}
          error={current.errors.fields.quantity}
        />
      )}
      {(action === 'suspend' || action === 'cancel') && (
        <TextArea
          label={t('subscriptionAction.reason')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={current.errors.fields.reason}
        />
      )}
      {action === 'cancelService' && (
        <Select
          label={t('subscriptionAction.service')}
          value={serviceId}
          options={activeServices.map((service) => ({ value: service.id, label: service.name }))}
          onChange={(event) => setServiceId(event.target.value)}
          error={current.errors.fields.serviceId}
        />
      )}
      <FormErrorsAlert messages={current.errors.form} />
    </Dialog>
  );
}
