/** A transfer's status as a badge. */
import type { TransferStatus } from '@switchyard/domain';
import { Badge } from '@switchyard/ui';
import type { BadgeTone } from '@switchyard/ui';
import { useI18n } from '../../../i18n/i18n';

const TONES: Record<TransferStatus, BadgeTone> = {
  PENDING: 'info',
  SCHEDULED: 'info',
  COMPLETED: 'success',
  REJECTED: 'danger',
  CANCELLED: 'neutral',
  EXPIRED: 'neutral',
  FAILED: 'danger',
};

export function TransferStatusBadge({ status }: { status: TransferStatus }) {
  const { t } = useI18n();
  return <Badge tone={TONES[status]}>{t(`transferStatus.${status}`)}</Badge>;
}
