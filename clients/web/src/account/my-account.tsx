// My account: change my password (knowing the current one; my other devices are logged out)
// and see where I am logged in, to log out one device or every other one.
import { useEffect, useState } from 'preact/hooks';

import { ApiError, gql } from '../api/http';
import { ChangePasswordDocument, EndOtherSessionsDocument, EndSessionDocument, MySessionsDocument, type MySessionsQuery } from '../gql/graphql';
import { locale, t } from '../i18n';
import { a } from '../strings-account';
import { formatDateTime } from '../time';
import { Shell } from '../ui/shell';

type Session = MySessionsQuery['mySessions'][number];

const when = (iso: string) => formatDateTime(iso, locale.value);

export function MyAccount() {
  return (
    <Shell title={a('myAccount')} back="/settings">
      <ChangePassword />
      <Sessions />
    </Shell>
  );
}

function ChangePassword() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setMessage(null);
    if (next !== again) {
      setMessage({ ok: false, text: a('passwordsDiffer') });
      return;
    }
    setBusy(true);
    try {
      await gql(ChangePasswordDocument, { current, next });
      setCurrent('');
      setNext('');
      setAgain('');
      setMessage({ ok: true, text: a('passwordChanged') });
    } catch (err) {
      const text =
        err instanceof ApiError && err.field === 'currentPassword'
          ? a('currentWrong')
          : err instanceof ApiError && err.field === 'newPassword'
            ? a('passwordWeak', { reason: err.message })
            : err instanceof ApiError && err.code === 'RATE_LIMITED'
              ? a('tooManyTries')
              : t('errorGeneric');
      setMessage({ ok: false, text });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card" aria-labelledby="change-password">
      <h2 id="change-password">{a('changePassword')}</h2>
      <form onSubmit={submit} novalidate data-testid="change-password">
        <label class="field">
          <span>{a('currentPassword')}</span>
          <input type="password" name="current-password" autocomplete="current-password" required value={current} onInput={(e) => setCurrent(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{a('newPassword')}</span>
          <input type="password" name="new-password" autocomplete="new-password" required value={next} aria-describedby="rule" onInput={(e) => setNext(e.currentTarget.value)} />
          <small id="rule" class="muted">
            {a('passwordRule')}
          </small>
        </label>
        <label class="field">
          <span>{a('newPasswordAgain')}</span>
          <input type="password" name="new-password-again" autocomplete="new-password" required value={again} onInput={(e) => setAgain(e.currentTarget.value)} />
        </label>
        {message && (
          <p class={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </p>
        )}
        <button class="btn primary wide" type="submit" disabled={busy}>
          {a('changeButton')}
        </button>
      </form>
    </section>
  );
}

function Sessions() {
  const [sessions, setSessions] = useState<Session[] | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const load = () => gql(MySessionsDocument).then((d) => setSessions(d.mySessions));
  useEffect(() => {
    void load();
  }, []);
  const endOne = async (id: string) => {
    await gql(EndSessionDocument, { id });
    await load();
  };
  const endOthers = async () => {
    const done = await gql(EndOtherSessionsDocument);
    setNote(a('endedOthers', { n: done.endOtherSessions }));
    await load();
  };
  return (
    <section class="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{a('sessionsTitle')}</h2>
      {!sessions && <p>{t('loading')}</p>}
      <ul class="session-list" data-testid="sessions">
        {sessions?.map((s) => (
          <li key={s.id} class="session" data-current={s.current}>
            <div>
              <strong>{s.current ? a('thisDevice') : s.device || a('unknownDevice')}</strong>
              {s.current && s.device && <span class="muted"> ({s.device})</span>}
              <br />
              <span class="muted">
                {a('signedInAt', { at: when(s.createdAt) })}
                {s.lastUsedAt && s.lastUsedAt !== s.createdAt && `・${a('lastUsedAt', { at: when(s.lastUsedAt) })}`}
              </span>
            </div>
            {!s.current && (
              <button class="btn small" onClick={() => void endOne(s.id)}>
                {a('endSession')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {sessions && sessions.length > 1 && (
        <button class="btn wide" onClick={() => void endOthers()} data-testid="end-others">
          {a('endOthers')}
        </button>
      )}
      {note && (
        <p class="ok" role="status">
          {note}
        </p>
      )}
    </section>
  );
}
