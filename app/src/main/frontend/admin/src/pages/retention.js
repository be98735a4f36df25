// 保存期限の延長: a legal hold (訴訟・監査・情報公開請求) keeps a completed application longer than its
// procedure's 文書保存年限; sending the procedure's own last day gives the hold up again.

import { h, focusElement } from '../../../liff/src/dom.js';
import { act, badge, jst, notices } from '../ui.js';

const lastDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit',
  day: '2-digit' });

/** A removal time (the start of the day after) → the last day the application is kept, yyyy-mm-dd in Japan. */
function lastDay(removalTime) {
  return removalTime ? lastDayFormat.format(new Date(new Date(removalTime).getTime() - 1)) : '';
}

export async function renderRetention(container, { api }) {
  const messages = notices();
  const details = h('div', { 'data-testid': 'retention', 'aria-live': 'polite' });
  let current = null;

  const number = h('input', { id: 'retention-number', name: 'number', required: true, autocomplete: 'off',
    spellcheck: 'false', placeholder: '2026-000123', 'data-testid': 'retention-number' });
  const lookUp = h('button', { type: 'submit', class: 'button secondary', text: '調べる', 'data-testid': 'retention-look-up' });
  const lookUpForm = h('form', { class: 'form panel', onsubmit: async (event) => {
    event.preventDefault();
    const retention = await act(lookUp, messages, () => api.retention(number.value.trim()));
    if (retention) show(retention);
  } },
  h('h2', { text: '申請を選ぶ' }),
  h('div', { class: 'field' }, h('label', { for: 'retention-number', text: '申請番号' }), number),
  lookUp);

  const keepUntil = h('input', { type: 'date', id: 'retention-keep-until', name: 'keepUntil', required: true,
    'data-testid': 'retention-keep-until' });
  const change = h('button', { type: 'submit', class: 'button', text: '保存期限を変更', 'data-testid': 'retention-change' });
  const changeForm = h('form', { class: 'form panel', hidden: true, onsubmit: async (event) => {
    event.preventDefault();
    const application = current.application;
    const changed = await act(change, messages, () => api.keepApplication(application, keepUntil.value),
      (retention) => `申請 ${application} を ${lastDay(retention.removalTime)} まで保存します。数秒で反映されます。`);
    if (changed) {
      show(changed);
      focusElement(messages.element.firstElementChild, { scroll: false });
    }
  } },
  h('h2', { text: '保存する最後の日' }),
  h('div', { class: 'field' }, h('label', { for: 'retention-keep-until', text: 'この日まで保存する（日本時間）' }), keepUntil),
  h('p', { class: 'hint', 'data-testid': 'retention-hint' }),
  change);

  function show(retention) {
    current = retention;
    const procedureDay = lastDay(retention.procedureRemovalTime);
    const keptDay = lastDay(retention.removalTime);
    const held = retention.removalTime && retention.procedureRemovalTime
      && new Date(retention.removalTime) > new Date(retention.procedureRemovalTime);
    const row = (label, value) => [h('dt', { text: label }), h('dd', {}, value)];
    details.replaceChildren(h('dl', { class: 'facts' },
      row('申請番号', retention.application),
      row('完了日時', retention.completedAt ? jst(retention.completedAt) : '進行中（完了するまで消去されません）'),
      row('手続の文書保存年限による保存', procedureDay ? `${procedureDay} まで` : ''),
      row('現在の保存', keptDay ? h('span', {}, `${keptDay} まで `, held ? badge('延長中', 'warning') : badge('手続のとおり'))
        : '')));
    changeForm.hidden = !retention.completedAt;
    keepUntil.min = procedureDay;
    keepUntil.value = keptDay;
    changeForm.querySelector('[data-testid=retention-hint]').textContent = procedureDay
      ? `${procedureDay} より前にはできません。${procedureDay} を指定すると、延長をやめて手続のとおりに戻します。` : '';
  }

  container.replaceChildren(
    h('p', { class: 'lead', text: '訴訟・監査・情報公開請求などのために、完了した申請を手続の文書保存年限より長く残します。'
      + '保存期間が過ぎた申請は、処理の記録・添付ファイル・発行した文書とともに自動で消去されます。' }),
    h('p', { class: 'muted', text: '変更は操作ログに「保存期限の変更（訴訟ホールドなど）」として残ります。進行中の申請は消去されないため、完了後に変更できます。' }),
    messages.element, lookUpForm, details, changeForm);
}
