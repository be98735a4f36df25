// 通知: LINE notifications to residents that could not be delivered, and sending them again.

import { h } from '../../../liff/src/dom.js';
import { act, badge, jst, notices, table } from '../ui.js';

const STATUSES = [
  { value: 'FAILED', label: '送信失敗' },
  { value: 'PENDING', label: '送信待ち' },
  { value: 'SENT', label: '送信済み' },
  { value: 'SKIPPED', label: '送信せず（ブロック中）' },
];

export async function renderNotifications(container, { api, isCurrent }) {
  const messages = notices();
  const status = h('select', { id: 'notification-status', 'data-testid': 'notification-status' },
    STATUSES.map((option) => h('option', { value: option.value, text: option.label })));
  const list = h('div', { 'aria-live': 'polite' });

  async function load() {
    let entries;
    try {
      entries = await api.notifications(status.value);
    } catch (error) {
      messages.show(error.message, 'error');
      return;
    }
    if (!isCurrent()) return;
    const label = STATUSES.find((option) => option.value === status.value).label;
    list.replaceChildren(table(`通知（${label}）`, [
      { title: '作成日時', value: (entry) => jst(entry.createdAt) },
      { title: '手順（BPMN）', value: (entry) => entry.activityId },
      { title: '状態', value: (entry) => badge(label, entry.status === 'FAILED' ? 'danger' : 'neutral'), header: false },
      { title: '試行回数', value: (entry) => String(entry.attempts), className: 'num' },
      { title: 'エラー', value: (entry) => entry.lastError || '' },
      { title: '操作', value: (entry) => (entry.status === 'FAILED' ? h('button', { type: 'button',
        class: 'button small', 'data-testid': 'retry', onclick: (event) => act(event.currentTarget, messages,
          () => api.retryNotification(entry.id), '再送を予約しました。数秒以内に送信されます。').then(load) }, '再送',
        h('span', { class: 'visually-hidden', text: `（${jst(entry.createdAt)} の通知）` })) : '') },
    ], entries, { empty: `${label}の通知はありません。`, testId: 'notifications' }));
  }

  status.addEventListener('change', load);
  container.replaceChildren(
    h('p', { class: 'lead', text: '住民への LINE 通知のうち、届けられなかったものを確認し、もう一度送れます。通知の本文（個人の情報を含む）は表示しません。' }),
    h('div', { class: 'toolbar' }, h('label', { for: 'notification-status', text: '状態' }), status),
    messages.element, list);
  await load();
}
