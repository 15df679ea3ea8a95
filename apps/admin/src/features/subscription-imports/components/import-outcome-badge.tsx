/** A row's outcome and an import's status, as badges. */
import type { SubscriptionImportRowOutcome, SubscriptionImportStatus } from '@switchyard/domain';
import { Badge } from '@switchyard/ui';
import type { BadgeTone } from '@switchyard/ui';
import { useI18n } from '../../../i18n/i18n';

const OUTCOME_TONES: Record<SubscriptionImportRowOutcome, BadgeTone> = {
  INVALID: 'danger',
  PENDING: 'info',
  APPLIED: 'success',
  REFUSED: 'warning',
  SKIPPED: 'neutral',
};

const STATUS_TONES: Record<SubscriptionImportStatus, BadgeTone> = {
  PREVIEW: 'info',
  QUEUED: 'info',
  RUNNING: 'info',
  COMPLETED: 'success',
  CANCELLED: 'neutral',
};

export function ImportOutcomeBadge({ outcome }: { outcome: SubscriptionImportRowOutcome }) {
  const { t } = useI18n();
  return <Badge tone={OUTCOME_TONES[outcome]}>{t(`subscriptionImportOutcome.${outcome}`)}</Badge>;
}

export function ImportStatusBadge({ status }: { status: SubscriptionImportStatus }) {
  const { t } = useI18n();
  return <Badge tone={STATUS_TONES[status]}>{t(`subscriptionImportStatus.${status}`)}</Badge>;
}
