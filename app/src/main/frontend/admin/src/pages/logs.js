// アクセスログ・操作ログ in one view: search by kind of log, period, account, application number
// and kind; pages; CSV of every match; verification of the hash chain.

import { h, focusElement } from '../../../liff/src/dom.js';
import { saveFile } from '../api.js';
import { act, badge, jst, notices, table, todayInJapan } from '../ui.js';
import { KINDS, kindName } from './log-kinds.js';
import { retentionForm } from './log-retention.js';

const PAGE_SIZE = 50;
const CATEGORIES = [
  { resource: 'audit-log', text: 'すべて（アクセスと操作）' },
  { resource: 'access-log', text: 'アクセスログ' },
  { resource: 'operation-log', text: '操作ログ' },
];

const COLUMNS = [
  { title: '日時（日本時間）', value: (entry) => jst(entry.occurredAt), className: 'nowrap' },
  { title: '区分', value: (entry) => (entry.category === 'OPERATION' ? badge('操作', 'info') : badge('アクセス', 'neutral')) },
  { title: '種類', className: 'kind', value: (entry) => h('span', {}, kindName(entry.kind), h('br'), h('code', { text: entry.kind || '' }),
    entry.personalDataRead ? [h('br'), badge('個人情報の閲覧', 'warning')] : null) },
  { title: 'アカウント', value: (entry) => entry.account || '', className: 'nowrap' },
  { title: '内容', value: (entry) => (entry.category === 'OPERATION' ? operation(entry) : request(entry)) },
  { title: '申請番号', value: (entry) => entry.applicationNumber || '' },
  { title: '送信元', value: (entry) => entry.sourceAddress || '' },
];

export async function renderLogs(container, { api, isCurrent }) {
  const messages = notices();
  const input = (name, label, attributes = {}) => {
    const element = h('input', { id: `log-${name}`, name, autocomplete: 'off', 'data-testid': `log-${name}`, ...attributes });
    return { element, field: h('div', { class: 'field' }, h('label', { for: element.id, text: label }), element) };
  };
  const category = h('select', { id: 'log-category', 'data-testid': 'log-category',
    onchange: () => { page = 0; load(); } },
    CATEGORIES.map((choice) => h('option', { value: choice.resource, text: choice.text })));
  const from = input('from', '開始日', { type: 'date', value: todayInJapan(-6) });
  const to = input('to', '終了日', { type: 'date', value: todayInJapan() });
  const account = input('account', 'アカウント（職員ID）', { size: '14' });
  const number = input('applicationNumber', '申請番号', { size: '16' });
  const kind = input('kind', '種類', { list: 'log-kinds', size: '22', 'aria-describedby': 'log-kind-hint' });
  const kinds = h('datalist', { id: 'log-kinds' },
    Object.entries(KINDS).map(([code, text]) => h('option', { value: code, label: text })));
  const results = h('div', { 'aria-live': 'polite', 'aria-busy': 'false', 'data-testid': 'log-results' });
  const chain = h('div', { 'aria-live': 'polite', 'data-testid': 'chain-result' });
  let page = 0;

  const params = () => ({ from: from.element.value, to: to.element.value, account: account.element.value.trim(),
    applicationNumber: number.element.value.trim(), kind: kind.element.value.trim() });

  async function load(focusResults = false) {
    results.setAttribute('aria-busy', 'true');
    messages.clear();
    let result;
    try {
      result = await api.log(category.value, { ...params(), page, size: PAGE_SIZE });
    } catch (error) {
      results.setAttribute('aria-busy', 'false');
      messages.show(error.message, 'error');
      return;
    }
    if (!isCurrent()) return;
    const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
    const summary = h('p', { class: 'count', tabindex: '-1', 'data-testid': 'log-total',
      text: `${result.total.toLocaleString('ja-JP')} 件（${page + 1} / ${pages} ページ、新しい順）` });
    results.replaceChildren(summary,
      table('ログの検索結果', COLUMNS, result.items, { empty: '条件に合う記録はありません。', testId: 'log' }),
      h('nav', { class: 'pager', 'aria-label': 'ページ' },
        h('button', { type: 'button', class: 'button secondary small', disabled: page === 0, text: '前のページ',
          'data-testid': 'log-previous', onclick: () => { page -= 1; load(true); } }),
        h('button', { type: 'button', class: 'button secondary small', disabled: page + 1 >= pages, text: '次のページ',
          'data-testid': 'log-next', onclick: () => { page += 1; load(true); } })));
    results.setAttribute('aria-busy', 'false');
    if (focusResults) focusElement(summary, { scroll: true });
  }

  const search = h('form', { class: 'search', 'data-testid': 'log-search', 'aria-label': 'ログの検索条件', onsubmit: (event) => {
    event.preventDefault();
    page = 0;
    load(true);
  } },
  h('div', { class: 'search-fields' },
    h('div', { class: 'field' }, h('label', { for: 'log-category', text: '区分' }), category),
    from.field, to.field, account.field, number.field, kind.field, kinds),
  h('p', { id: 'log-kind-hint', class: 'hint', text: '種類は一覧から選ぶか入力します。「login」のように入力すると、その下の種類（login.failed など）も含みます。' }),
  h('div', { class: 'actions' },
    h('button', { type: 'submit', class: 'button', 'data-testid': 'log-submit', text: '検索' }),
    h('button', { type: 'button', class: 'button secondary', 'data-testid': 'log-csv', text: 'CSV をダウンロード（条件に合うすべて）',
      onclick: (event) => act(event.currentTarget, messages,
        async () => saveFile(await api.logCsv(category.value, params())), 'CSV をダウンロードしました。') })));

  const verifyWith = (checkpoint) => (event) => act(event.currentTarget, messages, async () => {
    chain.replaceChildren(h('p', { class: 'muted', text: '検証しています…' }));
    chain.replaceChildren(chainResult(await api.verifyChain(checkpoint())));
  });
  const verify = h('button', { type: 'button', class: 'button secondary', 'data-testid': 'verify-chain',
    text: '改ざんの検証', onclick: verifyWith(() => null) });
  const notedSeq = input('noted-seq', '控えの通番', { type: 'number', min: '0', size: '10' });
  const notedHash = input('noted-hash', '控えのハッシュ（16進64文字）', { size: '66', spellcheck: 'false' });
  const compare = h('details', { class: 'checkpoint' },
    h('summary', { text: '控えと照合する（エクスポートの manifest.json の auditChainHead など）' }),
    h('div', { class: 'search-fields' }, notedSeq.field, notedHash.field,
      h('button', { type: 'button', class: 'button secondary', 'data-testid': 'verify-checkpoint', text: '照合して検証',
        onclick: verifyWith(() => ({ seq: notedSeq.element.value.trim(), hash: notedHash.element.value.trim() })) })));

  container.replaceChildren(
    h('p', { class: 'lead', text: 'アクセスログは職員と住民のすべての要求（ログイン、拒否、個人情報の閲覧を含む）、操作ログは職員・役割・IPアドレス制限の変更、手続の登録、証明書の導入、エクスポートなどの管理操作とエンジンの操作の記録です。記録はハッシュで連結され、書き換えると検証で分かります。' }),
    search, h('div', { class: 'toolbar' }, verify, compare, chain), messages.element, results);
  await load();
  try {
    const retention = await retentionForm(api, messages);
    if (isCurrent()) container.append(retention);
  } catch (error) {
    messages.show(error.message, 'error');
  }
}

function request(entry) {
  if (entry.kind === 'refused.suppressed') return suppressed(entry);
  return h('span', {}, h('code', { text: [entry.method, entry.route].filter(Boolean).join(' ') }),
    entry.status != null ? ` → ${entry.status}` : '', entry.durationMs != null ? `（${entry.durationMs} ms）` : '',
    entry.kind === 'anonymous.counted' ? answered(entry) : '');
}

/** Answered requests that named nobody and showed no personal data: counted, not logged one by one. */
function answered(entry) {
  try {
    const counted = JSON.parse(entry.details);
    return `：${jst(counted.since)} からの1分間に ${Number(counted.count).toLocaleString('ja-JP')} 件`
      + '（個人情報を含まない、認証のない要求。1件ずつは記録しない。経路「*」は1,000を超えた組み合わせの合計）';
  } catch {
    return entry.details || '';
  }
}

/** Refusals of requests that named nobody, beyond the first of a minute: counted, not logged one by one. */
function suppressed(entry) {
  let counted;
  try {
    counted = JSON.parse(entry.details);
  } catch {
    return h('span', { text: entry.details || '' });
  }
  return h('span', {
    text: `${jst(counted.since)} からの1分間に拒否した認証のない要求 ${Number(counted.count).toLocaleString('ja-JP')} 件`
      + '（送信元ごとに最初の20件は1件ずつ記録し、残りは件数だけを記録。送信元「*」は1,000を超えた送信元の合計）',
  });
}

function operation(entry) {
  return h('span', {}, entry.target ? h('span', { text: `対象：${entry.target}` }) : null,
    entry.details ? [h('br'), h('span', { class: 'muted', text: details(entry.details) })] : null);
}

/** The details of an operation (a JSON object of names and values) as "name: value / …". */
function details(value) {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return value;
    }
  }
  if (!parsed || typeof parsed !== 'object') return String(value);
  return Object.entries(parsed).map(([name, text]) => `${name}: ${text === '' ? '（なし）' : text}`).join(' / ');
}

/** The result of the hash-chain verification, with where the chain's seal had to be made again. */
function chainResult(result) {
  const valid = Boolean(result.valid);
  const reseals = result.reseals ?? [];
  const mismatch = reseals.some((reseal) => reseal.reason === 'mismatch');
  const entries = (result.entries ?? 0).toLocaleString('ja-JP');
  let text = `${entries} 件の記録はハッシュで正しくつながっており、改ざんは見つかりませんでした。`;
  if (!valid) {
    text = `記録のつながりが途切れています（${result.brokenAt ? `通番 ${result.brokenAt.seq}：${result.brokenAt.reason}` : ''}）。改ざんや削除の可能性があります。`;
  } else if (mismatch) {
    text = `${entries} 件の記録はいまハッシュで正しくつながっていますが、封印が一致しなかったことがあります（下記）。`;
  }
  const tone = !valid ? 'error' : mismatch ? 'warning' : 'success';
  const verdict = h('p', { class: `alert ${tone}`, 'data-testid': valid ? 'chain-valid' : 'chain-broken' },
    badge({ error: '異常', warning: '要確認', success: '正常' }[tone], { error: 'danger', warning: 'warning', success: 'success' }[tone]),
    ' ', text, result.verifiedAt ? h('span', { class: 'muted', text: `（${jst(result.verifiedAt)} に検証）` }) : null);
  const notes = [];
  if (result.seal === 'UNSEALED') {
    notes.push('封印はまだありません（この版より前に書かれた記録です）。次の記録から封印されます。');
  }
  for (const reseal of reseals) {
    notes.push(reseal.reason === 'unsealed'
      ? `通番 ${reseal.seq}（${jst(reseal.occurredAt)}）から封印を始めました。この版への更新のとき以外に現れた場合は、それ以前の記録がデータベース上で書き換えられた可能性があります。`
      : `通番 ${reseal.seq}（${jst(reseal.occurredAt)}）の時点で封印が一致しませんでした。それ以前の記録がデータベース上で書き換えられた可能性があります。`);
  }
  const head = h('p', { class: 'muted', 'data-testid': 'chain-head' }, `最新の記録：通番 ${result.headSeq}、ハッシュ `,
    h('code', { text: result.headHash }), '（控えておくと、あとで「控えと照合する」で確かめられます）');
  const checked = result.checkpoint ? checkpointResult(result.checkpoint, result.headSeq) : null;
  if (notes.length === 0) return h('div', {}, verdict, checked, head);
  return h('div', {}, verdict, checked, head, h('ul', { class: `alert ${mismatch ? 'error' : 'warning'}`, 'data-testid': 'chain-reseals' },
    ...notes.map((note) => h('li', { text: note }))));
}

/** How the chain compares with an entry the municipality noted earlier. */
function checkpointResult(checkpoint, headSeq) {
  const texts = {
    match: [`控えの記録（通番 ${checkpoint.seq}）は今も同じ内容でチェーンに含まれています。`, 'success'],
    mismatch: [`控えの記録（通番 ${checkpoint.seq}）と一致しません。その記録は書き換えられたか、控えが誤っています。`, 'error'],
    'beyond-head': [`チェーンは通番 ${headSeq} で終わっており、控えの通番 ${checkpoint.seq} の記録がありません。記録が削除された可能性があります。`, 'error'],
    'removed-by-retention': [`控えの通番 ${checkpoint.seq} は保存期間を過ぎて削除済みのため、照合できません。`, 'warning'],
  };
  const [text, tone] = texts[checkpoint.result] ?? [checkpoint.result, 'warning'];
  return h('p', { class: `alert ${tone}`, 'data-testid': `checkpoint-${checkpoint.result}` }, text);
}
