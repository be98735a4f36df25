// The form-js viewer, in Japanese. Loaded lazily: only the pages with a form pay for it.
// form-js has no translations of its own, so its validation messages are translated where they are
// made (the validator) and its few fixed UI words where they are shown (a MutationObserver).

import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import { Form } from '@bpmn-io/form-js-viewer';
import flatpickr from 'flatpickr';
import { Japanese } from 'flatpickr/dist/l10n/ja.js';
import { isoDate, parseJapaneseDate, slashDate, wareki, weekday } from '../dates.js';

flatpickr.localize({
  ...Japanese,
  firstDayOfWeek: 0,
  monthAriaLabel: '月',
  yearAriaLabel: '年',
  hourAriaLabel: '時',
  minuteAriaLabel: '分',
  toggleTitle: '切り替え',
});
const ARIA_DATE_FORMAT = 'Y年n月j日';

function parseTypedDate(text) {
  const date = parseJapaneseDate(text);
  if (date) return new Date(date.year, date.month - 1, date.day);
  // form-js's own lower bound is written 01/01/1900
  const us = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(String(text).trim());
  return us ? new Date(Number(us[3]), Number(us[1]) - 1, Number(us[2])) : undefined;
}

function formatDate(date, format) {
  const parts = { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
  return format === ARIA_DATE_FORMAT ? `${wareki(parts)}（${weekday(parts)}）` : slashDate(parts);
}

// form-js takes the date format from the phone's language (m/d/Y in English: a typed 2026/12/10
// became 8/6/2027). Dates are typed and shown the Japanese way on every phone instead. flatpickr
// takes parseDate and formatDate only from a picker's own options (form-js's) or from a plugin,
// never from its defaults: a default plugin gives them to every picker. The phones' own date
// inputs stay off, so every phone shows the same text field with the 和暦 beside it.
flatpickr.setDefaults({
  ariaDateFormat: ARIA_DATE_FORMAT,
  disableMobile: true,
  plugins: [() => ({ parseDate: parseTypedDate, formatDate })],
});

const VALIDATION_MESSAGES = [
  [/^Field is required\.$/, () => 'この項目は必須です。'],
  [/^Field must match pattern .*\.$/s, () => '入力の形式が正しくありません。'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `${m[1]} 以上の値を入力してください。`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `${m[1]} 以下の値を入力してください。`],
  [/^Field must have minimum length of (.+)\.$/, (m) => `${m[1]} 文字以上で入力してください。`],
  [/^Field must have maximum length of (.+)\.$/, (m) => `${m[1]} 文字以内で入力してください。`],
  [/^Field must be a valid\s+international phone number\..*$/, () => '電話番号を国際形式（例：+81312345678）で入力してください。'],
  [/^Field must be a valid email\.$/, () => 'メールアドレスの形式が正しくありません。'],
  [/^Value is not a number\.$/, () => '数字で入力してください。'],
  [/^Value is expected to be an integer\.$/, () => '整数で入力してください。'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (m) => `小数点以下は ${m[1]} 桁までで入力してください。`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (m) => `入力できる値ではありません。近い値は ${m[1]} または ${m[2]} です。`],
  [/^Date and time must both be entered\.$/, () => '日付と時刻の両方を入力してください。'],
];

export function translateMessage(message) {
  if (typeof message !== 'string') return message;
  for (const [pattern, translate] of VALIDATION_MESSAGES) {
    const match = pattern.exec(message);
    if (match) return translate(match);
  }
  return message;
}

function patchValidator(validator) {
  for (const method of ['validateField', 'validateFieldInstance']) {
    const original = validator[method];
    if (typeof original !== 'function') continue;
    validator[method] = function translated(...args) {
      const errors = original.apply(this, args);
      return Array.isArray(errors) ? errors.map(translateMessage) : errors;
    };
  }
}

const TEXTS = [
  [/^Browse$/, () => 'ファイルを選ぶ'],
  [/^No files selected$/, () => 'ファイルが選ばれていません'],
  [/^(\d+) files selected$/, (m) => `${m[1]} 個のファイルを選びました`],
  [/^Add new$/, () => '1件追加する'],
  [/^Collapse$/, () => '折りたたむ'],
  [/^Expand all \((\d+)\)$/, (m) => `すべて表示（ほか${m[1]}件）`],
  [/^Select$/, () => '選んでください'],
  [/^Nothing to show\.$/, () => '表示する内容がありません。'],
  [/^No results$/, () => '該当するものがありません'],
];

const ATTRIBUTES = [
  [/^Remove list item (\d+)$/, (m) => `${m[1]}件目を削除`],
  [/^Increment$/, () => '1 増やす'],
  [/^Decrement$/, () => '1 減らす'],
  [/^Remove tag$/, () => '削除'],
  [/^Search$/, () => '検索'],
  [/^Previous page$/, () => '前のページ'],
  [/^Next page$/, () => '次のページ'],
  [/^Download (.+)$/, (m) => `${m[1]} をダウンロード`],
  [/^hh:mm$/, () => '例：09:30'],
  [/^hh:mm --$/, () => '例：09:30 AM'],
  // form-js writes the placeholder in the browser's order (mm/dd/yyyy, dd.mm.yyyy …); dates are typed y/m/d
  [/^(?=.*yyyy)(?=.*mm)(?=.*dd)[ymd/.\-\s]+$/, () => '例：2026/12/01'],
];

function translate(text, table) {
  const trimmed = text.trim();
  if (!trimmed) return null;
  for (const [pattern, make] of table) {
    const match = pattern.exec(trimmed);
    if (match) {
      const result = make(match);
      return result === trimmed ? null : text.replace(trimmed, result);
    }
  }
  return translateMessage(trimmed) !== trimmed ? text.replace(trimmed, translateMessage(trimmed)) : null;
}

function translateNode(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    const replaced = translate(node.data, TEXTS);
    if (replaced !== null && replaced !== node.data) node.data = replaced;
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  const elements = [node, ...node.querySelectorAll('*')];
  for (const element of elements) {
    for (const name of ['placeholder', 'aria-label', 'title']) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      const replaced = translate(value, ATTRIBUTES);
      if (replaced !== null && replaced !== value) element.setAttribute(name, replaced);
    }
  }
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const replaced = translate(text.data, TEXTS);
    if (replaced !== null && replaced !== text.data) text.data = replaced;
  }
}

function observeTranslations(root) {
  translateNode(root);
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'characterData') translateNode(mutation.target);
      else if (mutation.type === 'attributes') translateNode(mutation.target);
      else mutation.addedNodes.forEach(translateNode);
    }
  });
  observer.observe(root, {
    subtree: true, childList: true, characterData: true,
    attributes: true, attributeFilter: ['placeholder', 'aria-label', 'title'],
  });
  return () => observer.disconnect();
}

// Only form-js's own input: the calendar inside the field has a year input too.
const DATE_INPUT = '.fjs-datepicker input.fjs-input';

function day(date) {
  return date instanceof Date ? { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() } : null;
}

/** Ids of the date fields a form keeps to today or earlier: its custom property disallowFutureDates (a birth date). */
function untilTodayFieldIds(components, ids = []) {
  for (const component of components || []) {
    if (component.type === 'datetime' && component.properties?.disallowFutureDates === 'true') ids.push(component.id);
    untilTodayFieldIds(component.components, ids);
  }
  return ids;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The ids of those fields' date inputs, as one pattern (null when the form has none). An input's id
 * ends in the component's id, the row of a dynamic list and -date.
 */
function untilTodayInputIds(components) {
  const ids = untilTodayFieldIds(components);
  return ids.length ? new RegExp(`-(?:${ids.map(escapeRegExp).join('|')})(?:_\\d+)*-date$`) : null;
}

/** form-js has no rule against future days: its picker gets one (flatpickr's maxDate) where the form asks for it. */
function limitToToday(container, inputIds) {
  if (!inputIds) return;
  for (const input of container.querySelectorAll(DATE_INPUT)) {
    const picker = input._flatpickr;
    if (picker && !picker.config.maxDate && inputIds.test(input.id)) picker.set('maxDate', 'today');
  }
}

/**
 * Beside every date field: the date as 和暦 with the weekday (令和8年12月10日（木）), what to type when
 * the text is not a date, or why a day already past (or, for a birth date, still to come) is not
 * taken. flatpickr empties the field when it refuses such a day, so the text the resident typed is
 * kept (data-typed) to say what happened to it.
 */
function showWareki(container) {
  for (const input of container.querySelectorAll(DATE_INPUT)) {
    const field = input.closest('.fjs-form-field');
    if (!field) continue;
    let hint = field.querySelector(':scope > .wareki-hint');
    if (!hint) {
      hint = document.createElement('p');
      hint.className = 'wareki-hint';
      hint.setAttribute('aria-live', 'polite');
      field.append(hint);
    }
    const text = input.value.trim() || (input.dataset.typed || '').trim();
    const date = text ? parseJapaneseDate(text) : null;
    const earliest = day(input._flatpickr?.config?.minDate);
    const latest = day(input._flatpickr?.config?.maxDate);
    const passed = Boolean(date && earliest && isoDate(date) < isoDate(earliest));
    const toCome = Boolean(date && latest && isoDate(date) > isoDate(latest));
    let shown = '';
    if (passed) {
      shown = `${wareki(date)}（${weekday(date)}）は過ぎた日です。今日以降の日付を入力してください`;
    } else if (toCome) {
      shown = `${wareki(date)}（${weekday(date)}）はまだ来ていない日です。今日までの日付を入力してください`;
    } else if (date && input.value.trim()) {
      shown = `${wareki(date)}（${weekday(date)}）`;
    } else if (input.value.trim()) {
      shown = '年/月/日 の順に入力してください（例：2026/12/01）';
    }
    if (hint.textContent !== shown) hint.textContent = shown;
    hint.classList.toggle('wareki-invalid', passed || toCome || Boolean(input.value.trim() && !date));
  }
}

// only what a person typed: flatpickr announces its own emptying of the field with an input event too
function rememberTypedDate(event) {
  if (event.isTrusted && event.target.matches?.(DATE_INPUT)) event.target.dataset.typed = event.target.value;
}

/**
 * Renders schema with data into container.
 * @returns {Promise<{ form: Form, destroy(): void }>}
 */
export async function createForm(container, schema, data, { ariaLabel = '申請フォーム' } = {}) {
  // no debounce: a debounced field loses its typed text when another field (e.g. a file) changes first
  const form = new Form({ container, properties: { ariaLabel }, debounce: false });
  patchValidator(form.get('validator'));
  const stopTranslating = observeTranslations(container);
  // flatpickr's calendars are attached inside the form (static: true), so the observer sees them
  await form.importSchema(schema, data || {});
  const untilToday = untilTodayInputIds(schema.components);
  const updateWareki = () => {
    limitToToday(container, untilToday);
    showWareki(container);
  };
  const onInput = (event) => {
    rememberTypedDate(event);
    updateWareki();
  };
  container.addEventListener('input', onInput);
  form.on('changed', () => setTimeout(updateWareki, 0));
  updateWareki();
  return {
    form,
    destroy() {
      container.removeEventListener('input', onInput);
      stopTranslating();
      form.destroy();
    },
  };
}
