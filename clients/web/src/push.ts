// Web Push: asked for only after the user taps "通知を受け取る"; the subscription goes to the
// server with `registerPushSubscription`; per-kind switches with `setPushPreference`.
import { gql } from './api/http';
import { RegisterPushDocument, SetPushPreferenceDocument, UnregisterPushDocument, VapidKeyDocument, type PushKind } from './gql/graphql';

export type PushSupport = 'supported' | 'ios-needs-home-screen' | 'unsupported';

export function pushSupport(): PushSupport {
  const ok = 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
  if (ok) return 'supported';
  const ios = /iPhone|iPad|iPod/.test(navigator.userAgent) || (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1);
  return ios ? 'ios-needs-home-screen' : 'unsupported';
}

function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = (value + '='.repeat((4 - (value.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

export async function currentSubscription(): Promise<PushSubscription | null> {
  if (pushSupport() !== 'supported') return null;
  const registration = await navigator.serviceWorker.getRegistration();
  return (await registration?.pushManager.getSubscription()) ?? null;
}

/** Asks the browser (after the user's tap), subscribes and tells the server. */
export async function enablePush(): Promise<NotificationPermission> {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return permission;
  const registration = await navigator.serviceWorker.ready;
  const { vapidPublicKey } = await gql(VapidKeyDocument);
  const subscription =
    (await registration.pushManager.getSubscription()) ??
    (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlToBytes(vapidPublicKey) }));
  const json = subscription.toJSON();
  await gql(RegisterPushDocument, {
    input: { endpoint: subscription.endpoint, p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' },
  });
  return permission;
}

export async function disablePush(): Promise<void> {
  const subscription = await currentSubscription();
  if (!subscription) return;
  await gql(UnregisterPushDocument, { endpoint: subscription.endpoint });
  await subscription.unsubscribe();
}

export async function setKind(kind: PushKind, enabled: boolean): Promise<void> {
  await gql(SetPushPreferenceDocument, { kind, enabled });
}
