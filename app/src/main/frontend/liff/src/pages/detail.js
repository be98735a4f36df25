// 申請の詳細: status, timeline, what was sent, attachments, issued documents and the resident's actions.

import { h, uniqueId } from '../dom.js';
import { resendNotice } from '../api.js';
import { formatDateTime, formatYen } from '../format.js';
import { newRequestId } from '../forms/flow.js';
import { describeData, describeRaw } from '../forms/schema.js';
import { renderRows } from '../forms/summary.js';
import { statusBadge } from './applications.js';

const schemas = new Map();

/** The procedure's apply form, for the labels of the data (null when it cannot be had). */
export async function schemaFor(api, procedureKey) {
  if (!schemas.has(procedureKey)) {
    schemas.set(procedureKey, api.applyForm(procedureKey).catch(() => {
      schemas.delete(procedureKey);
      return null;
    }));
  }
  return schemas.get(procedureKey);
}

export function clerkCommentBox(comment) {
  const headingId = uniqueId('clerk-comment');
  return h('section', { class: 'clerk-comment', 'data-testid': 'clerk-comment', 'aria-labelledby': headingId },
    h('h2', { id: headingId, text: '担当課からの修正依頼' }),
    h('p', { class: 'pre-line', text: comment }));
}

function section(title, ...content) {
  const headingId = uniqueId('section');
  return h('section', { class: 'section', 'aria-labelledby': headingId },
    h('h2', { id: headingId, text: title }), ...content);
}

export async function renderDetail(ctx, preloaded = null) {
  const number = ctx.route.number;
  const detail = preloaded || await ctx.api.application(number);
  if (!ctx.alive()) return;
  const schema = await schemaFor(ctx.api, detail.procedureKey);
  if (!ctx.alive()) return;
  ctx.setTitle('申請の詳細');

  const objectUrls = [];
  ctx.onCleanup(() => objectUrls.forEach((url) => URL.revokeObjectURL(url)));
  const attachments = Array.isArray(detail.attachments) ? detail.attachments : [];
  const byId = new Map(attachments.map((attachment) => [String(attachment.id), attachment]));
  const actions = Array.isArray(detail.actions) ? detail.actions : [];

  // summary
  const summary = h('section', { class: 'card status-card', 'aria-label': '申請の概要' },
    h('dl', { class: 'facts' },
      h('div', { class: 'fact' }, h('dt', { text: '申請番号' }), h('dd', { class: 'mono', text: detail.applicationNumber })),
      h('div', { class: 'fact' }, h('dt', { text: '手続' }), h('dd', { text: detail.procedureName || detail.procedureKey })),
      h('div', { class: 'fact' }, h('dt', { text: '申請日時' }), h('dd', { text: formatDateTime(detail.submittedAt) })),
      h('div', { class: 'fact' }, h('dt', { text: '状況' }), h('dd', {}, statusBadge(detail.status, { 'data-testid': 'status' })))));

  // actions
  const actionButtons = [];
  const identity = detail.identityAssurance;
  if (identity && identity.status === 'REQUESTED' && identity.path) {
    actionButtons.push(h('a', { class: 'button primary', href: identity.path, 'data-testid': 'identity-button', text: '本人確認をする' }));
  }
  const payment = detail.payment;
  if (payment && payment.status === 'REQUESTED' && payment.payPath) {
    actionButtons.push(h('a', { class: 'button primary', href: payment.payPath, 'data-testid': 'pay-fee-button', text: '手数料を支払う' }));
  }
  if (actions.includes('correct')) {
    actionButtons.push(h('a', { class: 'button primary', href: ctx.paths.correct(detail.applicationNumber), 'data-testid': 'correct-button', text: '修正する' }));
  }
  let dialog = null;
  if (actions.includes('withdraw')) {
    dialog = withdrawDialog(ctx, detail);
    actionButtons.push(h('button', {
      type: 'button', class: 'button danger', 'data-testid': 'withdraw-button', text: '申請を取り下げる',
      onclick: () => dialog.showModal(),
    }));
  }

  // timeline
  const timeline = Array.isArray(detail.timeline) ? detail.timeline : [];
  const timelineList = h('ol', { class: 'timeline', 'data-testid': 'timeline' },
    timeline.length ? timeline.map((entry, index) => h('li', { class: index === timeline.length - 1 ? 'current' : '' },
      h('span', { class: 'timeline-status', text: entry.status }),
      h('time', { datetime: entry.at, text: formatDateTime(entry.at) }),
      index === timeline.length - 1 ? h('span', { class: 'visually-hidden', text: '（現在の状況）' }) : null))
      : h('li', { class: 'current' },
        h('span', { class: 'timeline-status', text: detail.status || '受付中' }),
        h('time', { datetime: detail.submittedAt, text: formatDateTime(detail.submittedAt) })));

  // data
  const fileNames = (value) => [].concat(value).map((id) => {
    const attachment = byId.get(String(id));
    return { name: attachment ? attachment.fileName : String(id) };
  });
  const isAttachmentList = (value) => value.length > 0 && value.every((id) => byId.has(String(id)));
  let rows = schema ? describeData(schema.components, detail.data || {}, { fileNames }) : describeRaw(detail.data, { fileNames, isAttachmentList });
  if (schema && rows.length === 0 && detail.data && Object.keys(detail.data).length) {
    rows = describeRaw(detail.data, { fileNames, isAttachmentList });
  }

  // attachments: the resident's own, and those the municipality added (e.g. the photo after a repair)
  const staffFiles = Array.isArray(detail.staffAttachments) ? detail.staffAttachments : [];
  const fileItem = (altPrefix) => (attachment) => {
    const isImage = String(attachment.contentType || '').startsWith('image/');
    if (isImage) {
      const figure = h('figure', { class: 'attachment-image' },
        h('p', { class: 'loading-small', text: '画像を読み込み中…' }),
        h('figcaption', { text: attachment.fileName }));
      loadImage(ctx, attachment, figure, objectUrls, altPrefix);
      return h('li', {}, figure);
    }
    return h('li', {}, h('a', {
      href: '#', class: 'file-link', download: attachment.fileName,
      onclick: (event) => downloadAttachment(event, ctx, attachment, objectUrls),
    }, attachment.fileName, h('span', { class: 'hint', text: '（ダウンロード）' })));
  };
  const attachmentItems = attachments.map(fileItem('添付した画像'));

  // issued documents (signed PDFs): fetched with the ID token, saved from a blob
  const documents = Array.isArray(detail.documents) ? detail.documents : [];
  const documentItems = documents.map((doc) => h('li', { class: 'document-item', 'data-testid': 'document' },
    h('span', { class: 'document-title', text: doc.title }),
    h('time', { class: 'hint', datetime: doc.issuedAt, text: `${formatDateTime(doc.issuedAt)} 発行` }),
    h('button', {
      type: 'button', class: 'button secondary', 'data-testid': 'document-download', text: 'PDF を保存',
      'aria-label': `${doc.title}（PDF）を保存`,
      onclick: (event) => downloadDocument(event.currentTarget, ctx, detail.applicationNumber, doc, objectUrls),
    })));

  ctx.page.replaceChildren(...[
    detail.clerkComment ? clerkCommentBox(detail.clerkComment) : null,
    summary,
    payment ? paymentSection(payment) : null,
    actionButtons.length ? h('div', { class: 'actions detail-actions' }, actionButtons) : null,
    section('これまでの経過', timelineList),
    documents.length ? section('発行された書類', h('ul', { class: 'document-list' }, documentItems),
      h('p', { class: 'hint', text: '電子署名付きの PDF です。書類の QR コードから、発行元と改ざんの有無を確認できます。' })) : null,
    section('申請した内容', rows.length ? renderRows(rows) : h('p', { class: 'empty', text: '表示できる内容はありません。' })),
    attachments.length ? section('添付ファイル', h('ul', { class: 'attachment-list' }, attachmentItems)) : null,
    staffFiles.length ? section('担当課からの写真',
      h('p', { class: 'hint', text: '補修後の様子など、担当課が追加した写真です。' }),
      h('ul', { class: 'attachment-list', 'data-testid': 'staff-photos' }, staffFiles.map(fileItem('担当課が追加した画像')))) : null,
    h('p', { class: 'back-link' }, h('a', { href: ctx.paths.applications(), text: '申請状況の一覧へ戻る' })),
    dialog].filter(Boolean));
}

/** The fee while it is requested, the receipt (領収) once paid. */
function paymentSection(payment) {
  const fact = (label, value, attrs = {}) => h('div', { class: 'fact' }, h('dt', { text: label }), h('dd', { ...attrs, text: value }));
  if (payment.status === 'PAID') {
    return section('領収', h('dl', { class: 'facts', 'data-testid': 'receipt' },
      fact('金額', formatYen(payment.amount)),
      fact('内容', payment.description),
      fact('お支払い日時', formatDateTime(payment.paidAt)),
      fact('領収番号', payment.receiptNumber, { class: 'mono' })),
    h('p', { class: 'hint', text: '上記の金額を領収しました。' }));
  }
  return section('手数料のお支払い', h('dl', { class: 'facts', 'data-testid': 'fee' },
    fact('金額', formatYen(payment.amount)),
    fact('内容', payment.description)),
  h('p', { class: 'hint', text: '下の「手数料を支払う」からお支払いください。期限を過ぎると請求は取り消しになります。' }));
}

async function fetchBlob(ctx, attachment) {
  const response = await ctx.api.attachment(attachment.id);
  return response.blob();
}

async function loadImage(ctx, attachment, figure, objectUrls, altPrefix) {
  try {
    const blob = await fetchBlob(ctx, attachment);
    if (!ctx.alive()) return;
    const url = URL.createObjectURL(blob);
    objectUrls.push(url);
    figure.firstChild.replaceWith(h('img', { src: url, alt: `${altPrefix}（${attachment.fileName}）` }));
  } catch (error) {
    if (!ctx.alive()) return;
    figure.firstChild.replaceWith(h('p', { class: 'file-error', text: `画像を読み込めませんでした。${error.message || ''}` }));
  }
}

async function downloadAttachment(event, ctx, attachment, objectUrls) {
  const link = event.currentTarget;
  if (link.dataset.ready === 'true') return; // the object URL is in place: let the browser download it
  event.preventDefault();
  try {
    const blob = await fetchBlob(ctx, attachment);
    if (!ctx.alive()) return;
    const url = URL.createObjectURL(blob);
    objectUrls.push(url);
    link.href = url;
    link.dataset.ready = 'true';
    link.click();
  } catch (error) {
    ctx.notice({ type: 'error', text: `ファイルを開けませんでした。${error.message || ''}` });
  }
}

async function downloadDocument(button, ctx, number, doc, objectUrls) {
  if (button.disabled) return;
  button.disabled = true;
  try {
    const response = await ctx.api.document(number, doc.id);
    const blob = await response.blob();
    if (!ctx.alive()) return;
    const url = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
    objectUrls.push(url);
    const link = h('a', { href: url, download: `${doc.title}_${number}.pdf`, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
  } catch (error) {
    ctx.notice({ type: 'error', text: `書類を保存できませんでした。${error.message || ''}` });
  } finally {
    button.disabled = false;
  }
}

function withdrawDialog(ctx, detail) {
  const headingId = uniqueId('withdraw-heading');
  const textId = uniqueId('withdraw-text');
  const cancel = h('button', { type: 'button', class: 'button secondary', text: 'やめる', autofocus: true });
  const confirm = h('button', { type: 'button', class: 'button danger', 'data-testid': 'withdraw-confirm', text: '取り下げる' });
  const progress = h('p', { class: 'progress', role: 'status', 'aria-live': 'polite' });
  const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': headingId, 'aria-describedby': textId },
    h('h2', { id: headingId, text: '申請を取り下げますか？' }),
    h('p', { id: textId, text: `申請番号 ${detail.applicationNumber}（${detail.procedureName || ''}）を取り下げます。取り下げた申請は元に戻せません。` }),
    progress,
    h('div', { class: 'actions' }, cancel, confirm));
  // one withdrawal however often it is sent: a copy sent after no answer finds it done
  const requestId = newRequestId();
  cancel.addEventListener('click', () => dialog.close());
  let sending = false;
  confirm.addEventListener('click', async () => {
    if (sending) return;
    sending = true;
    confirm.disabled = true;
    cancel.disabled = true;
    confirm.textContent = '送信中…';
    try {
      const updated = await ctx.api.withdraw(detail.applicationNumber, requestId,
        (seconds, reason) => { progress.textContent = resendNotice('取下げ', reason, seconds); });
      if (!ctx.alive()) return;
      dialog.close();
      await rerender(ctx, updated, { type: 'success', text: '申請を取り下げました' });
    } catch (error) {
      if (!ctx.alive()) return;
      dialog.close();
      progress.textContent = '';
      sending = false;
      confirm.disabled = false;
      cancel.disabled = false;
      confirm.textContent = '取り下げる';
      if (error.status === 409) {
        // the status changed meanwhile: show it as it is now
        try {
          const current = await ctx.api.application(detail.applicationNumber);
          if (ctx.alive()) await rerender(ctx, current, null);
        } catch {
          // keep the page as it is
        }
      }
      ctx.notice({ type: 'error', text: error.message || '取り下げできませんでした。' });
    }
  });
  return dialog;
}

async function rerender(ctx, detail, notice) {
  await renderDetail(ctx, detail && detail.applicationNumber ? detail : null);
  if (!ctx.alive()) return;
  if (notice) {
    const element = ctx.notice(notice);
    if (element) element.focus();
  }
}
