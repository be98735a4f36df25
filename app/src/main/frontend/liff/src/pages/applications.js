// 申請状況: the resident's applications.

import { h } from '../dom.js';
import { formatDate, statusTone } from '../format.js';

export function statusBadge(status, attrs = {}) {
  return h('span', { class: `badge badge-${statusTone(status)}`, ...attrs, text: status || '受付中' });
}

export async function renderApplications(ctx) {
  const applications = await ctx.api.applications();
  if (!ctx.alive()) return;
  if (!applications.length) {
    ctx.page.replaceChildren(
      h('p', { class: 'empty', text: 'まだ申請はありません。' }),
      h('p', {}, h('a', { class: 'button secondary', href: ctx.paths.catalogue(), text: '手続一覧を見る' })));
    return;
  }
  const sorted = [...applications].sort((a, b) => String(b.submittedAt).localeCompare(String(a.submittedAt)));
  ctx.page.replaceChildren(
    h('p', { class: 'lead', text: `${sorted.length}件の申請があります。詳しく見るには、申請を選んでください。` }),
    h('ul', { class: 'card-list' }, sorted.map((application) => h('li', {},
      h('a', { class: 'card application-card', href: ctx.paths.detail(application.applicationNumber), 'data-testid': 'application-card' },
        h('span', { class: 'card-row' },
          h('span', { class: 'card-title', text: application.procedureName || application.procedureKey }),
          statusBadge(application.status)),
        h('span', { class: 'meta' },
          h('span', { text: `申請番号 ${application.applicationNumber}` }),
          h('span', { text: `申請日 ${formatDate(application.submittedAt)}` })))))));
}
