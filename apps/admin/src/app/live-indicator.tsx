/**
 * The header's small "Live" mark: shown while a page receives live updates, or "Reconnecting…"
 * while the socket is down (the page still works; it just stops updating itself). Nothing while no
 * page subscribes.
 */
import { useI18n } from '../i18n/i18n';
import { useLiveStatus } from './live-updates';

export function LiveIndicator() {
  const { t } = useI18n();
  const status = useLiveStatus();
  if (status === 'idle') return null;
  return (
    <span className="live-indicator" data-status={status} role="status" title={t('live.hint')}>
      {t(`live.${status}`)}
    </span>
  );
}
