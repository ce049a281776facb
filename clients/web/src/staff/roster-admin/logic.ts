// The roster screens' pure rules: a file's bytes as base64 (so Excel's Shift_JIS reaches the
// server untouched), the next April move-up date, allergies typed as one line, birth dates
// with their year, and an import problem in the head's language (the server reports them in
// English with the column's key).
import type { Locale } from '../../strings';

/** Base64 of raw bytes, in chunks (a large file would overflow `String.fromCharCode(...all)`). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The next 1 April on or after `today` (`YYYY-MM-DD`): the usual move-up day. */
export function nextApril(today: string): string {
  const year = Number(today.slice(0, 4));
  return today <= `${year}-04-01` ? `${year}-04-01` : `${year + 1}-04-01`;
}

/** `卵、乳, 小麦` → `['卵', '乳', '小麦']`: Japanese or Latin commas, 、 or ・, blanks dropped. */
export function parseAllergies(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[,、，・\n]/)) {
    const item = part.trim();
    if (item) seen.add(item);
  }
  return [...seen];
}

/** A date with its year, as a birth date is written: `2022年5月10日` / `10 May 2022`. */
export function formatFullDate(date: string, locale: Locale): string {
  const [y, m, d] = date.split('-').map(Number);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return locale === 'ja' ? `${y}年${m}月${d}日` : `${d} ${months[m - 1]} ${y}`;
}

/** The CSV headers the server reads, by the column key it names in a problem. */
export const IMPORT_COLUMNS: Record<string, { ja: string; en: string }> = {
  classroom: { ja: 'クラス', en: 'classroom' },
  ageBand: { ja: '年齢', en: 'ageBand' },
  family: { ja: '家族', en: 'family' },
  name: { ja: '氏名', en: 'name' },
  nameKana: { ja: 'ふりがな', en: 'nameKana' },
  birthDate: { ja: '生年月日', en: 'birthDate' },
  enrolledOn: { ja: '入園日', en: 'enrolledOn' },
  guardianName: { ja: '保護者氏名', en: 'guardianName' },
  guardianEmail: { ja: '保護者メール', en: 'guardianEmail' },
};

export function columnLabel(column: string, locale: Locale): string {
  return IMPORT_COLUMNS[column]?.[locale] ?? column;
}

// The server's messages (domain/roster_import.rs, domain/validate.rs) in Japanese. Anything not
// listed is shown as the server wrote it, so a new message is never hidden.
const JA_PROBLEMS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^the birth date is not a date/, () => '生年月日が日付になっていません（例: 2022-05-10）'],
  [/^birth date must be in the past seven years/, () => '生年月日は今日以前の、7年以内の日付にしてください'],
  [/^the enrolment date is not a date/, () => '入園日が日付になっていません（例: 2025-04-01）'],
  [/^enrolment cannot be before birth/, () => '入園日が生年月日より前です'],
  [/^enrolment must be within/, () => '入園日は7年前から1年先までの日付にしてください'],
  [/^the age band is 0 to 5/, () => '年齢は0〜5の数字で書いてください'],
  [/^(.+) is the age band (\d) elsewhere$/, (m) => `${m[1]}はほかの行や既存の組で${m[2]}歳児になっています`],
  [/^(.+) is new: give its age band$/, (m) => `${m[1]}は新しい組です。年齢を書いてください`],
  [/^the family is empty/, () => '家族が空欄です'],
  [/^the classroom is empty/, () => 'クラスが空欄です'],
  [/^a line needs a child or a guardian/, () => '園児か保護者のどちらかを書いてください'],
  [/^the family (.+) has no child$/, (m) => `家族「${m[1]}」に園児がいません`],
  [/^the same address is given for another family/, () => 'このメールアドレスはほかの家族の行にもあります'],
  [/^an account with this address already exists/, () => 'このメールアドレスのアカウントはすでにあります'],
  [/^not a valid email address/, () => 'メールアドレスの形になっていません'],
  [/^the column (\S+) is missing/, (m) => `列「${columnLabel(m[1], 'ja')}」がありません`],
  [/^the file has no header line/, () => '1行目に見出しの行がありません'],
  [/^unreadable line/, () => '読み取れない行です'],
  [/^at most (\d+) lines per import/, (m) => `一度に取り込めるのは${m[1]}行までです`],
  [/^`\w+` must not be empty/, () => '空欄です'],
  [/^`\w+` must be a single line/, () => '1行で書いてください'],
  [/^`\w+` is longer than (\d+) characters/, (m) => `${m[1]}文字以内にしてください`],
];

/** An import problem's message in the head's language. */
export function problemText(message: string, locale: Locale): string {
  if (locale === 'en') return message;
  for (const [pattern, text] of JA_PROBLEMS) {
    const m = pattern.exec(message);
    if (m) return text(m);
  }
  return message;
}
