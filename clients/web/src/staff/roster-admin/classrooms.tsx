// 名簿の管理: the nursery's name, then each classroom (youngest first) with its children —
// kana, birth date, allergies, a withdrawal to come — each opening the child's page to correct,
// move or withdraw them. Classrooms and the nursery are renamed in place.
import { useState } from 'preact/hooks';

import { gql } from '../../api/http';
import { RenameClassroomDocument, RenameNurseryDocument } from '../../gql/graphql';
import { locale, t } from '../../i18n';
import { r } from '../../strings-roster';
import { formatDate } from '../../time';
import { afterChange, useRosterAdmin, type AdminClassroom } from './data';
import { RenameForm } from './fields';
import { formatFullDate } from './logic';

export function ClassroomsAdmin({ nurseryId }: { nurseryId: string }) {
  const { nursery, failed, reload } = useRosterAdmin(nurseryId);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (!nursery) return <p>{failed ? r('loadFailed') : t('loading')}</p>;
  const rooms = [...nursery.classrooms].sort((x, y) => x.ageBand - y.ageBand || x.name.localeCompare(y.name, 'ja'));
  const renamed = async (what: string) => {
    await afterChange(reload);
    setRenaming(null);
    setDone(what);
  };
  return (
    <div class="admin-rooms">
      <section class="card" aria-labelledby="nursery-name">
        {renaming === nursery.id ? (
          <RenameForm
            id="nursery"
            label={r('nurseryName')}
            initial={nursery.name}
            save={async (name) => {
              await gql(RenameNurseryDocument, { nurseryId, name });
              await renamed(nursery.id);
            }}
            onDone={() => setRenaming(null)}
          />
        ) : (
          <div class="room-head">
            <h2 id="nursery-name">{nursery.name}</h2>
            <button class="btn small" onClick={() => (setRenaming(nursery.id), setDone(null))} aria-label={`${r('rename')}: ${r('nurseryName')}`}>
              {r('rename')}
            </button>
          </div>
        )}
        {done === nursery.id && (
          <p class="ok" role="status">
            {r('renamed')}
          </p>
        )}
      </section>
      <div class="room-grid">
        {rooms.map((room) => (
          <Room
            key={room.id}
            room={room}
            renaming={renaming === room.id}
            renamed={done === room.id}
            onRename={() => (setRenaming(room.id), setDone(null))}
            onCancel={() => setRenaming(null)}
            save={async (name) => {
              await gql(RenameClassroomDocument, { classroomId: room.id, name });
              await renamed(room.id);
            }}
          />
        ))}
      </div>
    </div>
  );
}

function Room({
  room,
  renaming,
  renamed,
  onRename,
  onCancel,
  save,
}: {
  room: AdminClassroom;
  renaming: boolean;
  renamed: boolean;
  onRename: () => void;
  onCancel: () => void;
  save: (name: string) => Promise<void>;
}) {
  const lang = locale.value;
  const headingId = `room-${room.id}`;
  return (
    <section class="card admin-room" aria-labelledby={headingId} data-testid="admin-classroom" data-classroom={room.id}>
      {renaming ? (
        <RenameForm id={room.id} label={r('classroomName')} initial={room.name} save={save} onDone={onCancel} />
      ) : (
        <div class="room-head">
          <h2 id={headingId}>
            {r('classroomHeading', { name: room.name, band: room.ageBand })} <span class="muted small">{r('childCount', { n: room.children.length })}</span>
          </h2>
          <button class="btn small" onClick={onRename} aria-label={`${r('rename')}: ${room.name}`}>
            {r('rename')}
          </button>
        </div>
      )}
      {renamed && (
        <p class="ok" role="status">
          {r('renamed')}
        </p>
      )}
      {room.children.length === 0 && <p class="muted">{r('noChildren')}</p>}
      <ul class="admin-children">
        {room.children.map((c) => (
          <li key={c.id} data-testid="admin-child" data-child={c.id}>
            <div class="admin-child-text">
              <strong>{c.name}</strong>
              {c.nameKana && <span class="muted"> {c.nameKana}</span>}
              <br />
              <span class="small">{r('bornOn', { date: formatFullDate(c.birthDate, lang) })}</span>
              {c.allergies.length > 0 && <span class="small allergy-note"> · {r('allergyList', { list: c.allergies.join('・') })}</span>}
              {c.withdrawnOn && <span class="small leaving"> · {r('leavesOn', { date: formatDate(c.withdrawnOn, lang) })}</span>}
            </div>
            <a class="btn small" href={`/roster-admin/child/${encodeURIComponent(c.id)}`} aria-label={`${r('manageChild')}: ${c.name}`}>
              {r('manageChild')}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
