// Madoguchi's fixes for Camunda Forms in Tasklist, loaded through scripts/config.js (customScripts).
//
// 1. Fast typing: form-js commits what is typed into a text field 300 ms after the last key (or
//    when the field loses focus). Enter right after typing submitted the task form before that, so
//    the last field was empty and 「完了」 failed with "Field is required.". Enter in a form field
//    now commits the field and never completes the task: the clerk completes with 「完了」.
// 2. form-js 1.8 has no translations: its validation messages are shown in Japanese.
// 3. Dates: form-js reads and writes date fields in the browser's default date format (m/d/Y on a
//    PC set to English, where a typed 2026/12/15 became 2027-08-06). They follow the Japanese
//    format, yyyy/mm/dd, on every PC.

const FORM = '.fjs-container';

document.addEventListener('keydown', (event) => {
  const field = event.target;
  if (event.key !== 'Enter' || event.isComposing || !(field instanceof HTMLInputElement) || !field.closest(FORM)) {
    return;
  }
  if (!field.closest('.fjs-datepicker')) {
    // form-js flushes a field's pending value when the field is blurred
    field.dispatchEvent(new FocusEvent('blur'));
  }
}, true);

// Enter's implicit submission of the form-js form would complete the task: the clerk uses 「完了」.
document.addEventListener('submit', (event) => {
  if (event.target instanceof HTMLFormElement && event.target.closest(FORM)) {
    event.preventDefault();
    event.stopPropagation();
  }
}, true);

const NativeDateTimeFormat = Intl.DateTimeFormat;
function JapaneseDateTimeFormat(locales, options) {
  return new NativeDateTimeFormat(locales === undefined || locales === 'default' ? 'ja-JP' : locales, options);
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

new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    if (mutation.type === 'characterData') translate(mutation.target);
    else mutation.addedNodes.forEach(translate);
  }
}).observe(document.documentElement, { subtree: true, childList: true, characterData: true });
