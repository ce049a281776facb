import { signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';

import { t } from '../i18n';
import { navigate } from '../router';
import { viewer } from '../session';
import { Shell } from '../ui/shell';
import { nursery } from './store';

/** The classroom this tablet shows, chosen once and kept ('' = every classroom). */
export const classroomChoice = signal<string | null>(readChoice());

function storageKey(): string {
  return `tsunagu.classroom.${viewer.value?.user.id ?? ''}`;
}

function readChoice(): string | null {
  try {
    return localStorage.getItem(storageKey());
  } catch {
    return null;
  }
}

export function chooseClassroom(id: string): void {
  localStorage.setItem(storageKey(), id);
  classroomChoice.value = id;
}

export function ClassroomPicker({ embedded = false, banner }: { embedded?: boolean; banner?: ComponentChildren }) {
  classroomChoice.value ??= readChoice();
  const rooms = nursery.value?.classrooms ?? [];
  const list = (
    <div class="picker">
      {!embedded && <p>{t('pickClassroomHint')}</p>}
      {rooms.map((room) => (
        <button
          key={room.id}
          class={classroomChoice.value === room.id ? 'btn picker-btn on' : 'btn picker-btn'}
          aria-pressed={classroomChoice.value === room.id}
          onClick={() => {
            chooseClassroom(room.id);
            navigate('/');
          }}
        >
          {room.name}
          <span class="muted">{room.children.length}</span>
        </button>
      ))}
      {!rooms.length && <p>{t('loading')}</p>}
    </div>
  );
  if (embedded) return list;
  return (
    <Shell title={t('pickClassroom')} banner={banner}>
      {list}
    </Shell>
  );
}
