/**
 * @module A message across the top of a page: an error, a warning or a notice, with optional actions.
 */
import type { ReactNode } from 'react';
import { useTranslation } from '../i18n/i18n.js';

export interface BannerProps {
  tone: 'error' | 'warning' | 'info' | 'success';
  children: ReactNode;
  actions?: ReactNode;
  onDismiss?: () => void;
}

export function Banner({ tone, children, actions, onDismiss }: BannerProps) {
  const { t } = useTranslation();
  return (
    <div className={`banner banner-${tone}`} role={tone === 'error' || tone === 'warning' ? 'alert' : 'status'}>
      <div className="banner-text">{children}</div>
      {actions ? <div className="banner-actions">{actions}</div> : null}
      {onDismiss ? (
        <button type="button" className="icon-button" aria-label={t('common.dismiss')} onClick={onDismiss}>
          ×
        </button>
      ) : null}
    </div>
  );
}
