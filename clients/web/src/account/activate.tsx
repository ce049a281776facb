// The invitee's first screen: the code from the nursery's letter (typed, or filled in from the
// QR code's link `/activate#code=…`), a password of their own twice, and they are signed in.
// Also where a password-reset code is used.
import { useState } from 'preact/hooks';

import { ApiError, gql } from '../api/http';
import { ActivateAccountDocument } from '../gql/graphql';
import { locale } from '../i18n';
import { navigate } from '../router';
import { signedIn } from '../session';
import { a } from '../strings-account';

/** The code the QR link carries in its fragment (never sent to the server with the page). */
function codeFromLink(): string {
  const match = /(?:^#|&)code=([^&]+)/.exec(location.hash);
  return match ? decodeURIComponent(match[1]) : '';
}

export function Activate() {
  const [code, setCode] = useState(codeFromLink);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    if (password !== again) {
      setError(a('passwordsDiffer'));
      return;
    }
    setBusy(true);
    try {
      const data = await gql(ActivateAccountDocument, { code: code.trim(), password });
      await signedIn(data.activateAccount.token);
      // Replacing the entry takes the code out of the address bar and the history.
      navigate('/', true);
    } catch (err) {
      if (err instanceof ApiError && err.field === 'code') setError(a('codeInvalid'));
      else if (err instanceof ApiError && err.field === 'password') setError(a('passwordWeak', { reason: err.message }));
      else if (err instanceof ApiError && err.code === 'RATE_LIMITED') setError(a('tooManyTries'));
      else setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="login" lang={locale.value}>
      <div class="login-card">
        <h1 class="brand">
          <img src="/icons/icon.svg" alt="" width={48} height={48} />
          {a('activateTitle')}
        </h1>
        <p>{a('activateIntro')}</p>
        <form onSubmit={submit} novalidate data-testid="activate-form">
          <label class="field">
            <span>{a('code')}</span>
            <input
              name="code"
              class="code-input"
              autocomplete="one-time-code"
              autocapitalize="characters"
              spellcheck={false}
              required
              value={code}
              aria-describedby="code-hint"
              onInput={(e) => setCode(e.currentTarget.value)}
            />
            <small id="code-hint" class="muted">
              {a('codeHint')}
            </small>
          </label>
          <label class="field">
            <span>{a('newPassword')}</span>
            <input type="password" name="new-password" autocomplete="new-password" required value={password} aria-describedby="password-rule" onInput={(e) => setPassword(e.currentTarget.value)} />
            <small id="password-rule" class="muted">
              {a('passwordRule')}
            </small>
          </label>
          <label class="field">
            <span>{a('newPasswordAgain')}</span>
            <input type="password" name="new-password-again" autocomplete="new-password" required value={again} onInput={(e) => setAgain(e.currentTarget.value)} />
          </label>
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
          <button class="btn primary wide" type="submit" disabled={busy}>
            {a('activateButton')}
          </button>
        </form>
        <p class="center-text">
          <a href="/">{a('backToLogin')}</a>
        </p>
      </div>
    </main>
  );
}
