// The paper letter a nursery hands a family (or a new teacher): the name, the code in large
// type, the QR code that opens the activation screen with the code filled in, and the expiry.
// Printing shows the letter alone (see `@media print` in styles.css).
import type { IssuedCodeFieldsFragment } from '../gql/graphql';
import { formatDate, localDate } from '../time';
import { a } from '../strings-account';

export function Letter({ issued, nursery, lang, onDone }: { issued: IssuedCodeFieldsFragment; nursery: string; lang: 'ja' | 'en'; onDone: () => void }) {
  const expires = formatDate(localDate(issued.accountCode.expiresAt), lang);
  const qr = `data:image/svg+xml;base64,${btoa(issued.qrSvg)}`;
  return (
    <section class="letter-wrap" aria-labelledby="letter-title">
      <article class="letter" lang={lang} data-testid="letter">
        <p class="letter-nursery">{a('letterNursery', { nursery }, lang)}</p>
        <h2 id="letter-title">{a('letterTitle', undefined, lang)}</h2>
        <p>{a('letterTo', { name: issued.accountCode.displayName }, lang)}</p>
        <p>{a('letterBody', undefined, lang)}</p>
        <div class="letter-code">
          <img src={qr} alt={a('qrAlt', undefined, lang)} width={200} height={200} data-testid="letter-qr" />
          <div>
            <p class="muted">{a('letterCode', undefined, lang)}</p>
            <p class="code-text" data-testid="letter-code">
              {issued.code}
            </p>
            <p>{a('letterExpires', { date: expires }, lang)}</p>
          </div>
        </div>
        <p class="muted">{a('letterKeep', undefined, lang)}</p>
      </article>
      <div class="letter-actions">
        <button class="btn primary" onClick={() => window.print()}>
          {a('print')}
        </button>
        <button class="btn" onClick={onDone}>
          {a('done')}
        </button>
      </div>
    </section>
  );
}
