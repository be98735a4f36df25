// サポート許可: the municipality lets a named operator of the service read its applications for a few
// hours (an inquiry, a failed job), sees every grant it gave, and ends one early.

import { h, focusElement } from '../../../liff/src/dom.js';
import { act, badge, confirmDialog, jst, notices, table } from '../ui.js';

const MAX_REASON = 500;

export async function renderSupportGrants(container, { api, isCurrent }) {
  const messages = notices();
  const list = h('div');

  async function load() {
    let grants;
    try {
      grants = await api.supportGrants();
    } catch (error) {
      messages.show(error.message, 'error');
      return;
    }
    if (!isCurrent()) return;
    const now = Date.now();
    list.replaceChildren(table('サポート許可の一覧', [
      { title: '許可した日時', value: (grant) => jst(grant.createdAt), className: 'nowrap' },
      { title: '運用担当者', value: (grant) => grant.operatorId, className: 'nowrap' },
      { title: '理由', value: (grant) => grant.reason },
      { title: '許可した人', value: (grant) => grant.grantedBy, className: 'nowrap' },
      { title: '状態', value: (grant) => state(grant, now), header: false },
      { title: '操作', value: (grant) => (active(grant, now) ? h('button', { type: 'button', class: 'button small danger',
        'data-testid': 'support-grant-end', onclick: (event) => end(event.currentTarget, grant) }, '終了する',
      h('span', { class: 'visually-hidden', text: `（${grant.operatorId} への許可）` })) : '') },
    ], grants, { empty: 'サポート許可を出したことはありません。', testId: 'support-grants' }));
  }

  async function end(button, grant) {
    if (!await confirmDialog('サポート許可を終了します', `${grant.operatorId} はこの自治体の申請を見られなくなります。`,
      '終了する')) return;
    const done = await act(button, messages, () => api.endSupportGrant(grant.id));
    if (done === undefined) return;
    await load();
    messages.show(`${grant.operatorId} へのサポート許可を終了しました。`, 'success');
    focusElement(messages.element.firstElementChild, { scroll: false });
  }

  const operator = h('input', { id: 'grant-operator', required: true, maxlength: '64', autocomplete: 'off',
    autocapitalize: 'none', spellcheck: 'false', 'data-testid': 'grant-operator' });
  const hours = h('input', { id: 'grant-hours', type: 'number', min: '1', step: '1', value: '2', required: true,
    'data-testid': 'grant-hours' });
  const reason = h('textarea', { id: 'grant-reason', required: true, maxlength: String(MAX_REASON), rows: '3',
    'data-testid': 'grant-reason' });
  const submit = h('button', { type: 'submit', class: 'button', text: '許可する', 'data-testid': 'grant-submit' });
  const form = h('form', { class: 'form panel', onsubmit: async (event) => {
    event.preventDefault();
    const given = await act(submit, messages, () => api.grantSupport({ operatorId: operator.value.trim(),
      hours: Number(hours.value), reason: reason.value }));
    if (given === undefined) return;
    operator.value = '';
    reason.value = '';
    await load();
    messages.show(`${given.operatorId} に ${jst(given.expiresAt)} までのサポート許可を出しました。`, 'success');
    focusElement(messages.element.firstElementChild, { scroll: false });
  } },
  h('h2', { text: '新しく許可する' }),
  h('div', { class: 'field-row' },
    h('div', { class: 'field' }, h('label', { for: 'grant-operator', text: '運用担当者のID' }), operator,
      h('p', { class: 'hint', text: '運用会社から伝えられたIDです。' })),
    h('div', { class: 'field' }, h('label', { for: 'grant-hours', text: '時間' }), hours,
      h('p', { class: 'hint', text: '1 時間から。上限はサービスの設定によります（既定は 72 時間）。' }))),
  h('div', { class: 'field' }, h('label', { for: 'grant-reason', text: '理由' }), reason,
    h('p', { class: 'hint', text: `${MAX_REASON}文字以内。問い合わせ番号など。住民の個人情報は書かないでください（操作ログに残ります）。` })),
  submit);

  container.replaceChildren(
    h('p', { class: 'lead', text: 'サービスの運用担当者は、ふだんこの自治体の申請や住民の情報を見られません。問い合わせの調査などで必要なときだけ、'
      + '時間を区切って許可します。許可の間、運用担当者は Cockpit と API で申請・文書・添付ファイルを読み、失敗した処理を再実行し、'
      + '要配慮個人情報を除いてデータを書き出せます（タスクの処理はできません）。' }),
    h('p', { class: 'muted', text: '許可と終了は操作ログに残ります。期限が来ると 1 分以内に自動で終わります。' }),
    messages.element, form, h('h2', { text: 'サポート許可の一覧' }), list);
  await load();
}

function active(grant, now) {
  return !grant.endedAt && new Date(grant.expiresAt).getTime() > now;
}

function state(grant, now) {
  if (active(grant, now)) return h('span', {}, badge('有効', 'warning'), ` ${jst(grant.expiresAt)} まで`);
  if (grant.endedBy && grant.endedBy !== 'system') {
    return h('span', {}, badge('終了', 'neutral'), ` ${jst(grant.endedAt)}（${grant.endedBy}）`);
  }
  return h('span', {}, badge('期限切れ', 'neutral'), ` ${jst(grant.expiresAt)}`);
}
