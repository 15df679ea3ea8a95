/**
 * Whether a subscription can move and, if not, every reason why: the reasons are the domain's
 * (`checkTransferEligibility`, served as `transferEligibility`). In English the API's sentence is
 * shown as is (it names the subscription and dates); in other languages the reason's code picks
 * the catalog's translation, so nothing shows in the wrong language.
 */
import { Badge } from '@switchyard/ui';
import { useId } from 'react';
import { errorMessage } from '../../../i18n/error-message';
import { useI18n } from '../../../i18n/i18n';
import type { I18n } from '../../../i18n/i18n';

export interface EligibilityData {
  eligible: boolean;
  scheduleAt?: string | null;
  reasons: readonly { code: string; message: string }[];
}

export function reasonText(
  i18n: Pick<I18n, 't' | 'locale'>,
  reason: { code: string; message: string },
): string {
  if (i18n.locale === 'en' && reason.message) return reason.message;
  return errorMessage(i18n.t, reason.code, reason.message, 'form.failed');
}

export function EligibilityExplanation({
  eligibility,
  id,
}: {
  eligibility: EligibilityData;
  /** For `aria-describedby` from the control it explains. */
  id?: string;
}) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const generatedId = useId();
  const elementId = id ?? generatedId;
  if (eligibility.eligible) {
    return (
      <div id={elementId} className="eligibility">
        <Badge tone="success">{t('eligibility.eligible')}</Badge>
        {eligibility.scheduleAt && (
          <span className="cell-muted">
            {t('eligibility.scheduleAt', { date: formatDate(eligibility.scheduleAt) })}
          </span>
        )}
      </div>
    );
  }
  return (
    <div id={elementId} className="eligibility">
      <Badge tone="warning">{t('eligibility.notEligible')}</Badge>
      <ul className="eligibility__reasons">
        {eligibility.reasons.map((reason) => (
          <li key={`${reason.code}:${reason.message}`}>{reasonText(i18n, reason)}</li>
        ))}
      </ul>
    </div>
  );
}
