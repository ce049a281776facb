// The nursery head's roster screens (one chunk, loaded on demand, head only): 名簿の管理
// `/roster-admin` (classrooms and their children; a child's page `/roster-admin/child/:id` to
// correct, move or withdraw them), 4月の進級 `/roster-admin/move-up` and 名簿の取り込み
// `/roster-admin/import` (CSV with a dry run, then invitations).
import type { ComponentChildren } from 'preact';

import { r, type RosterKey } from '../../strings-roster';
import { Shell } from '../../ui/shell';
import { StaffNav } from '../nav';
import { pending } from '../store';
import { ChildPage } from './child';
import { ClassroomsAdmin } from './classrooms';
import { ImportScreen } from './import';
import { MoveUpScreen } from './move-up';

const SECTIONS: [string, RosterKey][] = [
  ['/roster-admin', 'adminTitle'],
  ['/roster-admin/move-up', 'moveUpTitle'],
  ['/roster-admin/import', 'importTitle'],
];

export function RosterAdminScreen({ banner, nurseryId, route }: { banner: ComponentChildren; nurseryId: string; route: string }) {
  const child = /^\/roster-admin\/child\/([^/]+)$/.exec(route);
  const [title, body, back] = child
    ? [r('adminTitle'), <ChildPage key={child[1]} nurseryId={nurseryId} childId={decodeURIComponent(child[1])} />, '/roster-admin']
    : route === '/roster-admin/move-up'
      ? [r('moveUpTitle'), <MoveUpScreen nurseryId={nurseryId} />]
      : route === '/roster-admin/import'
        ? [r('importTitle'), <ImportScreen nurseryId={nurseryId} />]
        : [r('adminTitle'), <ClassroomsAdmin nurseryId={nurseryId} />];
  return (
    <Shell title={title} back={back} banner={banner} pending={pending.value.length} wide>
      <StaffNav />
      <nav class="tabs roster-sections" aria-label={r('adminNav')}>
        {SECTIONS.map(([href, key]) => {
          const on = href === '/roster-admin' ? route === href || !!child : route === href;
          return (
            <a key={href} href={href} class={on ? 'tab on' : 'tab'} aria-current={on ? 'page' : undefined}>
              {r(key)}
            </a>
          );
        })}
      </nav>
      {body}
    </Shell>
  );
}
