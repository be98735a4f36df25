// 部署: the municipality's departments (the groups its procedures offer tasks to) and the names the
// municipality gives them; naming a new group adds it as a department.

import { h, focusElement } from '../../../liff/src/dom.js';
import { act, notices, table } from '../ui.js';

const ID_PATTERN = '[a-z0-9][a-z0-9\\-]{1,63}';
const RESIDENT_LINKING = '（役割）窓口で受けた申請を、担当部署の手続に限って住民の LINE に結び付けます';

export async function renderDepartments(container, { api, isCurrent }) {
  const messages = notices();
  const list = h('div');

  async function load() {
    let departments;
    let names;
    let procedures;
    try {
      [departments, names, procedures] = await Promise.all([api.departments(), api.departmentNames(),
        api.procedures()]);
    } catch (error) {
      messages.show(error.message, 'error');
      return;
    }
    if (!isCurrent()) return;
    const ids = [...new Set([...departments, ...Object.keys(names)])].sort();
    list.replaceChildren(table('部署の一覧', [
      { title: '部署ID', value: (id) => h('code', { text: id }), className: 'nowrap' },
      { title: '部署名', value: (id) => nameForm(id, names[id]) },
      { title: '担当する手続', value: (id) => (id === 'resident-linking' ? RESIDENT_LINKING
        : procedures.filter((procedure) => (procedure.departments || []).includes(id))
          .map((procedure) => procedure.name).join('、') || '—') },
    ], ids, { empty: '部署はまだありません。', testId: 'departments' }));
  }

  /** Saves, reloads the list, then tells the outcome and moves the focus there (the form is new). */
  async function change(button, action, success) {
    const done = await act(button, messages, action);
    if (done === undefined) return false;
    await load();
    messages.show(success, 'success');
    focusElement(messages.element.firstElementChild, { scroll: false });
    return true;
  }

  function nameForm(id, current) {
    const input = h('input', { value: current || '', maxlength: '60', placeholder: '例：環境課 ごみ減量係',
      'aria-label': `${id} の部署名`, 'data-testid': `department-name-${id}` });
    const save = h('button', { type: 'submit', class: 'button small', 'data-testid': `department-save-${id}` }, '保存',
      h('span', { class: 'visually-hidden', text: `（${id}）` }));
    const remove = current ? h('button', { type: 'button', class: 'button small secondary',
      'data-testid': `department-remove-${id}`,
      onclick: (event) => change(event.currentTarget, () => api.removeDepartmentName(id),
        `${id} の部署名を消しました。`) }, '名前を消す', h('span', { class: 'visually-hidden', text: `（${id}）` })) : null;
    return h('form', { class: 'inline-form', onsubmit: (event) => {
      event.preventDefault();
      change(save, () => api.nameDepartment(id, input.value), `${id} の部署名を「${input.value.trim()}」にしました。`);
    } }, input, save, remove);
  }

  const newId = h('input', { id: 'new-department-id', required: true, pattern: ID_PATTERN, maxlength: '64',
    autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false', placeholder: '例：dog-section',
    'aria-describedby': 'new-department-id-hint', 'data-testid': 'new-department-id' });
  const newName = h('input', { id: 'new-department-name', required: true, maxlength: '60',
    placeholder: '例：生活衛生課', 'data-testid': 'new-department-name' });
  const add = h('button', { type: 'submit', class: 'button', text: '部署を追加', 'data-testid': 'department-add' });
  const addForm = h('form', { class: 'form panel add-department', 'aria-labelledby': 'new-department-title', onsubmit: (event) => {
    event.preventDefault();
    const id = newId.value.trim();
    change(add, () => api.nameDepartment(id, newName.value),
      `部署「${newName.value.trim()}」（${id}）を追加しました。職員のページで担当者を決められます。`)
      .then((added) => added && addForm.reset());
  } },
  h('h2', { id: 'new-department-title', text: '部署を追加' }),
  h('p', { class: 'hint', text: 'この自治体独自の手続のために新しい部署を作るときに使います。職員のページでこの部署の担当者を 1 人以上決めてから、手続の BPMN の担当課（camunda:candidateGroups）にこの部署ID を書いて登録します。' }),
  h('div', { class: 'field-row' },
    h('div', { class: 'field' }, h('label', { for: 'new-department-id', text: '部署ID' }), newId,
      h('p', { id: 'new-department-id-hint', class: 'hint', text: '英小文字・数字・「-」の 2〜64 文字。あとから変えられません。' })),
    h('div', { class: 'field' }, h('label', { for: 'new-department-name', text: '部署名' }), newName)),
  h('div', { class: 'actions' }, add));

  container.replaceChildren(
    h('p', { class: 'lead', text: 'この自治体の部署です。部署は Tasklist で申請を受け持つグループで、手続ごとに決まっています。部署名を付けると、管理コンソールでは部署ID の代わりに部署名で表示されます。' }),
    messages.element, list, addForm);
  await load();
}
