// 申請内容の修正: the clerk's request, the form filled in with what was sent, then the correction.

import { h } from '../dom.js';
import { resendNotice } from '../api.js';
import { mountFormFlow } from '../forms/flow.js';
import { clerkCommentBox, schemaFor } from './detail.js';

export async function renderCorrect(ctx) {
  const number = ctx.route.number;
  const detail = await ctx.api.application(number);
  if (!ctx.alive()) return;
  ctx.setTitle('申請内容の修正');
  const actions = Array.isArray(detail.actions) ? detail.actions : [];
  const back = h('p', { class: 'back-link' }, h('a', { href: ctx.paths.detail(number), text: '申請の詳細へ戻る' }));
  if (!actions.includes('correct')) {
    ctx.page.replaceChildren(
      h('p', { class: 'empty', text: 'この申請は、今は修正できません。' }), back);
    return;
  }
  const schema = await schemaFor(ctx.api, detail.procedureKey);
  if (!ctx.alive()) return;
  if (!schema) {
    ctx.page.replaceChildren(h('p', { class: 'empty', text: '修正用の入力画面を読み込めませんでした。時間をおいて、もう一度お試しください。' }), back);
    return;
  }
  const container = h('div', { class: 'flow' });
  ctx.page.replaceChildren(...[
    detail.clerkComment ? clerkCommentBox(detail.clerkComment) : null,
    h('p', { class: 'lead' }, `申請番号 ${detail.applicationNumber}（${detail.procedureName || detail.procedureKey}）の内容を修正して、送信してください。`),
    container,
    back].filter(Boolean));

  const current = detail.data && typeof detail.data === 'object' ? detail.data : {};
  const flow = await mountFormFlow(ctx, {
    container,
    schema,
    data: current,
    oldData: current,
    attachments: Array.isArray(detail.attachments) ? detail.attachments : [],
    sendLabel: '修正内容を送信する',
    sendTestId: 'send-correction',
    confirmIntro: 'この内容で修正を送信します。よろしければ「修正内容を送信する」を押してください。',
    async send(data, requestId, showProgress) {
      await ctx.api.correct(number, data, requestId, (seconds, reason) => showProgress(resendNotice('修正', reason, seconds)));
      if (!ctx.alive()) return;
      ctx.navigate(ctx.paths.detail(number), { replace: true, notice: { type: 'success', text: '修正内容を送信しました' } });
    },
  });
  ctx.onCleanup(() => flow.destroy());
}
