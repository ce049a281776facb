// The frame of every screen: title, way back, connection state (offline, reconnecting,
// pending taps), the update banner and whatever banner the role adds (staff: care alerts).
import type { ComponentChildren } from 'preact';

import { liveLost } from '../api/live';
import { t } from '../i18n';
import { online } from '../net';
import { applyUpdate, updateReady } from '../pwa';
import { Icon } from './icons';

export function Shell({
  title,
  back,
  pending = 0,
  banner,
  nav,
  children,
  wide = false,
}: {
  title: string;
  back?: string;
  pending?: number;
  banner?: ComponentChildren;
  nav?: ComponentChildren;
  children: ComponentChildren;
  wide?: boolean;
}) {
  return (
    <>
      <a class="skip" href="#main">
        {title}
      </a>
      <header class="bar">
        {back ? (
          <a class="bar-btn" href={back} aria-label={t('back')}>
            <Icon name="back" size={24} />
          </a>
        ) : (
          <img class="bar-logo" src="/icons/icon.svg" alt="" width={32} height={32} />
        )}
        <h1 class="bar-title">{title}</h1>
        {nav}
        <a class="bar-btn" href="/settings" aria-label={t('settings')}>
          <Icon name="gear" size={24} />
        </a>
      </header>
      <div class="status-area" aria-live="polite">
        {!online.value && (
          <p class="status offline">
            <Icon name="wifiOff" /> {t('offlineBanner')}
          </p>
        )}
        {online.value && liveLost.value && <p class="status quiet">{t('reconnecting')}</p>}
        {pending > 0 && (
          <p class="status pending" data-testid="pending-count">
            <Icon name="sync" /> {t('pendingCount', { n: pending })}
          </p>
        )}
      </div>
      {updateReady.value && (
        <div class="update" role="status">
          <span>{t('updateReady')}</span>
          <button class="btn small primary" onClick={applyUpdate}>
            {t('updateNow')}
          </button>
        </div>
      )}
      {banner}
      <main id="main" class={wide ? 'content wide' : 'content'} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
