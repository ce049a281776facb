// 名簿の取り込み: a CSV file read as bytes (base64, so Excel's Shift_JIS reaches the server as
// saved), checked first (a dry run lists every problem by line, nothing written), then imported
// in one go; the invited guardians are listed with their codes (shown this once) and their
// letters can be shown together and printed.
import { useState } from 'preact/hooks';

import { ApiError, gql } from '../../api/http';
import { ImportedCodesDocument, ImportRosterDocument, type ImportRosterMutation } from '../../gql/graphql';
import { Letter } from '../../account/letter';
import { locale } from '../../i18n';
import { r } from '../../strings-roster';
import { Icon } from '../../ui/icons';
import { afterChange } from './data';
import { bytesToBase64, columnLabel, problemText } from './logic';

type Result = ImportRosterMutation['importRoster'];
type Letters = { nursery: string; expires: Map<string, string> };

export function ImportScreen({ nurseryId }: { nurseryId: string }) {
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [checked, setChecked] = useState<Result | null>(null);
  const [done, setDone] = useState<Result | null>(null);
  const [letters, setLetters] = useState<Letters | null>(null);
  const [showLetters, setShowLetters] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [inputKey, setInputKey] = useState(0);

  const choose = async (input: HTMLInputElement) => {
    setChecked(null);
    setError(null);
    const chosen = input.files?.[0];
    if (!chosen) return setFile(null);
    try {
      setFile({ name: chosen.name, base64: bytesToBase64(new Uint8Array(await chosen.arrayBuffer())) });
    } catch {
      setFile(null);
      setError(r('unreadableFile'));
    }
  };
  const run = async (dryRun: boolean) => {
    setError(null);
    if (!file) return setError(r('noFile'));
    setBusy(true);
    try {
      const data = await gql(ImportRosterDocument, { nurseryId, csvBase64: file.base64, dryRun });
      const result = data.importRoster;
      if (dryRun || !result.imported) {
        setChecked(result);
        return;
      }
      setDone(result);
      setChecked(null);
      const codes = await gql(ImportedCodesDocument, { nurseryId }).catch(() => null);
      setLetters({ nursery: codes?.nursery?.name ?? '', expires: new Map((codes?.accountCodes ?? []).map((c) => [c.id, c.expiresAt])) });
      await afterChange(async () => {});
    } catch (err) {
      setError(err instanceof ApiError && err.code === 'BAD_USER_INPUT' ? r('unreadableFile') : r('errGeneric'));
    } finally {
      setBusy(false);
    }
  };
  const reset = () => {
    setDone(null);
    setLetters(null);
    setShowLetters(false);
    setFile(null);
    setInputKey((k) => k + 1);
  };

  if (done && showLetters) return <LetterBatch result={done} letters={letters} onBack={() => setShowLetters(false)} />;
  if (done) return <Imported result={done} onLetters={() => setShowLetters(true)} onAnother={reset} />;
  return (
    <>
      <section class="card">
        <p>{r('importLead')}</p>
        <details class="help">
          <summary>{r('columnsHelp')}</summary>
          <p>{r('columnsText')}</p>
        </details>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run(true);
          }}
          novalidate
          data-testid="import-form"
        >
          <div class="field">
            <label for="import-file">{r('chooseFile')}</label>
            <input key={inputKey} id="import-file" name="file" type="file" accept=".csv,text/csv" onChange={(e) => void choose(e.currentTarget)} />
          </div>
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
          <button class="btn wide" type="submit" disabled={busy || !file}>
            {r('dryRun')}
          </button>
        </form>
      </section>
      {checked && <Checked result={checked} busy={busy} onImport={() => void run(false)} />}
    </>
  );
}

function Checked({ result, busy, onImport }: { result: Result; busy: boolean; onImport: () => void }) {
  const lang = locale.value;
  if (result.problems.length === 0) {
    return (
      <section class="card" data-testid="import-clean">
        <p class="ok" role="status">
          <Icon name="check" /> {r('cleanSummary', counts(result))}
        </p>
        <button class="btn primary wide" disabled={busy} onClick={onImport}>
          {r('importButton')}
        </button>
      </section>
    );
  }
  return (
    <section class="card problems-card" aria-labelledby="problems-title" data-testid="import-problems">
      <h2 id="problems-title">
        <Icon name="alert" /> <span role="alert">{r('problemsTitle', { n: result.problems.length })}</span>
      </h2>
      <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="problems-title">
        <table class="data-table problems">
          <thead>
            <tr>
              <th scope="col">{r('colLine')}</th>
              <th scope="col">{r('colColumn')}</th>
              <th scope="col">{r('colProblem')}</th>
            </tr>
          </thead>
          <tbody>
            {result.problems.map((p, i) => (
              <tr key={i} data-testid="problem" data-line={p.line} data-column={p.column}>
                <th scope="row">{p.line}</th>
                <td>{p.column ? columnLabel(p.column, lang) : r('wholeLine')}</td>
                <td class="wrap">{problemText(p.message, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const counts = (result: Result) => ({ classrooms: result.classrooms, families: result.families, children: result.children, guardians: result.guardians });

function Imported({ result, onLetters, onAnother }: { result: Result; onLetters: () => void; onAnother: () => void }) {
  return (
    <section class="card" aria-labelledby="imported-title" data-testid="import-done">
      <h2 id="imported-title">
        <Icon name="check" /> {r('importedTitle')}
      </h2>
      <p role="status">{r('importedSummary', counts(result))}</p>
      {result.invitations.length > 0 && (
        <>
          <h3 id="invited-title">{r('invitedTitle')}</h3>
          <p class="note">{r('invitedNote')}</p>
          <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="invited-title">
            <table class="data-table" data-testid="invited">
              <thead>
                <tr>
                  <th scope="col">{r('colName')}</th>
                  <th scope="col">{r('colEmail')}</th>
                  <th scope="col">{r('colCode')}</th>
                </tr>
              </thead>
              <tbody>
                {result.invitations.map((inv) => (
                  <tr key={inv.accountCodeId} data-email={inv.email}>
                    <th scope="row">{inv.displayName}</th>
                    <td>{inv.email}</td>
                    <td class="mono">{inv.code}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button class="btn primary wide" onClick={onLetters}>
            {r('printLetters', { n: result.invitations.length })}
          </button>
        </>
      )}
      <button class="btn wide" onClick={onAnother}>
        {r('anotherFile')}
      </button>
    </section>
  );
}

function LetterBatch({ result, letters, onBack }: { result: Result; letters: Letters | null; onBack: () => void }) {
  const lang = locale.value;
  return (
    <>
      <div class="letter-actions">
        <button class="btn primary" onClick={() => window.print()}>
          {r('printAll', { n: result.invitations.length })}
        </button>
        <button class="btn" onClick={onBack}>
          {r('backToResult')}
        </button>
      </div>
      <div class="letter-batch" data-testid="letters">
        {result.invitations.map((inv) => (
          <Letter
            key={inv.accountCodeId}
            id={inv.accountCodeId}
            nursery={letters?.nursery ?? ''}
            lang={lang}
            issued={{ code: inv.code, accountCode: { displayName: inv.displayName, expiresAt: letters?.expires.get(inv.accountCodeId) } }}
          />
        ))}
      </div>
    </>
  );
}
