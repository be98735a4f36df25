// How long the municipality's access and operation log is kept (older entries are removed every night).

import { h } from '../../../liff/src/dom.js';
import { act } from '../ui.js';

/** A small form under the log: the retention in days, within the server's bounds. */
export async function retentionForm(api, messages) {
  const days = h('input', { id: 'log-retention', type: 'number', inputmode: 'numeric', required: true, size: '6',
    'data-testid': 'log-retention', 'aria-describedby': 'log-retention-hint' });
  const hint = h('p', { id: 'log-retention-hint', class: 'hint' });
  const submit = h('button', { type: 'submit', class: 'button secondary small', text: '変更する',
    'data-testid': 'log-retention-save' });
  function show(retention) {
    days.value = String(retention.retentionDays);
    days.min = String(retention.minDays);
    days.max = String(retention.maxDays);
    hint.textContent = `${retention.minDays}〜${retention.maxDays.toLocaleString('ja-JP')} 日。保存期間を過ぎた記録は毎晩（既定では 3:30）古い順に削除されます（削除の後も残りの記録のつながりは検証できます）。`;
  }
  show(await api.auditRetention());
  return h('form', { class: 'retention', 'aria-label': 'ログの保存期間', onsubmit: async (event) => {
    event.preventDefault();
    const saved = await act(submit, messages, () => api.saveAuditRetention(Number(days.value)),
      (retention) => `ログの保存期間を ${retention.retentionDays} 日にしました。`);
    if (saved) show(saved);
  } },
  h('div', { class: 'retention-row' }, h('label', { for: 'log-retention', text: 'ログの保存期間（日）' }), days, submit),
  hint);
}
