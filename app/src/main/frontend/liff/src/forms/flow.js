// Form → 「入力内容の確認」 → send: shared by the apply and the correction pages.

import { h, focusElement, uniqueId } from '../dom.js';
import {
  FILE_KEY_PREFIX, concretePaths, describeData, filePickers, getPath, hasPath, setPath,
  violationErrorPath, withoutFileValues,
} from './schema.js';
import { renderRows } from './summary.js';

export function newRequestId() {
  if (globalThis.crypto && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // crypto.randomUUID needs a secure context; a plain-http demo host falls back to getRandomValues
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

class UploadFailed extends Error {}

function nextFrame() {
  return new Promise((resolve) => { setTimeout(() => requestAnimationFrame(() => resolve()), 0); });
}

function hasErrors(errors) {
  return errors && Object.keys(errors).length > 0;
}

async function focusFirstError(host) {
  await nextFrame();
  const field = host.querySelector('.fjs-has-errors');
  if (!field) return;
  const control = field.querySelector('input:not([type=file]):not(.fjs-hidden), select, textarea, button') || field;
  focusElement(control, { scroll: false });
  field.scrollIntoView({ block: 'center' });
}

function readDraft(key) {
  try {
    const text = localStorage.getItem(key);
    if (!text) return null;
    const value = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

function writeDraft(key, data) {
  try {
    localStorage.setItem(key, JSON.stringify(data));
  } catch {
    // storage full or disabled: the form still works without a draft
  }
}

export function removeDraft(key) {
  try {
    localStorage.removeItem(key);
  } catch {
    // nothing to remove
  }
}

/** Puts the ids of the files already attached back where the resident chose no new file. */
function keepExistingFiles(schema, data, oldData) {
  const result = structuredClone(data);
  for (const { template } of filePickers(schema)) {
    for (const path of concretePaths(oldData, template)) {
      const old = getPath(oldData, path);
      if (!Array.isArray(old) || old.length === 0) continue;
      if (!hasPath(result, path)) continue; // hidden now: not part of what the form sends
      const current = getPath(result, path);
      if (current === null || current === undefined || current === '' || (Array.isArray(current) && !current.length)) {
        setPath(result, path, old);
      }
    }
  }
  return result;
}

function fileSignature(files) {
  const parts = [];
  for (const [key, list] of files) {
    parts.push(`${key}:${list.map((file) => `${file.name}/${file.size}/${file.lastModified}`).join(',')}`);
  }
  return parts.sort().join(';');
}

/**
 * @param {object} ctx the page context (api, notice, …)
 * @param {object} options
 * @param {HTMLElement} options.container where the steps go
 * @param {object} options.schema the form-js schema
 * @param {object} options.data the data to start with
 * @param {string} [options.draftKey] apply: keep a draft in localStorage under this key
 * @param {object} [options.oldData] correction: the data as it is now (for the files kept)
 * @param {Array} [options.attachments] correction: [{ id, fileName }] of the files attached now
 * @param {string} options.sendLabel the final button's text
 * @param {string} options.sendTestId the final button's data-testid
 * @param {string} options.confirmIntro the text above the confirmation list
 * @param {(data: object, requestId: string) => Promise<void>} options.send
 * @param {(getForm: () => object) => HTMLElement} [options.formExtra] shown below the form (e.g. 「現在地を使う」)
 * @param {(data: object) => HTMLElement|null} [options.summaryExtra] shown below the confirmation list
 */
export async function mountFormFlow(ctx, options) {
  const { container, schema, draftKey, oldData, attachments = [], send } = options;
  const { createForm } = await import('./formjs.js');
  if (!ctx.alive()) return { destroy() {} };

  const attachmentNames = new Map(attachments.map((attachment) => [String(attachment.id), attachment.fileName]));
  const uploaded = new WeakMap(); // File → attachment id, so a retry never uploads twice
  let fileErrors = new Map(); // File → message
  let pending = null; // { requestId, snapshot, data, files }
  let sending = false;

  // --- the form step
  const host = h('div', { class: 'form-host' });
  // Enter in a text field would make form-js validate the whole form at once: the resident
  // goes on with 「入力内容を確認する」 instead
  host.addEventListener('submit', (event) => {
    event.preventDefault();
    event.stopPropagation();
  }, true);
  const confirmButton = h('button', {
    type: 'button', class: 'button primary', 'data-testid': 'confirm-button', text: '入力内容を確認する',
  });
  const draftBar = h('div', { class: 'draft-bar', hidden: true },
    h('p', { text: '前回の入力内容（下書き）を表示しています。' }),
    h('button', { type: 'button', class: 'button small secondary', text: '下書きを消して最初から入力する', onclick: () => resetDraft() }));
  const existingBox = oldData ? existingFilesBox() : null;
  const formStep = h('section', { class: 'form-step', 'aria-label': '入力フォーム' },
    h('p', { class: 'required-note' }, h('span', { class: 'required-mark', 'aria-hidden': 'true', text: '*' }), ' の付いた項目は必須です。'),
    draftBar, existingBox, host,
    options.formExtra ? options.formExtra(() => viewer.form) : null,
    h('div', { class: 'actions' }, confirmButton));

  // --- the confirmation step
  const confirmHeadingId = uniqueId('confirm-heading');
  const summaryHost = h('div', { class: 'summary-host' });
  const progress = h('p', { class: 'progress', role: 'status', 'aria-live': 'polite' });
  const backButton = h('button', { type: 'button', class: 'button secondary', text: '修正する' });
  const sendButton = h('button', {
    type: 'button', class: 'button primary', 'data-testid': options.sendTestId, text: options.sendLabel,
  });
  const confirmStep = h('section', { class: 'confirm-step', hidden: true, 'aria-labelledby': confirmHeadingId },
    h('h2', { id: confirmHeadingId, tabindex: '-1', text: '入力内容の確認' }),
    h('p', { text: options.confirmIntro }),
    summaryHost, progress,
    h('div', { class: 'actions' }, backButton, sendButton));

  container.replaceChildren(formStep, confirmStep);

  let initial = options.data || {};
  let draftExists = false;
  if (draftKey) {
    const draft = readDraft(draftKey);
    if (draft) {
      initial = draft;
      draftExists = true;
    }
  }
  let viewer = await createForm(host, schema, withoutFileValues(schema, initial));
  if (!ctx.alive()) {
    viewer.destroy();
    return { destroy() {} };
  }
  if (draftExists) {
    draftBar.hidden = false;
    ctx.notice({ type: 'info', text: '下書きを復元しました' });
  }
  watchDraft();

  function watchDraft() {
    if (!draftKey) return;
    let baseline = null;
    setTimeout(() => {
      baseline = JSON.stringify(withoutFileValues(schema, viewer.form._getState().data));
    }, 0);
    const form = viewer.form;
    form.on('changed', ({ data }) => {
      if (baseline === null || form !== viewer.form) return;
      const json = JSON.stringify(withoutFileValues(schema, data));
      if (json !== baseline || draftExists) {
        writeDraft(draftKey, JSON.parse(json));
        draftExists = true;
      }
    });
  }

  async function resetDraft() {
    removeDraft(draftKey);
    draftExists = false;
    draftBar.hidden = true;
    viewer.destroy();
    viewer = await createForm(host, schema, withoutFileValues(schema, options.data || {}));
    watchDraft();
    ctx.notice({ type: 'info', text: '下書きを消しました' });
    focusElement(host.querySelector('input, select, textarea') || host, { scroll: true });
  }

  function existingFilesBox() {
    const items = [];
    for (const { field, template } of filePickers(schema)) {
      for (const path of concretePaths(oldData, template)) {
        const ids = getPath(oldData, path);
        if (!Array.isArray(ids) || !ids.length) continue;
        const names = ids.map((id) => attachmentNames.get(String(id)) || String(id));
        const label = field.label || field.key;
        const position = path.filter((part) => typeof part === 'number').map((index) => `${index + 1}件目`).join('・');
        items.push(h('li', {}, h('span', { class: 'file-field', text: position ? `${label}（${position}）` : label }), '：',
          names.join('、')));
      }
    }
    if (!items.length) return null;
    const headingId = uniqueId('existing-files');
    return h('section', { class: 'existing-files', 'aria-labelledby': headingId },
      h('h2', { id: headingId, text: '今の添付ファイル' }),
      h('ul', {}, items),
      h('p', { class: 'hint', text: '新しいファイルを選ぶと置き換わります。選ばなければ、今のファイルがそのまま残ります。' }));
  }

  function fileNames(value) {
    if (typeof value === 'string' && value.startsWith(FILE_KEY_PREFIX)) {
      const files = (pending && pending.files.get(value)) || [];
      return files.map((file) => ({ name: file.name, error: fileErrors.get(file) }));
    }
    return [].concat(value).map((id) => ({
      name: attachmentNames.get(String(id)) || String(id),
      note: oldData ? '（今のファイルのまま）' : '',
    }));
  }

  function renderSummary() {
    const rows = describeData(schema.components, pending.data, { fileNames });
    const extra = options.summaryExtra ? options.summaryExtra(pending.data) : null;
    summaryHost.replaceChildren(rows.length ? renderRows(rows)
      : h('p', { class: 'empty', text: '入力された項目はありません。' }), ...(extra ? [extra] : []));
  }

  function showStep(step) {
    formStep.hidden = step !== 'form';
    confirmStep.hidden = step !== 'confirm';
    window.scrollTo(0, 0);
    if (step === 'confirm') focusElement(confirmStep.querySelector('h2'), { scroll: false });
    else ctx.focusTitle();
  }

  confirmButton.addEventListener('click', () => {
    const { data, errors, files } = viewer.form.submit();
    if (hasErrors(errors)) {
      ctx.notice({ type: 'error', text: '入力内容を確認してください。説明が赤字で出ている項目を直してください。' });
      focusFirstError(host);
      return;
    }
    ctx.clearNotice();
    const final = oldData ? keepExistingFiles(schema, data, oldData) : data;
    const snapshot = `${JSON.stringify(final)}|${fileSignature(files)}`;
    if (!pending || pending.snapshot !== snapshot) pending = { requestId: newRequestId(), snapshot };
    pending.data = final;
    pending.files = files;
    fileErrors = new Map();
    renderSummary();
    progress.textContent = '';
    showStep('confirm');
  });

  backButton.addEventListener('click', () => {
    if (sending) return;
    ctx.clearNotice();
    showStep('form');
  });

  sendButton.addEventListener('click', async () => {
    if (sending || !pending) return;
    sending = true;
    setBusy(true);
    ctx.clearNotice();
    try {
      const data = await uploadFiles(pending.data, pending.files);
      progress.textContent = '送信しています…';
      // a crowded service makes the page wait for its turn: said where the resident is looking
      await send(data, pending.requestId, (text) => { progress.textContent = text; });
      if (draftKey) removeDraft(draftKey);
      progress.textContent = '';
    } catch (error) {
      progress.textContent = '';
      sending = false;
      setBusy(false);
      if (!ctx.alive()) return;
      if (error instanceof UploadFailed) {
        renderSummary();
        ctx.notice({ type: 'error', text: '添付ファイルを送れませんでした。', items: [...new Set(fileErrors.values())],
          extra: '「修正する」からファイルを選び直してください。' });
      } else if (error.violations && error.violations.length) {
        showViolations(error);
      } else {
        ctx.notice({ type: 'error', text: error.message || '送信できませんでした。' });
      }
      return;
    }
  });

  function setBusy(busy) {
    sendButton.disabled = busy;
    backButton.disabled = busy;
    sendButton.textContent = busy ? '送信中…' : options.sendLabel;
    confirmStep.setAttribute('aria-busy', String(busy));
  }

  async function uploadFiles(data, files) {
    const result = structuredClone(data);
    const references = [];
    collectFileReferences(result, [], references);
    let failed = false;
    fileErrors = new Map();
    let done = 0;
    const total = references.reduce((sum, { key }) => sum + (files.get(key) || []).length, 0);
    for (const { path, key } of references) {
      const ids = [];
      for (const file of files.get(key) || []) {
        if (!uploaded.has(file)) {
          progress.textContent = `添付ファイルを送っています（${done + 1}/${total}）…`;
          try {
            const attachment = await ctx.api.uploadAttachment(file);
            uploaded.set(file, String(attachment.id));
          } catch (error) {
            if (error.status === 401 || error.status === 0) throw error;
            fileErrors.set(file, error.message);
            failed = true;
          }
        }
        done += 1;
        if (uploaded.has(file)) ids.push(uploaded.get(file));
      }
      setPath(result, path, files.has(key) ? ids : null);
    }
    if (failed) throw new UploadFailed();
    return result;
  }

  function collectFileReferences(value, path, into) {
    if (typeof value === 'string' && value.startsWith(FILE_KEY_PREFIX)) into.push({ path, key: value });
    else if (Array.isArray(value)) value.forEach((item, index) => collectFileReferences(item, [...path, index], into));
    else if (value && typeof value === 'object') {
      Object.entries(value).forEach(([key, inner]) => collectFileReferences(inner, [...path, key], into));
    }
  }

  function showViolations(error) {
    const messages = error.violations.map((violation) => violation.messageJa || violation.messageEn || violation.field);
    const errors = {};
    let nearFields = false;
    for (const violation of error.violations) {
      const path = violationErrorPath(schema, violation.field);
      if (!path) continue;
      const existing = getPath(errors, path) || [];
      setPath(errors, path, [...existing, violation.messageJa || violation.messageEn]);
      nearFields = true;
    }
    if (nearFields) {
      viewer.form._setState({ errors });
      showStep('form');
      focusFirstError(host);
    }
    ctx.notice({ type: 'error', text: error.message || '入力内容に誤りがあります。', items: messages });
  }

  let destroyed = false;
  return {
    destroy() {
      if (destroyed) return;
      destroyed = true;
      viewer.destroy();
    },
  };
}
