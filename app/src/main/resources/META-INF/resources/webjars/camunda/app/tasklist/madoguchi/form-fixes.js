// Madoguchi's fixes for Camunda Forms in Tasklist, loaded through scripts/config.js (customScripts).
//
// 1. Fast typing: form-js 1.8 (Tasklist's) commits what is typed into a text or number field 300 ms
//    after the last key. Its inputs are controlled: when anything else re-renders the form within
//    those 300 ms (a date just picked, a radio, a validation message), the field is drawn again with
//    the value not yet committed and the browser's text is replaced by it; the pending commit then
//    reads the emptied input, so the typed value is lost and 「完了」 fails with "Field is required.".
//    form-js's own option `debounce: false` (what the LIFF pages use) commits every key at once, but
//    Tasklist creates the form without options: it is set on the form's config as soon as the form
//    is drawn, and the form is drawn again so every field takes it.
// 2. form-js 1.8 has no translations: its validation messages are shown in Japanese.
// 3. Dates: form-js reads and writes date fields in the browser's default date format (m/d/Y on a
//    PC set to English, where a typed 2026/12/15 became 2027-08-06). They follow the Japanese
//    format, yyyy/mm/dd as the placeholder says, on every PC (ja-JP alone writes 2026/12/2).
// 4. A day already past in a field that refuses it (disallowPassedDates): form-js's date picker
//    empties the field without a word, so the clerk is told under the field which day was refused.
// 5. A day still to come in a field whose form sets Madoguchi's custom property disallowFutureDates
//    (補修完了日): form-js has no such rule, so the picker gets flatpickr's maxDate, and the clerk is
//    told as in 4 instead of learning it from the server's refusal on 完了.

const FORM = '.fjs-container';
const immediate = new WeakSet();

/**
 * form-js's context (its getService) in the Preact tree form-js rendered into its container (Preact
 * keeps the tree on the container; `__k` are a node's children in Preact 10's published build).
 */
function formContext(vnode, depth = 0) {
  if (!vnode || depth > 12) return null;
  const value = vnode.props && vnode.props.value;
  if (value && typeof value.getService === 'function') return value;
  for (const child of vnode.__k || []) {
    const found = formContext(child, depth + 1);
    if (found) return found;
  }
  return null;
}

function commitEveryKey(container) {
  if (immediate.has(container)) return;
  const context = formContext(container.__k);
  if (!context) return;
  immediate.add(container);
  context.getService('config').debounce = false;
  context.getService('form').setProperty('madoguchiCommitsEveryKey', true);
}

const NativeDateTimeFormat = Intl.DateTimeFormat;
const JAPANESE_DAY = { year: 'numeric', month: '2-digit', day: '2-digit' };
function JapaneseDateTimeFormat(locales, options) {
  if (locales === undefined || locales === 'default') {
    return new NativeDateTimeFormat('ja-JP', options === undefined ? JAPANESE_DAY : options);
  }
  return new NativeDateTimeFormat(locales, options);
}
JapaneseDateTimeFormat.prototype = NativeDateTimeFormat.prototype;
JapaneseDateTimeFormat.supportedLocalesOf = NativeDateTimeFormat.supportedLocalesOf.bind(NativeDateTimeFormat);
Intl.DateTimeFormat = JapaneseDateTimeFormat;

const MESSAGES = [
  [/^Field is required\.$/, () => 'この項目は必須です。'],
  [/^Field must match pattern .*\.$/s, () => '入力の形式が正しくありません。'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `${m[1]} 以上の値を入力してください。`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `${m[1]} 以下の値を入力してください。`],
  [/^Field must have minimum length of (.+)\.$/, (m) => `${m[1]} 文字以上で入力してください。`],
  [/^Field must have maximum length of (.+)\.$/, (m) => `${m[1]} 文字以内で入力してください。`],
  [/^Field must be a valid email\.$/, () => 'メールアドレスの形式が正しくありません。'],
  [/^Value is not a number\.$/, () => '数字で入力してください。'],
  [/^Value is expected to be an integer\.$/, () => '整数で入力してください。'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (m) => `小数点以下は ${m[1]} 桁までで入力してください。`],
  [/^Date and time must both be entered\.$/, () => '日付と時刻の両方を入力してください。'],
  [/^Select$/, () => '選んでください'],
  [/^Search$/, () => '検索'],
  [/^No results$/, () => '該当するものがありません'],
];

function translated(text) {
  const trimmed = text.trim();
  for (const [pattern, make] of MESSAGES) {
    const match = pattern.exec(trimmed);
    if (match) return text.replace(trimmed, make(match));
  }
  return null;
}

function translate(node) {
  const root = node.nodeType === Node.TEXT_NODE ? node.parentNode : node;
  if (!root || !(root instanceof Element) || !root.closest(FORM)) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let text = walker.currentNode.nodeType === Node.TEXT_NODE ? walker.currentNode : walker.nextNode(); text;
    text = walker.nextNode()) {
    const replaced = translated(text.data);
    if (replaced !== null && replaced !== text.data) text.data = replaced;
  }
}

const DATE_INPUT = '.fjs-datepicker input.fjs-input';

function typedDay(text) {
  const match = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(String(text || '').trim());
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
}

const examinedPickers = new WeakSet();

/**
 * The ids of the date inputs of a form's disallowFutureDates fields, as one pattern (null when it has
 * none, undefined before form-js has its fields): an input's id ends in its field's id and -date.
 */
function untilTodayInputIds(container) {
  const context = formContext(container.__k);
  const fields = context ? context.getService('formFieldRegistry').getAll() : [];
  if (!fields.length) return undefined;
  const ids = fields
    .filter((field) => field.type === 'datetime' && field.properties && field.properties.disallowFutureDates === 'true')
    .map((field) => field.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return ids.length ? new RegExp(`-(?:${ids.join('|')})-date$`) : null;
}

/** Each new date picker once: the form's fields are read only when a picker appears, not on every change. */
function limitToToday(container) {
  const fresh = [...container.querySelectorAll(DATE_INPUT)]
    .filter((input) => input._flatpickr && !examinedPickers.has(input._flatpickr));
  if (!fresh.length) return;
  const inputIds = untilTodayInputIds(container);
  if (inputIds === undefined) return;
  fresh.forEach((input) => {
    examinedPickers.add(input._flatpickr);
    if (inputIds && inputIds.test(input.id)) input._flatpickr.set('maxDate', 'today');
  });
}

function refusal(input) {
  const typed = input.value.trim() ? null : typedDay(input.dataset.typed);
  if (!typed) return '';
  const picker = input._flatpickr;
  const earliest = picker && picker.config.minDate;
  const latest = picker && picker.config.maxDate;
  if (earliest instanceof Date && typed < earliest) {
    return `${input.dataset.typed.trim()} は過ぎた日です。今日以降の日付を入力してください。`;
  }
  if (latest instanceof Date && typed > latest) {
    return `${input.dataset.typed.trim()} はまだ来ていない日です。今日までの日付を入力してください。`;
  }
  return '';
}

function explainRefusedDay(input) {
  const field = input.closest('.fjs-form-field');
  if (!field) return;
  let note = field.querySelector(':scope > .madoguchi-refused-day');
  const text = refusal(input);
  if (!text) {
    if (note) note.remove();
    return;
  }
  if (!note) {
    note = document.createElement('div');
    note.className = 'fjs-form-field-error madoguchi-refused-day';
    note.setAttribute('role', 'alert');
    field.append(note);
  }
  if (note.textContent !== text) note.textContent = text;
}

function explainRefusedDays() {
  document.querySelectorAll(`${FORM} ${DATE_INPUT}`).forEach(explainRefusedDay);
}

// only what the clerk typed: flatpickr announces its own emptying of the field with an input event too
document.addEventListener('input', (event) => {
  if (event.isTrusted && event.target.matches && event.target.matches(DATE_INPUT)) {
    event.target.dataset.typed = event.target.value;
    explainRefusedDay(event.target);
  }
}, true);
// the picker empties the field when it takes the typed text: on leaving the field or on Enter
document.addEventListener('focusout', () => setTimeout(explainRefusedDays, 0), true);
document.addEventListener('keyup', (event) => {
  if (event.key === 'Enter') setTimeout(explainRefusedDays, 0);
}, true);

new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    if (mutation.type === 'characterData') translate(mutation.target);
    else mutation.addedNodes.forEach(translate);
  }
  document.querySelectorAll(FORM).forEach((container) => {
    commitEveryKey(container);
    limitToToday(container);
  });
  explainRefusedDays();
}).observe(document.documentElement, { subtree: true, childList: true, characterData: true });
