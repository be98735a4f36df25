// 本人確認: the DEMO identity assurance page (demo and tests only). A real provider (My Number
// card, デジタル認証アプリ) runs its own flow; this page only pretends, and says so.

import { h, uniqueId } from '../dom.js';
import { formatPlainDate } from '../format.js';

const STATUS_TEXT = {
  VERIFIED: '本人確認は完了しています。',
  FAILED: '本人確認ができませんでした。',
  EXPIRED: '本人確認の期限を過ぎました。',
};

export async function renderIdentity(ctx) {
  const request = await ctx.api.demoIdentity(ctx.route.id);
  if (!ctx.alive()) return;
  ctx.setTitle('本人確認（デモ）');
  const back = request.applicationNumber ? ctx.paths.detail(request.applicationNumber) : ctx.paths.applications();
  const attributes = request.attributes || {};
  const headingId = uniqueId('identity');
  const demoNote = h('p', { class: 'dev-banner dev-text', role: 'note',
    text: 'これはデモの本人確認です。実際の本人確認（マイナンバーカード等）は行いません。下の架空の情報が「確認済み」として申請に使われます。' });
  const facts = h('section', { class: 'card status-card', 'aria-labelledby': headingId },
    h('h2', { id: headingId, text: 'カードから読み取る情報（架空）' }),
    h('dl', { class: 'facts' },
      h('div', { class: 'fact' }, h('dt', { text: '氏名' }), h('dd', { text: attributes.name || '' })),
      h('div', { class: 'fact' }, h('dt', { text: '生年月日' }), h('dd', { text: attributes.birthDate ? formatPlainDate(attributes.birthDate) : '' })),
      h('div', { class: 'fact' }, h('dt', { text: '住所' }), h('dd', { text: attributes.address || '' }))));

  if (request.status !== 'REQUESTED') {
    ctx.page.replaceChildren(demoNote, facts,
      h('p', { class: 'lead', 'data-testid': 'identity-status', text: STATUS_TEXT[request.status] || request.status }),
      h('p', { class: 'back-link' }, h('a', { href: back, text: '申請の詳細へ戻る' })));
    return;
  }
  const confirm = h('button', { type: 'button', class: 'button primary', 'data-testid': 'identity-confirm', text: '本人確認をする（デモ）' });
  confirm.addEventListener('click', async () => {
    confirm.disabled = true;
    confirm.textContent = '確認中…';
    try {
      await ctx.api.confirmDemoIdentity(ctx.route.id);
      if (!ctx.alive()) return;
      ctx.navigate(back, { notice: { type: 'success', text: '本人確認が完了しました。担当課で審査します。' } });
    } catch (error) {
      if (!ctx.alive()) return;
      confirm.disabled = false;
      confirm.textContent = '本人確認をする（デモ）';
      ctx.notice({ type: 'error', text: error.message || '本人確認できませんでした。' });
    }
  });
  ctx.page.replaceChildren(demoNote, facts,
    h('div', { class: 'actions' }, confirm, h('a', { class: 'button secondary', href: back, text: 'キャンセル' })));
}
