// Building blocks the console's pages share: messages, tables, confirmation dialogs, JST times.

import { h, uniqueId } from '../../liff/src/dom.js';

const TIME_ZONE = 'Asia/Tokyo';
const dateTimeFormat = new Intl.DateTimeFormat('ja-JP', {
  timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  second: '2-digit', hour12: false,
});
const isoDate = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** An instant → "2026/12/01 09:30:00" in JST; empty for nothing. */
export function jst(value) {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : dateTimeFormat.format(date);
}

/** Today's date in Japan as yyyy-mm-dd. */
export function todayInJapan(offsetDays = 0) {
  return isoDate.format(new Date(Date.now() + offsetDays * 86_400_000));
}

export function alert(text, kind = 'error') {
  return h('p', { class: `alert ${kind}`, role: kind === 'error' ? 'alert' : 'status', text });
}

/** A live region at the top of a page for the outcome of an action. */
export function notices() {
  const region = h('div', { class: 'notices', 'aria-live': 'polite' });
  return {
    element: region,
    show(text, kind = 'success') {
      region.replaceChildren(h('p', { class: `alert ${kind}`, text }));
    },
    clear() {
      region.replaceChildren();
    },
  };
}

/**
 * A data table with a caption; columns: [{ title, value(row) → text or Node, className? }].
 * An empty list shows `empty` instead.
 */
export function table(caption, columns, rows, { empty = 'ありません。', testId } = {}) {
  if (!rows.length) return h('p', { class: 'empty', 'data-testid': testId ? `${testId}-empty` : null, text: empty });
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    h('table', { 'data-testid': testId },
      h('caption', { class: 'visually-hidden', text: caption }),
      h('thead', {}, h('tr', {}, columns.map((column) => h('th', { scope: 'col', class: column.className,
        text: column.title })))),
      h('tbody', {}, rows.map((row) => h('tr', {}, columns.map((column, index) => {
        const value = column.value(row);
        const cell = index === 0 && column.header !== false ? 'th' : 'td';
        return h(cell, { scope: cell === 'th' ? 'row' : null, class: column.className },
          value instanceof Node ? value : String(value ?? ''));
      }))))));
}

/** Asks before something that cannot be undone; resolves true when confirmed. */
export function confirmDialog(title, text, confirmLabel, { danger = true } = {}) {
  return new Promise((resolve) => {
    const titleId = uniqueId('dialog-title');
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': titleId, 'data-testid': 'confirm-dialog' },
      h('h2', { id: titleId, text: title }),
      h('p', { text }),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'button secondary', onclick: () => close(false), text: 'やめる' }),
        h('button', { type: 'button', class: danger ? 'button danger' : 'button', 'data-testid': 'confirm-yes',
          onclick: () => close(true), text: confirmLabel })));
    function close(answer) {
      dialog.close();
      dialog.remove();
      resolve(answer);
    }
    dialog.addEventListener('cancel', () => close(false));
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** Runs an action with the button disabled, showing the outcome in `messages`. */
export async function act(button, messages, action, success) {
  button.disabled = true;
  messages.clear();
  try {
    const result = await action();
    if (success) messages.show(typeof success === 'function' ? success(result) : success, 'success');
    return result;
  } catch (error) {
    messages.show(error.message || '実行できませんでした。', 'error');
    return undefined;
  } finally {
    button.disabled = false;
  }
}

export function badge(text, kind = 'neutral') {
  return h('span', { class: `badge ${kind}`, text });
}
