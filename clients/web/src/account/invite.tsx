// The nursery head's invitations: invite a guardian (of a child's family) or a teacher, print
// the letter with the code and its QR code, and see, reissue or withdraw earlier invitations.
// Nobody at the nursery ever chooses or knows a parent's password.
import { useEffect, useState } from 'preact/hooks';

import { ApiError, gql } from '../api/http';
import {
  InviteUserDocument,
  InvitePageDocument,
  ReissueAccountCodeDocument,
  RevokeAccountCodeDocument,
  type InvitePageQuery,
  type IssuedCodeFieldsFragment,
} from '../gql/graphql';
import { locale, t } from '../i18n';
import { a, type AccountKey } from '../strings-account';
import { formatDate, localDate } from '../time';
import { Shell } from '../ui/shell';
import { Letter } from './letter';

type Page = InvitePageQuery;

export function Invitations({ nurseryId }: { nurseryId: string }) {
  const [page, setPage] = useState<Page | null>(null);
  const [letter, setLetter] = useState<{ issued: IssuedCodeFieldsFragment; lang: 'ja' | 'en' } | null>(null);
  const load = () => gql(InvitePageDocument, { nurseryId }).then(setPage);
  useEffect(() => {
    void load();
  }, [nurseryId]);
  if (letter) {
    return (
      <Shell title={a('inviteTitle')} back="/invite">
        <Letter issued={letter.issued} lang={letter.lang} nursery={page?.nursery?.name ?? ''} onDone={() => setLetter(null)} />
      </Shell>
    );
  }
  const reissue = async (id: string) => {
    const done = await gql(ReissueAccountCodeDocument, { id, origin: location.origin });
    setLetter({ issued: done.reissueAccountCode, lang: locale.value });
    void load();
  };
  const revoke = async (id: string) => {
    await gql(RevokeAccountCodeDocument, { id });
    void load();
  };
  return (
    <Shell title={a('inviteTitle')} back="/settings">
      {!page && <p>{t('loading')}</p>}
      {page && (
        <InviteForm
          page={page}
          nurseryId={nurseryId}
          onIssued={(issued, lang) => {
            setLetter({ issued, lang });
            void load();
          }}
        />
      )}
      {page && (
        <section class="card" aria-labelledby="codes-title">
          <h2 id="codes-title">{a('codesTitle')}</h2>
          {page.accountCodes.length === 0 && <p class="muted">{a('noCodes')}</p>}
          <ul class="plain" data-testid="codes">
            {page.accountCodes.map((c) => (
              <li key={c.id} class="code-row" data-status={c.status}>
                <div>
                  <strong>{c.displayName}</strong> <span class="muted">{c.email}</span>
                  <br />
                  <span>{a(`status${c.status}` as AccountKey)}</span>
                  {c.status === 'PENDING' && <span class="muted"> · {a('expires', { date: formatDate(localDate(c.expiresAt), locale.value) })}</span>}
                </div>
                {c.status !== 'USED' && (
                  <div class="actions">
                    <button class="btn small" onClick={() => void reissue(c.id)}>
                      {a('reissue')}
                    </button>
                    {c.status === 'PENDING' && (
                      <button class="btn small" onClick={() => void revoke(c.id)}>
                        {a('revoke')}
                      </button>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Shell>
  );
}

function InviteForm({ page, nurseryId, onIssued }: { page: Page; nurseryId: string; onIssued: (issued: IssuedCodeFieldsFragment, lang: 'ja' | 'en') => void }) {
  const [role, setRole] = useState<'GUARDIAN' | 'STAFF'>('GUARDIAN');
  const [familyId, setFamilyId] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [lang, setLang] = useState<'ja' | 'en'>('ja');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const children = [...page.me.children].sort((x, y) => x.name.localeCompare(y.name, 'ja'));
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    if (role === 'GUARDIAN' && !familyId) {
      setError(a('pickChild'));
      return;
    }
    setBusy(true);
    try {
      const done = await gql(InviteUserDocument, {
        input: { email, displayName: name, role, scopeId: role === 'GUARDIAN' ? familyId : nurseryId, locale: lang },
        origin: location.origin,
      });
      setName('');
      setEmail('');
      onIssued(done.inviteUser, lang);
    } catch (err) {
      setError(err instanceof ApiError && err.code === 'CONFLICT' ? a('alreadyAccount') : err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card" aria-labelledby="invite-title">
      <h2 id="invite-title">{a('inviteNew')}</h2>
      <form onSubmit={submit} novalidate data-testid="invite-form">
        <fieldset class="choice-row">
          <legend>{a('inviteWhom')}</legend>
          <label>
            <input type="radio" name="role" checked={role === 'GUARDIAN'} onChange={() => setRole('GUARDIAN')} /> {a('roleGuardian')}
          </label>
          <label>
            <input type="radio" name="role" checked={role === 'STAFF'} onChange={() => setRole('STAFF')} /> {a('roleStaff')}
          </label>
        </fieldset>
        {role === 'GUARDIAN' && (
          <label class="field">
            <span>{a('familyOf')}</span>
            <select name="family" value={familyId} onChange={(e) => setFamilyId(e.currentTarget.value)}>
              <option value="">{a('pickChild')}</option>
              {children.map((c) => (
                <option key={c.id} value={c.family.id}>
                  {c.name}（{c.classroom.name}）
                </option>
              ))}
            </select>
          </label>
        )}
        <label class="field">
          <span>{a('displayName')}</span>
          <input name="display-name" autocomplete="off" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{a('email')}</span>
          <input type="email" name="email" autocomplete="off" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <fieldset class="choice-row">
          <legend>{a('letterLanguage')}</legend>
          <label lang="ja">
            <input type="radio" name="lang" checked={lang === 'ja'} onChange={() => setLang('ja')} /> 日本語
          </label>
          <label lang="en">
            <input type="radio" name="lang" checked={lang === 'en'} onChange={() => setLang('en')} /> English
          </label>
        </fieldset>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button class="btn primary wide" type="submit" disabled={busy}>
          {a('inviteButton')}
        </button>
      </form>
    </section>
  );
}
