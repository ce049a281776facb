import { useState } from 'preact/hooks';

import { ApiError } from '../api/http';
import { locale, t } from '../i18n';
import { changeLocale, login } from '../session';

export function Login() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email.trim(), password);
    } catch (err) {
      setError(err instanceof ApiError && err.transient ? t('errorOffline') : t('loginFailed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="login">
      <div class="login-card">
        <h1 class="brand">
          <img src="/icons/icon.svg" alt="" width={48} height={48} />
          {t('appName')}
        </h1>
        <form onSubmit={submit} novalidate>
          <h2>{t('loginTitle')}</h2>
          <label class="field">
            <span>{t('email')}</span>
            <input type="email" name="email" autocomplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{t('password')}</span>
            <input type="password" name="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
          </label>
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
          <button class="btn primary wide" type="submit" disabled={busy}>
            {t('loginButton')}
          </button>
        </form>
        <p class="center-text">
          <a class="btn wide" href="/activate" data-testid="have-code">
            {t('haveCode')}
          </a>
        </p>
        <div class="lang-switch" role="group" aria-label={t('language')}>
          <button class="btn small" aria-pressed={locale.value === 'ja'} onClick={() => void changeLocale('ja')} lang="ja">
            日本語
          </button>
          <button class="btn small" aria-pressed={locale.value === 'en'} onClick={() => void changeLocale('en')} lang="en">
            English
          </button>
        </div>
      </div>
    </main>
  );
}
