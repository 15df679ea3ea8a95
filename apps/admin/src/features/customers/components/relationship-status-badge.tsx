/** The viewer's relationship with a customer, as a badge. */
import { Badge } from '@switchyard/ui';
import type { BadgeTone } from '@switchyard/ui';
import { useI18n } from '../../../i18n/i18n';
import type { CustomerListItem } from '../queries';

type RelationshipStatus = NonNullable<CustomerListItem['relationshipStatus']>;

const TONES: Record<RelationshipStatus, BadgeTone> = {
  ACTIVE: 'success',
  PENDING: 'info',
  TERMINATED: 'neutral',
};

export function RelationshipStatusBadge({
  status,
}: {
  status: CustomerListItem['relationshipStatus'];
}) {
  const { t } = useI18n();
  if (!status) return <>{t('app.notAvailable')}</>;
  return <Badge tone={TONES[status]}>{t(`relationshipStatus.${status}`)}</Badge>;
}
