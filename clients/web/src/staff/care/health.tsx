// Health check: one child or the whole class in a row. The temperature comes from an on-screen
// number pad (no keyboard), symptoms are large toggles, a fever is flagged as it is typed.
import { useState } from 'preact/hooks';

import { isFever, padInput, parseTemperature } from '../../care';
import type { Symptom } from '../../gql/graphql';
import { t } from '../../i18n';
import { w } from '../../strings-work';
import { formatTime } from '../../time';
import { Icon } from '../../ui/icons';
import { care, careRoom, type CareChild } from '../care-data';
import { pending, record } from '../store';

const SYMPTOMS: Symptom[] = ['COUGH', 'RUNNY_NOSE', 'DIARRHEA', 'VOMITING', 'RASH', 'CONJUNCTIVITIS', 'OTHER'];
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '.', '0', 'back'];

interface Latest {
  temperatureC: number | null;
  fever: boolean;
  at: string;
  pending: boolean;
}

function latestOf(child: CareChild, threshold: number): Latest | null {
  const queued = pending.value.filter((p) => p.op === 'HEALTH' && p.childId === child.id);
  const last = queued[queued.length - 1];
  if (last) {
    const temp = (last.input?.temperatureC as number | null) ?? null;
    return { temperatureC: temp, fever: isFever(temp, threshold), at: last.occurredAt, pending: true };
  }
  const checks = child.healthChecks.filter((h) => h.source === 'NURSERY');
  const h = checks[checks.length - 1];
  return h ? { temperatureC: h.temperatureC ?? null, fever: h.fever, at: h.recordedAt, pending: false } : null;
}

export function HealthScreen() {
  const room = careRoom();
  const threshold = care.value?.feverThresholdC ?? 37.5;
  const children = room?.children ?? [];
  const [selected, setSelected] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [symptoms, setSymptoms] = useState<Symptom[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const latest = new Map(children.map((c) => [c.id, latestOf(c, threshold)]));
  const current = children.find((c) => c.id === selected) ?? children.find((c) => !latest.get(c.id)) ?? null;
  const value = parseTemperature(text);
  const feverNow = isFever(value, threshold) || symptoms.includes('FEVER');

  const choose = (id: string) => {
    setSelected(id);
    setText('');
    setSymptoms([]);
    setInvalid(false);
  };
  const save = async () => {
    if (!current) return;
    if (text && value == null) {
      setInvalid(true);
      return;
    }
    if (value == null && !symptoms.length) {
      setInvalid(true);
      return;
    }
    await record(current, 'HEALTH', { childId: current.id, temperatureC: value, symptoms });
    setSaved(w('healthSaved', { name: current.name, temp: value != null ? `${value.toFixed(1)}℃` : symptoms.map((s) => t(`symptom${s}`)).join('・') }));
    // The whole class in a row: on to the next child not yet checked.
    const order = children.map((c) => c.id);
    const from = order.indexOf(current.id);
    const next = [...order.slice(from + 1), ...order.slice(0, from)].find((id) => !latest.get(id) && id !== current.id);
    setSelected(next ?? null);
    setText('');
    setSymptoms([]);
    setInvalid(false);
  };

  if (!room) return <p>{t('loading')}</p>;
  return (
    <div class="care-split">
      <section class="card" aria-labelledby="health-list">
        <h2 id="health-list">
          {room.name} <span class="muted small">{w('healthThreshold', { threshold: threshold.toFixed(1) })}</span>
        </h2>
        <ul class="pick-list" data-testid="health-list">
          {children.map((c) => {
            const l = latest.get(c.id);
            const on = current?.id === c.id;
            return (
              <li key={c.id}>
                <button class={`pick${on ? ' on' : ''}${l?.fever ? ' fever' : ''}`} aria-pressed={on} onClick={() => choose(c.id)} data-testid="health-child" data-child={c.id} data-fever={l?.fever ? 'true' : 'false'}>
                  <span class="pick-name">{c.name}</span>
                  <span class="pick-state">
                    {l ? (
                      <>
                        {l.fever && <Icon name="alert" />}
                        {l.fever ? w('healthFever', { temp: l.temperatureC != null ? `${l.temperatureC.toFixed(1)}℃` : '' }) : l.temperatureC != null ? `${l.temperatureC.toFixed(1)}℃` : '—'}{' '}
                        <span class="muted small">{l.pending ? t('stPending') : formatTime(l.at)}</span>
                      </>
                    ) : (
                      <span class="muted">{w('healthNoneYet')}</span>
                    )}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </section>
      <section class="card pad-card" aria-labelledby="health-form" data-testid="health-form">
        {saved && (
          <p class="ok" role="status">
            <Icon name="check" /> {saved}
          </p>
        )}
        {!current ? (
          <p class="ok">{w('healthDone')}</p>
        ) : (
          <>
            <h2 id="health-form">{w('healthWho', { name: current.name })}</h2>
            <output class={feverNow ? 'temp-display fever' : 'temp-display'} aria-live="polite" data-testid="temp-display">
              <span class="visually-hidden">{w('healthTemp')}</span>
              {text || '--.-'}
              <span class="unit">℃</span>
            </output>
            {feverNow && (
              <p class="fever-flag" role="alert" data-testid="fever-flag">
                <Icon name="alert" /> {w('healthFeverNow', { threshold: threshold.toFixed(1) })}
              </p>
            )}
            {invalid && <p class="error">{w('healthInvalid')}</p>}
            <div class="numpad" role="group" aria-label={w('healthTemp')}>
              {KEYS.map((k) => (
                <button key={k} type="button" class="btn key" aria-label={k === 'back' ? w('padBack') : k} onClick={() => setText((x) => padInput(x, k))}>
                  {k === 'back' ? <Icon name="back" /> : k}
                </button>
              ))}
            </div>
            <fieldset class="choices">
              <legend>{w('healthSymptoms')}</legend>
              <div class="toggle-grid">
                {SYMPTOMS.map((s) => {
                  const on = symptoms.includes(s);
                  return (
                    <button key={s} type="button" class={on ? 'btn big-toggle on' : 'btn big-toggle'} aria-pressed={on} onClick={() => setSymptoms(on ? symptoms.filter((x) => x !== s) : [...symptoms, s])}>
                      {t(`symptom${s}`)}
                    </button>
                  );
                })}
              </div>
            </fieldset>
            <button class="btn primary wide big" onClick={() => void save()} data-testid="health-save">
              {w('healthSave')}
            </button>
          </>
        )}
      </section>
    </div>
  );
}
