// The strings of nobody left behind (降園確認) on the staff's screens, in Japanese (first) and
// English: the banner every staff screen shows after closing and the list's own screen. A
// table of its own so a guardian's phone never downloads it.
import { locale } from './i18n';

const ja = {
  departuresTitle: '降園確認',
  departuresLead: '閉園時刻を過ぎても降園の記録がない子です。降園するか、理由を記録するまで職員と園長に繰り返し通知します。',
  departuresNone: 'まだ園にいる子はいません',
  departuresOpen: 'まだ園にいる子',
  departuresEnded: '確認済み',
  departuresSince: '{time} から（通知 {alerts} 回）',
  departuresNote: '理由',
  departuresNoteHint: '例: 延長保育。母が19時30分にお迎え',
  departuresNoteNeeded: '理由を書いてください',
  departuresExplain: '理由を記録して通知を止める',
  departuresExplainFailed: '保存できませんでした。もう一度お試しください',
  departuresFailed: '読み込めませんでした',
  departuresResolutionCHECKED_OUT: '降園しました',
  departuresResolutionEXPLAINED: '職員が理由を記録しました',
  departuresBanner: '降園確認: {names} がまだ園にいます',
  departuresBannerOpen: '確認する',
};

type DepartureKey = keyof typeof ja;

const en: Record<DepartureKey, string> = {
  departuresTitle: 'Still here',
  departuresLead: 'Children with no check-out after closing time. Staff and the head are alerted again and again until each is checked out or explained.',
  departuresNone: 'Nobody is still here',
  departuresOpen: 'Still here',
  departuresEnded: 'Done',
  departuresSince: 'Since {time} ({alerts} alerts)',
  departuresNote: 'Reason',
  departuresNoteHint: 'e.g. Extended care; mother collects at 19:30',
  departuresNoteNeeded: 'Say why the child is still here',
  departuresExplain: 'Record the reason and stop the alerts',
  departuresExplainFailed: 'Could not save. Please try again',
  departuresFailed: 'Could not load',
  departuresResolutionCHECKED_OUT: 'checked out',
  departuresResolutionEXPLAINED: 'explained by staff',
  departuresBanner: 'Still here after closing: {names}',
  departuresBannerOpen: 'Check',
};

const tables = { ja, en };

/** The current language's text for `key` (reading it subscribes the component to the locale). */
export function d(key: DepartureKey, params?: Record<string, string | number>, lang = locale.value): string {
  let text = tables[lang][key];
  if (params) for (const [name, value] of Object.entries(params)) text = text.split(`{${name}}`).join(String(value));
  return text;
}

export type { DepartureKey };
