// IPアドレス制限: the address ranges the municipality's staff may work from.

import { h } from '../../../liff/src/dom.js';
import { act, alert, notices } from '../ui.js';
import { contains, parseCidr } from '../cidr.js';

export async function renderIpAllowList(container, { api, isCurrent }) {
  const messages = notices();
  const ranges = h('textarea', { id: 'cidrs', rows: '8', spellcheck: 'false', 'data-testid': 'cidrs',
    'aria-describedby': 'cidrs-hint' });
  const yourAddress = h('p', { class: 'your-address', 'data-testid': 'your-address' });
  const warning = h('div', { 'aria-live': 'polite' });
  const understood = h('input', { type: 'checkbox', id: 'lockout-understood', 'data-testid': 'lockout-understood' });
  const submit = h('button', { type: 'submit', class: 'button', text: '保存する', 'data-testid': 'save-cidrs' });
  let address = null;

  function entries() {
    return ranges.value.split(/[\s,]+/).map((value) => value.trim()).filter(Boolean);
  }

  /** Warns before a list that would shut out the admin's own address. */
  function check() {
    const list = entries();
    const invalid = list.filter((entry) => !parseCidr(entry));
    const locksOut = list.length > 0 && address && invalid.length === 0 && !list.some((entry) => contains(entry, address));
    warning.replaceChildren(
      invalid.length ? alert(`正しくない範囲があります：${invalid.join('、')}（例：203.0.113.0/24、2001:db8::/32）`) : null,
      locksOut ? h('div', { class: 'alert warning', 'data-testid': 'lockout-warning' },
        h('p', { text: `この一覧には、あなたの今のアドレス（${address}）が含まれていません。保存すると、このコンソールも Tasklist も使えなくなります。` }),
        h('div', { class: 'check' }, understood,
          h('label', { for: 'lockout-understood', text: '自分のアドレスが含まれていないことを理解したうえで保存する' }))) : null);
    submit.disabled = invalid.length > 0 || (locksOut && !understood.checked);
  }

  ranges.addEventListener('input', () => {
    understood.checked = false;
    check();
  });
  understood.addEventListener('change', check);

  const form = h('form', { class: 'form panel', onsubmit: async (event) => {
    event.preventDefault();
    const saved = await act(submit, messages, () => api.saveIpAllowList(entries(), understood.checked), '保存しました。');
    if (saved) show(saved);
    check();
  } },
  h('label', { for: 'cidrs', text: '許可するアドレス範囲（1 行に 1 つ、CIDR 形式）' }),
  ranges,
  h('p', { id: 'cidrs-hint', class: 'hint', text: '空にすると、どのアドレスからも使えます（制限なし）。LINE の Webhook や住民のページは制限されません。' }),
  warning,
  h('div', { class: 'actions' }, submit));

  function show(list) {
    if (list.cidrs) ranges.value = list.cidrs.join('\n');
    if (list.yourAddress) address = list.yourAddress;
    yourAddress.textContent = address ? `あなたの今のアドレス：${address}` : '';
  }

  container.replaceChildren(
    h('p', { class: 'lead', text: '職員の画面（Tasklist、Cockpit、この管理コンソール、REST API）を使えるアドレスの範囲です。' }),
    messages.element, yourAddress, form);
  try {
    const list = await api.ipAllowList();
    if (!isCurrent()) return;
    show(list);
    check();
  } catch (error) {
    messages.show(error.message, 'error');
  }
}
