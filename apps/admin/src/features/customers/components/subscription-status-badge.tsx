/** A subscription's status, as a badge: green while it runs, amber while suspended. */
import { Badge } from '@switchyard/ui';
import type { BadgeTone } from '@switchyard/ui';
import type { SubscriptionStatus } from '@switchyard/domain';
import { useI18n } from '../../../i18n/i18n';

const TONES: Record<SubscriptionStatus, BadgeTone> = {
  PENDING: 'info',
  ACTIVE: 'success',
  SUSPENDED: 'warning',
  CANCELLED: 'neutral',
  EXPIRED: 'neutral',
};

export function SubscriptionStatusBadge({ status }: { status: SubscriptionStatus }) {
  const { t } = useI18n();
  return <Badge tone={TONES[status]}>{t(`subscriptionStatus.${status}`)}</Badge>;
}
