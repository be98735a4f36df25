// 手続一覧: the procedures a resident can apply for.

import { h, uniqueId } from '../dom.js';

let cached = null;

/** The catalogue, kept for the page's lifetime (the apply page uses it for the name). */
export async function loadProcedures(api) {
  if (!cached) cached = api.procedures().catch((error) => { cached = null; throw error; });
  return cached;
}

function fact(term, value) {
  if (value === null || value === undefined || String(value).trim() === '') return null;
  return h('div', { class: 'fact' }, h('dt', { text: term }), h('dd', { class: 'pre-line', text: String(value) }));
}

export async function renderCatalogue(ctx) {
  const procedures = await loadProcedures(ctx.api);
  if (!ctx.alive()) return;
  const lead = h('p', { class: 'lead', text: 'LINE から申請できる手続です。申請する手続を選んでください。' });
  if (!procedures.length) {
    ctx.page.replaceChildren(lead, h('p', { class: 'empty', text: '現在、申請できる手続はありません。' }));
    return;
  }
  const cards = procedures.map((procedure) => {
    const headingId = uniqueId('procedure');
    const facts = [
      fact('準備するもの', procedure.prepare),
      fact('手数料', procedure.fee),
      fact('処理期間の目安', procedure.processingTime),
    ].filter(Boolean);
    // the summary is written for residents; the BPMN documentation (for staff and designers) only stands in
    const blank = (text) => !text || String(text).trim() === '';
    const texts = [blank(procedure.summary) ? procedure.description : procedure.summary].filter((text) => !blank(text));
    return h('li', {},
      h('article', { class: 'card procedure-card', 'data-testid': 'procedure-card', 'aria-labelledby': headingId },
        h('h2', { id: headingId, class: 'card-title', text: procedure.name }),
        texts.map((text) => h('p', { class: 'pre-line', text })),
        facts.length ? h('dl', { class: 'facts' }, facts) : null,
        h('div', { class: 'card-actions' },
          h('a', {
            class: 'button primary', href: ctx.paths.apply(procedure.key), 'data-testid': 'apply-button',
            'aria-describedby': headingId, text: '申請する',
          }))));
  });
  ctx.page.replaceChildren(lead, h('ul', { class: 'card-list' }, cards));
}
