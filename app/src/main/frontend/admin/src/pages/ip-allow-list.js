// IPアドレス制限: the address ranges the municipality's staff may work from.

import { h } from '../../../liff/src/dom.js';
import { ApiError } from '../api.js';
import { act, notices } from '../ui.js';
import { contains, parseCidr } from '../cidr.js';

export async function renderIpAllowList(container, { api, isCurrent }) {
  const messages = notices();
  const ranges = h('textarea', { id: 'cidrs', rows: '8', spellcheck: 'false', 'data-testid': 'cidrs',
    'aria-describedby': 'cidrs-hint cidrs-check' });
  const yourAddress = h('p', { class: 'your-address', 'data-testid': 'your-address' });
  const current = h('p', { 'data-testid': 'current-cidrs' });
  const understood = h('input', { type: 'checkbox', id: 'lockout-understood', 'data-testid': 'lockout-understood' });
  // built once and shown or hidden, so that the focus stays on the check box when it is ticked
  const invalidAlert = h('p', { class: 'alert error', hidden: true });
  const lockoutText = h('p');
  const lockoutWarning = h('div', { class: 'alert warning', hidden: true, 'data-testid': 'lockout-warning' },
    lockoutText,
    h('p', { lang: 'en', class: 'muted', text: 'This list shuts out your own address: after saving you cannot use this console or Tasklist.' }),
    h('p', { text: '元に戻すには、許可されたアドレスから操作するか、運用事業者に依頼する必要があります。' }),
    h('div', { class: 'check' }, understood,
      h('label', { for: 'lockout-understood', text: '自分のアドレスが含まれていないことを理解したうえで保存する' })));
  const warning = h('div', { id: 'cidrs-check', 'aria-live': 'polite' }, invalidAlert, lockoutWarning);
  const submit = h('button', { type: 'submit', class: 'button', text: '保存する', 'data-testid': 'save-cidrs' });
  let address = null;
  // the server's word that this list shuts the admin out (it decides; the check below only forewarns)
  let refusedList = null;

  function entries() {
    return ranges.value.split(/[\s,、]+/).map((value) => value.trim()).filter(Boolean);
  }

  /** Warns before a list that would shut out the admin's own address. */
  function check() {
    const list = entries();
    const invalid = list.filter((entry) => !parseCidr(entry));
    const locksOut = invalid.length === 0 && (refusedList === ranges.value
      || (list.length > 0 && address && !list.some((entry) => contains(entry, address))));
    invalidAlert.textContent = invalid.length
      ? `正しくない範囲があります：${invalid.join('、')}（例：203.0.113.0/24、2001:db8::/32）` : '';
    invalidAlert.hidden = invalid.length === 0;
    lockoutText.textContent = `この一覧には、あなたの今のアドレス（${address}）が含まれていません。保存すると、あなたはこの管理コンソールも Tasklist も使えなくなります。`;
    lockoutWarning.hidden = !locksOut;
    if (!locksOut) understood.checked = false;
    submit.disabled = invalid.length > 0 || (locksOut && !understood.checked);
  }

  ranges.addEventListener('input', () => {
    understood.checked = false;
    check();
  });
  understood.addEventListener('change', check);

  async function save() {
    const sent = ranges.value;
    const confirmLockout = understood.checked;
    try {
      return await api.saveIpAllowList(entries(), confirmLockout);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && !confirmLockout) refusedList = sent;
      throw error;
    }
  }

  const form = h('form', { class: 'form panel', 'aria-label': '許可するアドレス範囲', onsubmit: async (event) => {
    event.preventDefault();
    const saved = await act(submit, messages, save, (list) => (list.cidrs.length
      ? `保存しました。${list.cidrs.length} 件の範囲からだけ使えます。` : '保存しました。アドレスの制限はありません。'));
    if (saved) show(saved);
    check();
  } },
  h('label', { for: 'cidrs', text: '許可するアドレス範囲（1 行に 1 つ、CIDR 形式）' }),
  ranges,
  h('p', { id: 'cidrs-hint', class: 'hint', text: '例：203.0.113.0/24、2001:db8::/32。空にすると、どのアドレスからも使えます（制限なし）。LINE の Webhook、住民のページ、検証ページは制限されません。' }),
  warning,
  h('div', { class: 'actions' }, submit));

  function show(list) {
    ranges.value = (list.cidrs || []).join('\n');
    refusedList = null;
    if (list.yourAddress) address = list.yourAddress;
    yourAddress.textContent = address ? `あなたの今のアドレス：${address}` : '';
    current.textContent = list.cidrs?.length
      ? `現在の設定：${list.cidrs.join('、')} からだけ使えます。` : '現在の設定：制限なし（どのアドレスからも使えます）。';
  }

  container.replaceChildren(
    h('p', { class: 'lead', text: 'この自治体の職員が画面（Tasklist、Cockpit、この管理コンソール）と API（/engine-rest、/api/…/admin）を使えるアドレスの範囲です。範囲外からの要求は拒否され、アクセスログに記録されます。' }),
    messages.element, h('div', { class: 'facts-line' }, yourAddress, current), form);
  try {
    const list = await api.ipAllowList();
    if (!isCurrent()) return;
    show(list);
    check();
  } catch (error) {
    messages.show(error.message, 'error');
  }
}
