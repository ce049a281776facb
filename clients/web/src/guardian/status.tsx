// A child's state for the family: text + icon + colour, never colour alone.
import { deriveDay, type DayState } from '../day';
import { t } from '../i18n';
import { formatTime } from '../time';
import { Icon, type IconName } from '../ui/icons';
import type { HomeChild } from './store';

export function dayOf(child: HomeChild): DayState {
  return deriveDay(child.attendance, child.absences);
}

export function statusLine(state: DayState): { cls: string; icon: IconName; text: string } {
  switch (state.status) {
    case 'PRESENT':
      return {
        cls: 'st-present',
        icon: 'check',
        text: state.by ? t('arrivedBy', { time: formatTime(state.at!), by: state.by }) : t('arrived', { time: formatTime(state.at!) }),
      };
    case 'LEFT':
      return {
        cls: 'st-left',
        icon: 'home',
        text: state.pickupBy ? t('leftPickup', { time: formatTime(state.at!), who: state.pickupBy }) : t('left', { time: formatTime(state.at!) }),
      };
    case 'ABSENT':
      return { cls: 'st-absent', icon: 'cross', text: t('absentReported') };
    case 'LATE':
      return { cls: 'st-late', icon: 'clock', text: state.at ? t('lateExpected', { time: formatTime(state.at) }) : t('kindLATE') };
    default:
      return { cls: 'st-none', icon: 'dash', text: t('notYet') };
  }
}

export function StatusBadge({ state }: { state: DayState }) {
  const view = statusLine(state);
  return (
    <p class={`badge ${view.cls}`} data-testid="child-status">
      <Icon name={view.icon} size={22} />
      <span>{view.text}</span>
    </p>
  );
}

/** A report's acknowledgement: 確認済み 8:15, or waiting. */
export function AckLine({ acknowledgedAt }: { acknowledgedAt?: string | null }) {
  return acknowledgedAt ? (
    <span class="ack yes" data-testid="ack">
      <Icon name="check" size={18} /> {t('acknowledgedAt', { time: formatTime(acknowledgedAt) })}
    </span>
  ) : (
    <span class="ack no" data-testid="ack">
      <Icon name="clock" size={18} /> {t('awaitingAck')}
    </span>
  );
}
