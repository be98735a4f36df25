// データの書き出し: the municipality's data in one signed ZIP (contract end, migration, safekeeping),
// its progress while it is written, and the download.

import { h, focusElement } from '../../../liff/src/dom.js';
import { act, badge, confirmDialog, jst, notices, table } from '../ui.js';

const PHASES = {
  queued: '開始待ち',
  'applications-json': '申請（JSON）',
  'applications-csv': '申請（CSV）',
  tasks: '職員の処理（タスク）',
  comments: '職員のコメント',
  variables: '判断と処理の値',
  steps: '処理の経過',
  decisions: '自動の振り分け（DMN）',
  'resident-records': '支払・本人確認・通知・住民の操作',
  documents: '発行した文書',
  attachments: '添付ファイル',
  logs: 'アクセスログ・操作ログ',
  organisation: '部署と職員',
  procedures: '手続の定義',
  manifest: '目録と署名',
};
const POLL_MILLIS = 2000;

export async function renderExports(container, { api, isCurrent }) {
  const messages = notices();
  const list = h('div', { 'aria-live': 'polite', 'aria-busy': 'false' });
  let timer = null;

  async function load() {
    clearTimeout(timer);
    let exports;
    try {
      exports = await api.exports();
    } catch (error) {
      messages.show(error.message, 'error');
      return;
    }
    if (!isCurrent()) return;
    list.replaceChildren(table('書き出しの一覧', [
      { title: '開始日時', value: (entry) => jst(entry.createdAt), className: 'nowrap' },
      { title: '依頼者', value: (entry) => entry.requestedBy, className: 'nowrap' },
      { title: '内容', value: (entry) => (entry.includeSensitive ? badge('すべての項目', 'warning')
        : badge('要配慮個人情報を除く', 'neutral')), header: false },
      { title: '状態', value: status },
      { title: '大きさ', value: (entry) => size(entry.sizeBytes), className: 'num' },
      { title: '保存期限', value: (entry) => (entry.status === 'READY' ? jst(entry.expiresAt) : ''), className: 'nowrap' },
      { title: 'ダウンロード', value: downloads },
      { title: '操作', value: (entry) => (entry.download ? h('a', { class: 'button small', href: entry.download,
        download: '', 'data-testid': 'export-download', onclick: () => setTimeout(load, POLL_MILLIS) },
      'ダウンロード', h('span', { class: 'visually-hidden', text: `（${jst(entry.createdAt)} 開始の書き出し）` })) : '') },
    ], exports, { empty: 'まだ書き出していません。', testId: 'exports' }));
    const running = exports.some((entry) => entry.status === 'RUNNING');
    list.setAttribute('aria-busy', String(running));
    if (running) timer = setTimeout(load, POLL_MILLIS);
  }

  const includeSensitive = h('input', { type: 'checkbox', id: 'export-sensitive', 'data-testid': 'export-sensitive' });
  const start = h('button', { type: 'submit', class: 'button', text: '書き出しを始める', 'data-testid': 'export-start' });
  const form = h('form', { class: 'form panel', onsubmit: async (event) => {
    event.preventDefault();
    if (includeSensitive.checked && !await confirmDialog('要配慮個人情報を含めて書き出します',
      'すべての項目（病歴・障害など要配慮個人情報を含む）が暗号化されていない ZIP ファイルに入ります。'
      + 'ダウンロードしたファイルは、庁内の規程に沿って厳重に管理してください。', '含めて書き出す')) return;
    const started = await act(start, messages, () => api.startExport(includeSensitive.checked),
      '書き出しを始めました。終わると、下の一覧からダウンロードできます。');
    if (started === undefined) return;
    includeSensitive.checked = false;
    await load();
    focusElement(messages.element.firstElementChild, { scroll: false });
  } },
  h('h2', { text: '新しく書き出す' }),
  h('div', { class: 'check' }, includeSensitive,
    h('label', { for: 'export-sensitive', text: '要配慮個人情報を含める（すべての項目）' })),
  h('p', { class: 'hint', text: '契約終了時のデータ削除の前には、すべての項目を含む書き出しを、この自治体の職員がダウンロードしておく必要があります。'
    + '含めない場合、要配慮個人情報と格付けされた項目（格付けのない項目も）は入りません。' }),
  start);

  container.replaceChildren(
    h('p', { class: 'lead', text: 'この自治体のデータ（申請と、その処理の記録・自動の振り分け・支払・本人確認・通知、発行した文書、添付ファイル、'
      + 'アクセスログ・操作ログ、部署と職員、手続の定義）を、'
      + '署名付きの ZIP ファイル 1 つに書き出します。データの移行や契約終了時の引き渡しに使います。' }),
    h('p', { class: 'muted', text: 'ZIP の中の manifest.json に全ファイルの SHA-256 があり、manifest.json.p7s がその署名です（文書の署名と同じ証明書）。'
      + 'ファイルはサーバーで暗号化して保存され、保存期限を過ぎると削除されます。' }),
    messages.element, form, h('h2', { text: '書き出しの一覧' }), list);
  await load();
  return () => clearTimeout(timer);
}

function status(entry) {
  if (entry.status === 'RUNNING') {
    const phase = PHASES[entry.phase] || entry.phase;
    const count = entry.itemsTotal ? `（${entry.itemsDone.toLocaleString('ja-JP')} / ${entry.itemsTotal.toLocaleString('ja-JP')}）` : '';
    return h('span', {}, badge('作成中', 'neutral'), ` ${phase}${count}`);
  }
  if (entry.status === 'READY') return badge('ダウンロードできます', 'success');
  if (entry.status === 'EXPIRED') return badge('保存期限切れ（削除済み）', 'neutral');
  return h('span', {}, badge('失敗', 'danger'), ` ${entry.failure || 'もう一度書き出してください。'}`);
}

function downloads(entry) {
  if (!entry.downloadCount) return h('span', { class: 'nowrap', text: '未ダウンロード' });
  return h('span', {}, `${entry.downloadCount} 回`, h('br'),
    h('span', { class: 'muted', text: `最後: ${entry.downloadedBy}（${jst(entry.downloadedAt)}）` }));
}

function size(bytes) {
  if (bytes === null || bytes === undefined) return '';
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('ja-JP')} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString('ja-JP', { maximumFractionDigits: 1 })} MB`;
}
