// 申請: the procedure's form, the confirmation, and the application number.

import { h } from '../dom.js';
import { resendNotice } from '../api.js';
import { mountFormFlow } from '../forms/flow.js';
import { hasLocationFields, locationPanel, mapLink } from '../forms/location.js';
import { loadProcedures } from './catalogue.js';

export async function renderApply(ctx) {
  const key = ctx.route.key;
  const [schema, procedures] = await Promise.all([
    ctx.api.applyForm(key),
    loadProcedures(ctx.api).catch(() => []),
  ]);
  if (!ctx.alive()) return;
  const procedure = procedures.find((candidate) => candidate.key === key);
  ctx.setTitle(procedure ? procedure.name : '申請');

  const intro = [];
  if (procedure) {
    const facts = [['準備するもの', procedure.prepare], ['手数料', procedure.fee], ['処理期間の目安', procedure.processingTime]]
      .filter(([, value]) => value !== null && value !== undefined && String(value).trim() !== '');
    if (facts.length) {
      intro.push(h('details', { class: 'procedure-facts' },
        h('summary', { text: 'この手続について（準備するもの・手数料など）' }),
        h('dl', { class: 'facts' }, facts.map(([term, value]) =>
          h('div', { class: 'fact' }, h('dt', { text: term }), h('dd', { class: 'pre-line', text: String(value) }))))));
    }
  }
  const prefill = applicantNamePrefill(schema, ctx.identity);
  if (prefill.applicantName) {
    intro.push(h('p', { class: 'hint name-hint', 'data-testid': 'name-hint',
      text: 'お名前の欄には LINE の表示名を入れています。正式なお名前と違うときは直してください。' }));
  }
  const container = h('div', { class: 'flow' });
  ctx.page.replaceChildren(...intro, container);

  const location = hasLocationFields(schema);
  const flow = await mountFormFlow(ctx, {
    container,
    schema,
    data: prefill,
    draftKey: `madoguchi:draft:${ctx.tenant}:${key}:${ctx.identity.userId}`,
    sendLabel: '申請する',
    sendTestId: 'submit-button',
    confirmIntro: 'この内容で申請します。よろしければ「申請する」を押してください。',
    formExtra: location ? locationPanel : null,
    summaryExtra: location ? mapLink : null,
    async send(data, requestId, showProgress) {
      const result = await ctx.api.submit({ procedureKey: key, data, clientRequestId: requestId },
        (seconds, reason) => showProgress(resendNotice('申請', reason, seconds)));
      if (!ctx.alive()) return;
      flow.destroy();
      showDone(ctx, result.applicationNumber);
    },
  });
  ctx.onCleanup(() => flow.destroy());
}

/** The applicant's name starts as the LINE profile name (the ID token's name), which the resident may correct. */
function applicantNamePrefill(schema, identity) {
  const hasField = (components) => (components || []).some((component) => component
    && ((component.key === 'applicantName' && component.type === 'textfield')
      || (component.type === 'group' && !component.path && hasField(component.components))));
  const name = identity && typeof identity.name === 'string' ? identity.name.trim() : '';
  return name && hasField(schema.components) ? { applicantName: name } : {};
}

function showDone(ctx, applicationNumber) {
  ctx.page.replaceChildren(h('section', { class: 'card done', 'aria-labelledby': 'done-heading' },
    h('h2', { id: 'done-heading', text: '申請番号' }),
    h('p', { class: 'application-number' }, h('strong', { 'data-testid': 'application-number', text: applicationNumber })),
    h('p', { text: '受付の状況は「申請状況」で確認できます。担当課から LINE でもお知らせします。' }),
    h('div', { class: 'actions stacked' },
      h('a', { class: 'button primary', href: ctx.paths.detail(applicationNumber), text: '申請の詳細を見る' }),
      h('a', { class: 'button secondary', href: ctx.paths.catalogue(), text: '手続一覧へ戻る' }))));
  window.scrollTo(0, 0);
  const notice = ctx.notice({ type: 'success', text: '申請を受け付けました' });
  if (notice) notice.focus();
}
