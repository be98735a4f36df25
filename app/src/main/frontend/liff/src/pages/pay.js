// 手数料の支払い: the SIMULATED payment provider's page (demo and tests). A real provider shows
// its own page; this one talks to the simulator, which sends the provider's signed callback.

import { h, uniqueId } from '../dom.js';
import { formatYen } from '../format.js';

const STATUS_TEXT = {
  PAID: 'このお支払いは完了しています。',
  FAILED: 'このお支払いは失敗しました。申請状況の画面から、もう一度お支払いください。',
  CANCELLED: 'このお支払いは取り消されました。',
  EXPIRED: 'お支払いの期限を過ぎました。',
};

export async function renderPay(ctx) {
  const payment = await ctx.api.simulatedPayment(ctx.route.id);
  if (!ctx.alive()) return;
  ctx.setTitle('手数料のお支払い');
  const back = payment.applicationNumber ? ctx.paths.detail(payment.applicationNumber) : ctx.paths.applications();
  const headingId = uniqueId('pay');
  const facts = h('section', { class: 'card status-card', 'aria-labelledby': headingId },
    h('h2', { id: headingId, text: 'お支払いの内容' }),
    h('dl', { class: 'facts' },
      h('div', { class: 'fact' }, h('dt', { text: '金額' }), h('dd', { 'data-testid': 'pay-amount', text: formatYen(payment.amount) })),
      h('div', { class: 'fact' }, h('dt', { text: '内容' }), h('dd', { text: payment.description })),
      payment.applicationNumber
        ? h('div', { class: 'fact' }, h('dt', { text: '申請番号' }), h('dd', { class: 'mono', text: payment.applicationNumber }))
        : null));
  const demoNote = h('p', { class: 'dev-banner dev-text', role: 'note',
    text: 'これは模擬決済（デモ）の画面です。実際のお金は動きません。「支払いに失敗させる」はデモ用のボタンです。' });

  if (payment.status !== 'REQUESTED') {
    ctx.page.replaceChildren(demoNote, facts,
      h('p', { class: 'lead', 'data-testid': 'pay-status', text: STATUS_TEXT[payment.status] || payment.status }),
      h('p', { class: 'back-link' }, h('a', { href: back, text: '申請の詳細へ戻る' })));
    return;
  }

  const buttons = [];
  const attempt = async (outcome, button) => {
    buttons.forEach((element) => { element.disabled = true; });
    const label = button.textContent;
    button.textContent = '処理中…';
    try {
      await ctx.api.simulatePayment(ctx.route.id, outcome);
      if (!ctx.alive()) return;
      ctx.navigate(back, { notice: outcome === 'PAID'
        ? { type: 'success', text: 'お支払いが完了しました。領収は下に表示されます。' }
        : { type: 'error', text: 'お支払いは完了しませんでした（デモ）。' } });
    } catch (error) {
      if (!ctx.alive()) return;
      buttons.forEach((element) => { element.disabled = false; });
      button.textContent = label;
      ctx.notice({ type: 'error', text: error.message || 'お支払いできませんでした。' });
    }
  };
  const pay = h('button', { type: 'button', class: 'button primary', 'data-testid': 'pay-button', text: '支払う' });
  const fail = h('button', { type: 'button', class: 'button secondary', 'data-testid': 'pay-fail-button', text: '支払いに失敗させる（デモ）' });
  pay.addEventListener('click', () => attempt('PAID', pay));
  fail.addEventListener('click', () => attempt('FAILED', fail));
  buttons.push(pay, fail);
  ctx.page.replaceChildren(demoNote, facts,
    h('div', { class: 'actions' }, pay, fail,
      h('a', { class: 'button secondary', href: back, 'data-testid': 'pay-cancel', text: 'キャンセル' })),
    h('p', { class: 'hint', text: 'キャンセルしても、期限までは申請の詳細から何度でもお支払いに進めます。' }));
}
