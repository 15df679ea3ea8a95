/** How far the import job has come: an accessible progress bar (role=progressbar with its values) and the counts. */
import { useI18n } from '../../../i18n/i18n';

export function ImportProgress({ processed, total }: { processed: number; total: number }) {
  const { t } = useI18n();
  const percent = total === 0 ? 100 : Math.round((processed / total) * 100);
  const text = t('subscriptionImport.progressText', { processed, total });
  return (
    <div className="import-progress">
      <div
        role="progressbar"
        aria-label={t('subscriptionImport.progress')}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={processed}
        aria-valuetext={text}
        className="import-progress__track"
      >
        <div className="import-progress__bar" style={{ width: `${percent}%` }} />
      </div>
      <p className="import-progress__text">{text}</p>
    </div>
  );
}
