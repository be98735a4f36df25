// 手続: the procedures the municipality offers, with their information labels (格付け),
// departments, retention and the label of every form field.

import { h } from '../../../liff/src/dom.js';
import { badge, notices, table } from '../ui.js';
import { departmentLabel } from '../department-label.js';

const PERSONAL = { none: '個人情報なし', personal: '個人情報', sensitive: '要配慮個人情報' };
const PERSONAL_KIND = { none: 'neutral', personal: 'warning', sensitive: 'danger' };

export async function renderProcedures(container, { api, isCurrent }) {
  const messages = notices();
  const list = h('div');
  container.replaceChildren(
    h('p', { class: 'lead', text: 'この自治体で受け付けている手続と、その情報の格付け（機密性 1〜3、個人情報・要配慮個人情報）です。格付けは手続の BPMN とフォームのファイルに書かれ、登録のときに検査されます（格付けのない項目がある手続は登録できません）。' }),
    messages.element, list);
  let procedures;
  let names;
  try {
    [procedures, names] = await Promise.all([api.procedures(), api.departmentNames()]);
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
      { title: '格付け', value: (procedure) => labelBadges(procedure.label) },
      { title: '担当部署', value: (procedure) => h('span', { class: 'badges' },
        (procedure.departments || []).map((department) => departmentLabel(department, names))) },
      { title: '保存年限', value: (procedure) => (procedure.retentionYears ? `完了から ${procedure.retentionYears} 年` : ''),
        className: 'nowrap' },
    ], procedures, { empty: '手続はありません。', testId: 'procedures' }),
    h('h2', { class: 'section-title', text: '項目ごとの格付け' }),
    ...procedures.map((procedure) => h('details', { class: 'numbers', 'data-testid': `fields-${procedure.key}` },
      h('summary', { text: `${procedure.name}：${(procedure.fields || []).length} 項目` }),
      table(`${procedure.name} の項目と格付け`, [
        { title: '項目', value: (field) => field.label || field.key },
        { title: 'キー', value: (field) => h('code', { text: field.key }) },
        { title: '格付け', value: (field) => labelBadges(field) },
      ], procedure.fields || [], { empty: '入力項目はありません。' }))));
}

/** 「機密性2」「個人情報」 as two badges; the text says it for screen readers and copy-paste alike. */
function labelBadges(label) {
  if (!label) return '';
  const confidentiality = Number(label.confidentiality);
  return h('span', { class: 'badges label' },
    badge(`機密性${confidentiality}`, confidentiality >= 3 ? 'danger' : confidentiality === 2 ? 'warning' : 'neutral'),
    badge(PERSONAL[label.personalData] || label.personalData, PERSONAL_KIND[label.personalData] || 'neutral'));
}
