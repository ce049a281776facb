// The pickup plan's strings (お迎え), in Japanese (first) and English: the guardian's screen,
// the staff's roster line, check-out choices and confirmations. Read through `pk()` with the
// app's current language.
import { locale } from './i18n';

const ja = {
  pickup: 'お迎え',
  pickupTitle: 'お迎え',
  todayPlan: '今日のお迎え',
  planTime: 'お迎えの時刻',
  planWho: 'お迎えに行く人',
  oneOff: '今日だけの方',
  oneOffHint: '登録していない方は、保育所が確認するまで「確認待ち」になります',
  name: 'お名前',
  relation: '続柄',
  relationHint: '例: 祖母、おじ、シッター',
  phone: '電話番号',
  phoneHint: '例: 090-1234-5678',
  savePlan: 'お迎えを知らせる',
  clearPlan: '取り消す',
  planSaved: '保育所に伝えました',
  planNone: 'まだ知らせていません',
  planLine: 'お迎え {time} {name}',
  confirmed: '確認済み',
  unconfirmed: '確認待ち',
  listTitle: 'お迎えできる人',
  listLead: '保護者のほかにお迎えに来る方を登録します。保育所が確認すると「確認済み」になります。',
  listEmpty: 'まだ登録されていません',
  addPerson: '登録する',
  remove: '削除',
  removeConfirm: '{name}さんを削除しますか？',
  needPerson: 'お迎えに行く人を選んでください',
  required: '入力してください',
  // Staff.
  staffTitle: 'お迎えの確認',
  staffPlans: '今日のお迎え予定',
  staffPlansNone: '今日のお迎え予定はまだありません',
  staffToConfirm: '確認が必要な方',
  staffToConfirmNone: '確認が必要な方はいません',
  staffConfirm: '確認した',
  staffWarnings: '登録外の方のお迎え',
  staffWarningItem: '{child}: {who}（{time}）',
  staffWarningLive: '{child}さんが登録外の方（{who}）のお迎えで降園しました',
  staffWhoUnknown: '名前なし',
  tileUnconfirmed: '未確認',
  chooseTitle: 'お迎えの方',
  choosePlanned: '予定の方',
  chooseList: '登録されている方',
  chooseGuardian: '保護者',
  chooseGuardianLabel: '保護者（母・父）',
  chooseOther: 'その他の方',
  otherWarns: '登録されていない方です。園長に通知されます',
  unconfirmedWarns: 'まだ確認されていない方です。園長に通知されます',
  ofFamily: '{children} のご家族',
};

export type PickupKey = keyof typeof ja;

const en: Record<PickupKey, string> = {
  pickup: 'Pick-up',
  pickupTitle: 'Pick-up',
  todayPlan: "Today's pick-up",
  planTime: 'Pick-up time',
  planWho: 'Who is coming',
  oneOff: 'Someone for today only',
  oneOffHint: 'Someone not on your list shows as "waiting" until the nursery confirms them',
  name: 'Name',
  relation: 'Relation',
  relationHint: 'e.g. grandmother, uncle, sitter',
  phone: 'Phone',
  phoneHint: 'e.g. 090-1234-5678',
  savePlan: 'Tell the nursery',
  clearPlan: 'Cancel',
  planSaved: 'The nursery has been told',
  planNone: 'Not told yet',
  planLine: 'Pick-up {time} {name}',
  confirmed: 'Confirmed',
  unconfirmed: 'Waiting for the nursery',
  listTitle: 'Who may pick up',
  listLead: 'People besides the guardians who may collect the children. The nursery confirms each one.',
  listEmpty: 'Nobody yet',
  addPerson: 'Add',
  remove: 'Remove',
  removeConfirm: 'Remove {name}?',
  needPerson: 'Choose who is coming',
  required: 'Required',
  staffTitle: 'Pick-ups',
  staffPlans: "Today's pick-ups",
  staffPlansNone: 'No pick-ups planned yet today',
  staffToConfirm: 'To confirm',
  staffToConfirmNone: 'Nobody to confirm',
  staffConfirm: 'Confirmed',
  staffWarnings: 'Collected by someone not on the list',
  staffWarningItem: '{child}: {who} ({time})',
  staffWarningLive: '{child} was collected by someone not on the list ({who})',
  staffWhoUnknown: 'no name',
  tileUnconfirmed: 'not confirmed',
  chooseTitle: 'Who is collecting',
  choosePlanned: 'Planned',
  chooseList: 'On the list',
  chooseGuardian: 'Guardian',
  chooseGuardianLabel: 'Guardian (mother, father)',
  chooseOther: 'Someone else',
  otherWarns: 'Not on the list: the head will be notified',
  unconfirmedWarns: 'Not confirmed yet: the head will be notified',
  ofFamily: 'Family of {children}',
};

const tables = { ja, en };

/** The current language's text for `key` (reading it subscribes the component to the locale). */
export function pk(key: PickupKey, params?: Record<string, string | number>): string {
  let text = tables[locale.value][key];
  if (params) for (const [name, value] of Object.entries(params)) text = text.split(`{${name}}`).join(String(value));
  return text;
}

export const pickupTables = tables;
