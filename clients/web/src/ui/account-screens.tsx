// The account screens, loaded on demand by every app: `/account` (my password and sessions)
// and, for a nursery head, `/invite` (invitations and their letters).
import type { ComponentType } from 'preact';

import { t } from '../i18n';
import { useLazy } from '../lazy';

type Screen = ComponentType<{ nurseryId: string }>;

const loadMyAccount = () => import('../account/my-account').then((m) => m.MyAccount as Screen);
const loadInvitations = () => import('../account/invite').then((m) => m.Invitations as Screen);

export function AccountScreen({ path, nurseryId = '' }: { path: string; nurseryId?: string }) {
  return <Loaded load={path === '/invite' ? loadInvitations : loadMyAccount} nurseryId={nurseryId} />;
}

function Loaded({ load, nurseryId }: { load: () => Promise<Screen>; nurseryId: string }) {
  const Component = useLazy(load);
  return Component ? <Component nurseryId={nurseryId} /> : <p class="center">{t('loading')}</p>;
}
