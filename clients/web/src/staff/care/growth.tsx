// Monthly height and weight for the class in one table. A value far from the child's last
// one is flagged for a second look before it is saved (the server keeps the same rule).
// Saves go through the offline queue with their idempotency keys, like the other care records.
import { useEffect, useState } from 'preact/hooks';

import { gql } from '../../api/http';
import { growthJump } from '../../care';
import { ClassGrowthDocument, type ClassGrowthQuery } from '../../gql/graphql';
import { t } from '../../i18n';
import { onSent, pending, record } from '../store';
import { w } from '../../strings-work';
import { today } from '../../time';
import { Icon } from '../../ui/icons';
import { classroomChoice } from '../picker';

type Row = NonNullable<ClassGrowthQuery['nursery']>['classrooms'][number]['children'][number];

export function GrowthScreen({ nurseryId }: { nurseryId: string }) {
  const [rows, setRows] = useState<Row[] | null>(null);
  const load = () =>
    gql(ClassGrowthDocument, { nurseryId })
      .then((d) => {
        const rooms = d.nursery?.classrooms ?? [];
        const room = rooms.find((r) => r.id === classroomChoice.value) ?? rooms[0];
        setRows(room?.children ?? []);
      })
      .catch(() => setRows((r) => r ?? []));
  useEffect(() => void load(), [nurseryId, classroomChoice.value]);
  // A measurement sent from the queue (now or after the network came back): show the server's.
  useEffect(() => onSent((tap) => tap.op === 'GROWTH' && void load()), [nurseryId, classroomChoice.value]);
  const date = today();
  if (!rows) return <p>{t('loading')}</p>;
  return (
    <section class="card">
      <p class="muted">
        {w('growthMonth')}: {date}
      </p>
      <div class="table-wrap" tabIndex={0}>
      <table class="growth-table class-growth" data-testid="class-growth">
        <thead>
          <tr>
            <th scope="col">{w('childCol')}</th>
            <th scope="col">{w('growthLast')}</th>
            <th scope="col">{w('growthHeight')}</th>
            <th scope="col">{w('growthWeight')}</th>
            <th scope="col">
              <span class="visually-hidden">{w('growthSave')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <GrowthRow key={c.id} child={c} date={date} />
          ))}
        </tbody>
      </table>
      </div>
    </section>
  );
}

function GrowthRow({ child, date }: { child: Row; date: string }) {
  const last = child.growth.filter((g) => g.measuredOn < date).pop() ?? child.growth[child.growth.length - 1];
  const todays = child.growth.find((g) => g.measuredOn === date);
  const [height, setHeight] = useState('');
  const [weight, setWeight] = useState('');
  const [warn, setWarn] = useState(false);
  const [state, setState] = useState<'idle' | 'saved'>('idle');
  const queued = pending.value.some((p) => p.op === 'GROWTH' && p.childId === child.id);
  const next = { measuredOn: date, heightCm: height ? Number(height) : null, weightKg: weight ? Number(weight) : null };
  const save = async (anyway: boolean) => {
    if (!height && !weight) return;
    if (!anyway && growthJump(last, next)) {
      setWarn(true);
      return;
    }
    // Kept in IndexedDB with its key before it is sent: a lost connection loses nothing and a
    // replay records once. A refusal (a value out of range) is listed with the others.
    await record(child, 'GROWTH', { childId: child.id, measuredOn: date, heightCm: next.heightCm, weightKg: next.weightKg });
    setWarn(false);
    setState('saved');
    setHeight('');
    setWeight('');
  };
  return (
    <>
      <tr data-testid="growth-row" data-child={child.id} data-warn={warn ? 'true' : 'false'} data-pending={queued ? 'true' : 'false'}>
        <th scope="row">{child.name}</th>
        <td class="small">
          {last ? (
            <>
              {last.heightCm?.toFixed(1) ?? '—'}
              <br />
              {last.weightKg?.toFixed(1) ?? '—'}
            </>
          ) : (
            '—'
          )}
          {todays?.flaggedForReview && <span class="flag"> {w('growthFlagged')}</span>}
        </td>
        <td>
          <input class="num-input" inputMode="decimal" aria-label={w('growthHeightOf', { name: child.name })} value={height} onInput={(e) => (setHeight(e.currentTarget.value), setWarn(false))} />
        </td>
        <td>
          <input class="num-input" inputMode="decimal" aria-label={w('growthWeightOf', { name: child.name })} value={weight} onInput={(e) => (setWeight(e.currentTarget.value), setWarn(false))} />
        </td>
        <td>
          {queued && !warn ? (
            <span class="muted small">{t('stPending')}</span>
          ) : state === 'saved' && !warn ? (
            <span class="ok">
              <Icon name="check" /> {w('growthSaved')}
            </span>
          ) : (
            <button class="btn small" onClick={() => void save(false)}>
              {w('growthSave')}
            </button>
          )}
        </td>
      </tr>
      {warn && (
        <tr class="warn-row">
          <td colSpan={5}>
            <p class="fever-flag" role="alert" data-testid="growth-warning">
              <Icon name="alert" /> {w('growthCheck')}
              <button class="btn small" onClick={() => void save(true)}>
                {w('growthSaveAnyway')}
              </button>
            </p>
          </td>
        </tr>
      )}
    </>
  );
}
