import { describe, expect, it } from 'vitest';

import { bytesToBase64, columnLabel, formatFullDate, nextApril, parseAllergies, problemText } from '../src/staff/roster-admin/logic';
import { rosterTables } from '../src/strings-roster';

describe('roster screens', () => {
  it('encodes any bytes as base64, Shift_JIS and files larger than one chunk included', () => {
    // 「クラス」 in Shift_JIS: not UTF-8, so it must reach the server byte for byte.
    const sjis = new Uint8Array([0x83, 0x4e, 0x83, 0x89, 0x83, 0x58]);
    expect(bytesToBase64(sjis)).toBe('g06DiYNY');
    const big = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    let binary = '';
    for (const byte of big) binary += String.fromCharCode(byte);
    expect(bytesToBase64(big)).toBe(btoa(binary));
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });
  it('proposes the next 1 April for the move-up', () => {
    expect(nextApril('2026-01-15')).toBe('2026-04-01');
    expect(nextApril('2026-04-01')).toBe('2026-04-01');
    expect(nextApril('2026-04-02')).toBe('2027-04-01');
    expect(nextApril('2026-12-31')).toBe('2027-04-01');
  });
  it('reads allergies typed with Japanese or Latin separators', () => {
    expect(parseAllergies('卵、乳, 小麦・そば')).toEqual(['卵', '乳', '小麦', 'そば']);
    expect(parseAllergies(' 卵 、、卵 ')).toEqual(['卵']);
    expect(parseAllergies('')).toEqual([]);
  });
  it('writes birth dates with their year', () => {
    expect(formatFullDate('2022-05-10', 'ja')).toBe('2022年5月10日');
    expect(formatFullDate('2022-05-10', 'en')).toBe('10 May 2022');
  });
  it('shows import problems in Japanese, and unknown ones as the server wrote them', () => {
    expect(problemText('the birth date is not a date (YYYY-MM-DD)', 'ja')).toBe('生年月日が日付になっていません（例: 2022-05-10）');
    expect(problemText('ぱんだ組 is the age band 3 elsewhere', 'ja')).toBe('ぱんだ組はほかの行や既存の組で3歳児になっています');
    expect(problemText('the column birthDate is missing', 'ja')).toBe('列「生年月日」がありません');
    expect(problemText('something new', 'ja')).toBe('something new');
    expect(problemText('the age band is 0 to 5', 'en')).toBe('the age band is 0 to 5');
    expect(columnLabel('guardianEmail', 'ja')).toBe('保護者メール');
    expect(columnLabel('other', 'ja')).toBe('other');
  });
  it('has every string in both languages', () => {
    expect(Object.keys(rosterTables.en).sort()).toEqual(Object.keys(rosterTables.ja).sort());
    for (const text of Object.values(rosterTables.en)) expect(text).not.toBe('');
  });
});
