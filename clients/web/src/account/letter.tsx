// The paper letter a nursery hands a family (or a new teacher): the name, the code in large
// type, the QR code that opens the activation screen with the code filled in, and the expiry.
// Printing shows the letter alone (see `@media print` in styles.css). A code without its QR
// (the roster import hands out codes only) gets a letter that says to type the code; without
// `onDone` the letter has no buttons of its own (a batch of them shares one).
import { formatDate, localDate } from '../time';
import { a } from '../strings-account';

/** What a letter needs (an `IssuedCodeFieldsFragment` is one). */
export interface LetterCode {
  code: string;
  qrSvg?: string | null;
  accountCode: { displayName: string; expiresAt?: string | null };
}

export function Letter({ issued, nursery, lang, onDone, id }: { issued: LetterCode; nursery: string; lang: 'ja' | 'en'; onDone?: () => void; id?: string }) {
  // Several letters on one page (a batch) need their own title ids.
  const titleId = id ? `letter-title-${id}` : 'letter-title';
  const expires = issued.accountCode.expiresAt ? formatDate(localDate(issued.accountCode.expiresAt), lang) : null;
  const qr = issued.qrSvg ? `data:image/svg+xml;base64,${btoa(issued.qrSvg)}` : null;
  return (
    <section class="letter-wrap" aria-labelledby={titleId}>
      <article class="letter" lang={lang} data-testid="letter">
        <p class="letter-nursery">{a('letterNursery', { nursery }, lang)}</p>
        <h2 id={titleId}>{a('letterTitle', undefined, lang)}</h2>
        <p>{a('letterTo', { name: issued.accountCode.displayName }, lang)}</p>
        <p>{a(qr ? 'letterBody' : 'letterBodyCode', undefined, lang)}</p>
        <div class="letter-code">
          {qr && <img src={qr} alt={a('qrAlt', undefined, lang)} width={200} height={200} data-testid="letter-qr" />}
          <div>
            <p class="muted">{a('letterCode', undefined, lang)}</p>
            <p class="code-text" data-testid="letter-code">
              {issued.code}
            </p>
            {expires && <p>{a('letterExpires', { date: expires }, lang)}</p>}
          </div>
        </div>
        <p class="muted">{a('letterKeep', undefined, lang)}</p>
      </article>
      {onDone && (
        <div class="letter-actions">
          <button class="btn primary" onClick={() => window.print()}>
            {a('print')}
          </button>
          <button class="btn" onClick={onDone}>
            {a('done')}
          </button>
        </div>
      )}
    </section>
  );
}
