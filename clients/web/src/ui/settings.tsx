import { useEffect, useState } from 'preact/hooks';

import type { PushKind } from '../gql/graphql';
import { locale, t } from '../i18n';
import { currentSubscription, disablePush, enablePush, pushSupport, setKind } from '../push';
import { navigate } from '../router';
import { changeLocale, isHead, isStaff, logout, viewer } from '../session';
import { Icon } from './icons';
import { Shell } from './shell';

const GUARDIAN_KINDS: PushKind[] = ['ARRIVAL', 'DEPARTURE', 'ABSENCE_ACKNOWLEDGED', 'NOTEBOOK_PUBLISHED', 'FEVER'];
const STAFF_KINDS: PushKind[] = ['ABSENCE_REPORTED', 'FEVER', 'NAP_ALERT', 'LEFT_BEHIND', 'PICKUP_WARNING'];

export function Settings({ extra }: { extra?: preact.ComponentChildren }) {
  const who = viewer.value;
  return (
    <Shell title={t('settings')} back="/">
      <section class="card">
        <h2>{t('language')}</h2>
        <div class="lang-switch" role="group" aria-label={t('language')}>
          <button class="btn" aria-pressed={locale.value === 'ja'} onClick={() => void changeLocale('ja')} lang="ja">
            日本語
          </button>
          <button class="btn" aria-pressed={locale.value === 'en'} onClick={() => void changeLocale('en')} lang="en">
            English
          </button>
        </div>
      </section>
      <section class="card">
        <a class="btn wide" href="/account" data-testid="my-account">
          {t('myAccount')}
        </a>
        {isHead(who) && (
          <a class="btn wide" href="/invite" data-testid="invitations">
            {t('invitations')}
          </a>
        )}
      </section>
      {extra}
      <Notifications kinds={isStaff(who) ? STAFF_KINDS : GUARDIAN_KINDS} />
      <section class="card">
        <p class="muted">{who?.user.displayName}</p>
        <button
          class="btn wide"
          onClick={() => {
            void logout().then(() => navigate('/', true));
          }}
        >
          <Icon name="logout" /> {t('logout')}
        </button>
      </section>
    </Shell>
  );
}

function Notifications({ kinds }: { kinds: PushKind[] }) {
  const support = pushSupport();
  const [on, setOn] = useState(false);
  const [permission, setPermission] = useState<NotificationPermission>(support === 'supported' ? Notification.permission : 'default');
  const [disabled, setDisabled] = useState<PushKind[]>(viewer.value?.disabledPushKinds ?? []);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void currentSubscription().then((s) => setOn(!!s && Notification.permission === 'granted'));
  }, []);
  const enable = async () => {
    setError(null);
    try {
      const result = await enablePush();
      setPermission(result);
      setOn(result === 'granted');
    } catch {
      setError(t('pushUnsupported'));
    }
  };
  const toggle = async (kind: PushKind) => {
    const enabled = disabled.includes(kind);
    setDisabled(enabled ? disabled.filter((k) => k !== kind) : [...disabled, kind]);
    try {
      await setKind(kind, enabled);
    } catch {
      setError(t('errorGeneric'));
    }
  };
  return (
    <section class="card" aria-labelledby="push-title">
      <h2 id="push-title">
        <Icon name="bell" /> {t('notifications')}
      </h2>
      {support === 'ios-needs-home-screen' && <p class="note">{t('pushIos')}</p>}
      {support === 'unsupported' && <p class="note">{t('pushUnsupported')}</p>}
      {support === 'supported' && permission === 'denied' && <p class="note">{t('pushDenied')}</p>}
      {support === 'supported' && permission !== 'denied' && !on && (
        <>
          <p>{t('pushWhy')}</p>
          <button class="btn primary wide" onClick={() => void enable()}>
            <Icon name="bell" /> {t('enablePush')}
          </button>
        </>
      )}
      {on && (
        <>
          <p class="ok">
            <Icon name="check" /> {t('pushOn')}
          </p>
          <button class="btn small" onClick={() => void disablePush().then(() => setOn(false))}>
            {t('pushDisable')}
          </button>
        </>
      )}
      <fieldset class="toggles">
        <legend>{t('notifications')}</legend>
        {kinds.map((kind) => (
          <label class="toggle" key={kind}>
            <input type="checkbox" checked={!disabled.includes(kind)} onChange={() => void toggle(kind)} />
            <span>{t(`pushKind${kind}`)}</span>
          </label>
        ))}
      </fieldset>
      {error && <p class="error">{error}</p>}
    </section>
  );
}
