// 手続: the procedures the municipality offers, with their information labels, departments and retention.

import { h } from '../../../liff/src/dom.js';
import { badge, notices, table } from '../ui.js';

const PERSONAL = { none: '個人情報なし', personal: '個人情報', sensitive: '要配慮個人情報' };

export async function renderProcedures(container, { api, isCurrent }) {
  const messages = notices();
  const list = h('div');
  container.replaceChildren(
    h('p', { class: 'lead', text: 'この自治体で受け付けている手続です。情報の格付け（機密性・個人情報）は、LINE の通知、ログ、エクスポート、PDF に何を載せてよいかを決めます。' }),
    messages.element, list);
  let procedures;
  try {
    procedures = await api.procedures();
  } catch (error) {
    messages.show(error.message, 'error');
    return;
  }
  if (!isCurrent()) return;
  list.replaceChildren(
    table('手続の一覧', [
      { title: '手続', value: (procedure) => h('span', {}, procedure.name, h('br'), h('code', { text: procedure.key })) },
      { title: '版', value: (procedure) => String(procedure.version ?? ''), className: 'num' },
      { title: '提供元', value: (procedure) => (procedure.tenantOwn ? badge('この自治体', 'info') : badge('共通', 'neutral')) },
      { title: '格付け', value: (procedure) => label(procedure.label) },
      { title: '担当部署', value: (procedure) => (procedure.departments || []).join('、') },
      { title: '保存年限', value: (procedure) => (procedure.retentionYears ? `${procedure.retentionYears} 年` : '') },
    ], procedures, { empty: '手続はありません。', testId: 'procedures' }),
    ...procedures.map((procedure) => h('details', { class: 'numbers' },
      h('summary', { text: `${procedure.name} の項目と格付け（${(procedure.fields || []).length} 項目）` }),
      table(`${procedure.name} の項目`, [
        { title: '項目', value: (field) => field.label || field.key },
        { title: 'キー', value: (field) => h('code', { text: field.key }) },
        { title: '格付け', value: (field) => label(field) },
      ], procedure.fields || []))));
}

function label(value) {
  if (!value) return '';
  if (value.text) return value.text;
  return `機密性${value.confidentiality}・${PERSONAL[value.personalData] || value.personalData}`;
}
