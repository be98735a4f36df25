// Calendar dates the same way on every phone, whatever its language: typed as residents write them
// in Japan (2026/12/10, 2026-12-10, 2026年12月10日, 令和8年12月10日, R8.12.10, 20261210, full-width
// digits too), shown as 2026/12/10 with the 和暦 and the weekday beside it.

const ERAS = [
  { name: '令和', letter: 'R', start: [2019, 5, 1] },
  { name: '平成', letter: 'H', start: [1989, 1, 8] },
  { name: '昭和', letter: 'S', start: [1926, 12, 25] },
  { name: '大正', letter: 'T', start: [1912, 7, 30] },
  { name: '明治', letter: 'M', start: [1868, 1, 25] },
];
const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'];

function halfWidth(text) {
  return String(text)
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[／－．]/g, (mark) => ({ '／': '/', '－': '-', '．': '.' }[mark]))
    .replace(/\s+/g, '')
    .trim();
}

function valid(year, month, day) {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { year, month, day };
}

function fromEra(eraText, eraYear, month, day) {
  const era = ERAS.find((candidate) => candidate.name === eraText || candidate.letter === eraText.toUpperCase());
  if (!era) return null;
  const year = era.start[0] + (eraYear === '元' ? 1 : Number(eraYear)) - 1;
  return valid(year, Number(month), Number(day));
}

/** @returns {{year: number, month: number, day: number}|null} */
export function parseJapaneseDate(text) {
  const value = halfWidth(text);
  let match = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(value)
    || /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(value)
    || /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (match) return valid(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(令和|平成|昭和|大正|明治)(元|\d{1,2})年(\d{1,2})月(\d{1,2})日?$/.exec(value)
    || /^([RHSTMrhstm])(元|\d{1,2})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(value);
  if (match) return fromEra(match[1], match[2], match[3], match[4]);
  return null;
}

function pad(number) {
  return String(number).padStart(2, '0');
}

/** 2026/12/10 */
export function slashDate({ year, month, day }) {
  return `${year}/${pad(month)}/${pad(day)}`;
}

/** 2026-12-10 (how forms store a date) */
export function isoDate({ year, month, day }) {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** 令和8年12月10日 (the first year of an era as 元年) */
export function wareki({ year, month, day }) {
  const key = year * 10000 + month * 100 + day;
  const era = ERAS.find((candidate) => key >= candidate.start[0] * 10000 + candidate.start[1] * 100 + candidate.start[2]);
  if (!era) return `${year}年${month}月${day}日`;
  const eraYear = year - era.start[0] + 1;
  return `${era.name}${eraYear === 1 ? '元' : eraYear}年${month}月${day}日`;
}

/** 木 */
export function weekday({ year, month, day }) {
  return WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
}

/** 2026年（令和8年）12月10日（木） */
export function longJapaneseDate(date) {
  const era = wareki(date).replace(/\d+月\d+日$/, '');
  return `${date.year}年（${era}）${date.month}月${date.day}日（${weekday(date)}）`;
}
