// Dates and statuses as residents read them (Japan Standard Time, 2026年12月1日 style).

import { longJapaneseDate, parseJapaneseDate } from './dates.js';

const TIME_ZONE = 'Asia/Tokyo';
const dateFormat = new Intl.DateTimeFormat('ja-JP', {
  timeZone: TIME_ZONE, year: 'numeric', month: 'long', day: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('ja-JP', {
  timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false,
});

function toDate(value) {
  if (value === null || value === undefined || value === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "2026-12-01T09:30:00+09:00" → "2026年12月1日" (JST). */
export function formatDate(value) {
  const date = toDate(value);
  return date ? dateFormat.format(date) : '';
}

/** "2026-12-01T09:30:00+09:00" → "2026年12月1日 09:30" (JST). */
export function formatDateTime(value) {
  const date = toDate(value);
  return date ? `${dateFormat.format(date)} ${timeFormat.format(date)}` : '';
}

/** A calendar date without a time ("2026-12-10", as form-js stores it) → "2026年（令和8年）12月10日（木）". */
export function formatPlainDate(value) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(String(value))) return String(value);
  const date = parseJapaneseDate(value);
  return date ? longJapaneseDate(date) : String(value);
}

/** "09:30", "09:30+09:00" or "09:30Z" → "9時30分". */
export function formatPlainTime(value) {
  const match = /^(\d{2}):(\d{2})/.exec(String(value));
  if (!match) return String(value);
  return `${Number(match[1])}時${match[2]}分`;
}

/** form-js datetime values: "2026-12-01T09:30" (with or without an offset). */
export function formatPlainDateTime(value) {
  const text = String(value);
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(.*)$/.exec(text);
  if (!match) return text;
  if (match[3] && match[3] !== '') {
    const date = toDate(text);
    if (date) return formatDateTime(date);
  }
  return `${formatPlainDate(match[1])} ${formatPlainTime(match[2])}`;
}

/** The colour family of a status badge; the text itself always says the status. */
export function statusTone(status) {
  const text = String(status || '');
  if (/差戻|修正/.test(text)) return 'action';
  if (/取下|取り下/.test(text)) return 'muted';
  if (/却下|不承認/.test(text)) return 'rejected';
  if (/承認|完了|交付|収集済/.test(text)) return 'done';
  if (/審査|確認中|処理中/.test(text)) return 'progress';
  return 'info';
}

/** 600 → "600円", 1200 → "1,200円". */
export function formatYen(amount) {
  return `${Number(amount).toLocaleString('ja-JP')}円`;
}
