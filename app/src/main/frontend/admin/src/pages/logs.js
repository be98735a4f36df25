// アクセスログ / 操作ログ: search by period, account, application number and kind; pages; CSV; chain check.

import { h } from '../../../liff/src/dom.js';
import { saveFile } from '../api.js';
import { act, badge, jst, notices, table, todayInJapan } from '../ui.js';

const PAGE_SIZE = 50;

const time = { title: '日時（日本時間）', value: (entry) => jst(entry.occurredAt) };
const account = { title: 'アカウント', value: (entry) => entry.account || '' };
const number = { title: '申請番号', value: (entry) => entry.applicationNumber || '' };

const ACCESS_COLUMNS = [
  time, account,
  { title: '送信元', value: (entry) => entry.sourceAddress || '' },
  { title: '要求', value: (entry) => h('code', { text: [entry.method, entry.route].filter(Boolean).join(' ') }) },
  { title: '結果', value: (entry) => String(entry.status ?? ''), className: 'num' },
  { title: '時間（ms）', value: (entry) => String(entry.durationMs ?? ''), className: 'num' },
  number,
  { title: '種類', value: (entry) => h('span', { class: 'badges' }, entry.kind || '',
    entry.personalDataRead ? badge('個人情報の閲覧', 'warning') : null) },
];

const OPERATION_COLUMNS = [
  time, account,
  { title: '種類', value: (entry) => h('code', { text: entry.kind || '' }) },
  { title: '対象', value: (entry) => entry.target || '' },
  number,
  { title: '内容', value: (entry) => details(entry.details) },
];

export function renderAccessLog(container, context) {
  return renderLog(container, context, { resource: 'access-log', title: 'アクセスログ', columns: ACCESS_COLUMNS,
    lead: '職員と住民のすべての要求の記録です。個人の情報の閲覧も記録されます。' });
}

export function renderOperationLog(container, context) {
  return renderLog(container, context, { resource: 'operation-log', title: '操作ログ', columns: OPERATION_COLUMNS,
    lead: '職員・役割・IPアドレス制限の変更、手続の登録、証明書の導入、エクスポートなどの操作と、エンジンの操作の記録です。' });
}

async function renderLog(container, { api, isCurrent }, { resource, title, columns, lead }) {
  const messages = notices();
  const input = (name, label, attributes = {}) => {
    const element = h('input', { id: `log-${name}`, name, autocomplete: 'off', 'data-testid': `log-${name}`, ...attributes });
    return { element, field: h('div', { class: 'field' }, h('label', { for: element.id, text: label }), element) };
  };
  const from = input('from', '開始日', { type: 'date', value: todayInJapan(-6) });
  const to = input('to', '終了日', { type: 'date', value: todayInJapan() });
  const account = input('account', 'アカウント');
  const number = input('applicationNumber', '申請番号');
  const kind = input('kind', '種類');
  const results = h('div', { 'aria-live': 'polite' });
  const chain = h('div', { 'data-testid': 'chain-result' });
  let page = 0;

  const params = () => ({ from: from.element.value, to: to.element.value, account: account.element.value.trim(),
    applicationNumber: number.element.value.trim(), kind: kind.element.value.trim() });

  async function load() {
    let result;
    try {
      result = await api.log(resource, { ...params(), page, size: PAGE_SIZE });
    } catch (error) {
      messages.show(error.message, 'error');
      return;
    }
    if (!isCurrent()) return;
    const total = result.total ?? result.items.length;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    results.replaceChildren(
      h('p', { class: 'count', 'data-testid': 'log-total', text: `${total.toLocaleString('ja-JP')} 件（${page + 1} / ${pages} ページ）` }),
      table(title, columns, result.items, { empty: '条件に合う記録はありません。', testId: 'log' }),
      h('nav', { class: 'pager', 'aria-label': 'ページ' },
        h('button', { type: 'button', class: 'button secondary small', disabled: page === 0, text: '前へ',
          onclick: () => { page -= 1; load(); } }),
        h('button', { type: 'button', class: 'button secondary small', disabled: page + 1 >= pages, text: '次へ',
          'data-testid': 'log-next', onclick: () => { page += 1; load(); } })));
  }

  const search = h('form', { class: 'search', 'data-testid': 'log-search', onsubmit: (event) => {
    event.preventDefault();
    page = 0;
    load();
  } },
  h('div', { class: 'search-fields' }, from.field, to.field, account.field, number.field, kind.field),
  h('div', { class: 'actions' },
    h('button', { type: 'submit', class: 'button', text: '検索' }),
    h('button', { type: 'button', class: 'button secondary', 'data-testid': 'log-csv', text: 'CSV をダウンロード',
      onclick: (event) => act(event.currentTarget, messages, async () => saveFile(await api.logCsv(resource, params()))) })));

  const verify = h('button', { type: 'button', class: 'button secondary', 'data-testid': 'verify-chain',
    text: '改ざんの検証', onclick: (event) => act(event.currentTarget, messages, async () => {
      const result = await api.verifyChain();
      chain.replaceChildren(chainResult(result));
    }) });

  container.replaceChildren(h('p', { class: 'lead', text: lead }), search,
    h('div', { class: 'toolbar' }, verify, chain), messages.element, results);
  await load();
}

/** The result of the hash-chain verification, whatever of it the server tells. */
function chainResult(result) {
  const valid = Boolean(result.valid);
  const text = valid
    ? `${(result.entries ?? 0).toLocaleString('ja-JP')} 件の記録はハッシュで連続しており、改ざんは見つかりませんでした。`
    : `記録の連続が途切れています（${result.brokenAt ? `通番 ${result.brokenAt.seq}：${result.brokenAt.reason}` : ''}）。改ざんの可能性があります。`;
  return h('p', { class: `alert ${valid ? 'success' : 'error'}`, role: valid ? 'status' : 'alert' },
    badge(valid ? '正常' : '異常', valid ? 'success' : 'danger'), ' ', text,
    result.verifiedAt ? h('span', { class: 'muted', text: `（${jst(result.verifiedAt)} に検証）` }) : null);
}

function details(value) {
  if (!value) return '';
  if (typeof value === 'string') return value;
  return Object.entries(value).map(([name, text]) => `${name}: ${text}`).join(' / ');
}
