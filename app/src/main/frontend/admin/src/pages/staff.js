// 職員: the municipality's staff accounts — list, register, roles, disable, delete, password, locks.

import { h, uniqueId } from '../../../liff/src/dom.js';
import { act, badge, confirmDialog, jst, notices, table } from '../ui.js';

export async function renderStaff(container, { api, me, isCurrent }) {
  const messages = notices();
  const list = h('div');
  const editor = h('div');
  let staff = [];
  let knownDepartments = [];

  async function load() {
    try {
      [staff, knownDepartments] = await Promise.all([api.staff(), api.departments().catch(() => [])]);
    } catch (error) {
      messages.show(error.message, 'error');
      return;
    }
    if (!isCurrent()) return;
    list.replaceChildren(table('職員の一覧', [
      { title: '職員ID', value: (person) => person.id },
      { title: '氏名', value: (person) => [person.lastName, person.firstName].filter(Boolean).join(' ') },
      { title: 'メール', value: (person) => person.email || '' },
      { title: '部署', value: (person) => (person.departments || []).join('、') },
      { title: '役割', value: (person) => roles(person) },
      { title: '状態', value: (person) => status(person) },
      { title: '操作', value: (person) => actions(person) },
    ], staff, { empty: '職員はまだいません。', testId: 'staff' }));
  }

  function actions(person) {
    const button = (text, testId, onclick, kind = 'secondary') => h('button', { type: 'button',
      class: `button small ${kind}`, 'data-testid': testId, onclick },
    text, h('span', { class: 'visually-hidden', text: `（${person.id}）` }));
    const self = person.id === me.userId;
    return h('div', { class: 'row-actions' },
      button('編集', 'edit', () => edit(person)),
      button('パスワード再設定', 'password-reset', () => resetPassword(person)),
      person.lockedUntil ? button('ロック解除', 'lift-lock', (event) => act(event.currentTarget, messages,
        () => api.liftLock(person.id), `${person.id} のロックを解除しました。`).then(load)) : null,
      self ? null : button(person.disabled ? '有効にする' : '無効にする', 'toggle-disabled', (event) => act(
        event.currentTarget, messages, () => api.updateStaff(person.id, { disabled: !person.disabled }),
        `${person.id} を${person.disabled ? '有効' : '無効'}にしました。`).then(load)),
      self ? null : button('削除', 'delete', async (event) => {
        const target = event.currentTarget;
        if (await confirmDialog('職員を削除しますか', `${person.id} のアカウントを削除します。元に戻せません。`, '削除する')) {
          await act(target, messages, () => api.deleteStaff(person.id), `${person.id} を削除しました。`);
          load();
        }
      }, 'danger'));
  }

  async function resetPassword(person) {
    const passwordId = uniqueId('password');
    const password = h('input', { id: passwordId, type: 'password', autocomplete: 'new-password', required: true,
      'data-testid': 'reset-password-input' });
    const submit = h('button', { type: 'submit', class: 'button', text: '再設定する' });
    editor.replaceChildren(h('form', { class: 'form panel', 'data-testid': 'reset-form', onsubmit: async (event) => {
      event.preventDefault();
      const done = await act(submit, messages, () => api.resetPassword(person.id, { password: password.value }),
        `${person.id} のパスワードを再設定しました。次回のログインで変更を求められます。`);
      if (done !== undefined) editor.replaceChildren();
    } },
    h('h2', { text: `パスワードの再設定：${person.id}` }),
    h('p', { text: '仮のパスワードを決めて本人に伝えてください。本人は次のログインで自分のパスワードに変更します。' }),
    h('div', { class: 'field' }, h('label', { for: passwordId, text: '仮のパスワード' }), password),
    h('div', { class: 'actions' }, cancel(), submit)));
    password.focus();
  }

  function edit(person) {
    editor.replaceChildren(staffForm(person, async (changes, submit) => {
      const done = await act(submit, messages, () => api.updateStaff(person.id, changes), `${person.id} を更新しました。`);
      if (done !== undefined) {
        editor.replaceChildren();
        load();
      }
    }));
    editor.querySelector('input:not([disabled])')?.focus();
  }

  function cancel() {
    return h('button', { type: 'button', class: 'button secondary', text: 'やめる', onclick: () => editor.replaceChildren() });
  }

  function staffForm(person, save) {
    const field = (label, input, hint) => {
      input.id = input.id || uniqueId('field');
      return h('div', { class: 'field' }, h('label', { for: input.id, text: label }), input,
        hint ? h('p', { class: 'hint', text: hint }) : null);
    };
    const id = h('input', { name: 'id', required: true, pattern: '[a-z0-9][a-z0-9._\\-]{1,63}', value: person?.id || '',
      disabled: Boolean(person), autocomplete: 'off', 'data-testid': 'staff-id' });
    const lastName = h('input', { name: 'lastName', value: person?.lastName || '', autocomplete: 'off' });
    const firstName = h('input', { name: 'firstName', value: person?.firstName || '', autocomplete: 'off' });
    const email = h('input', { name: 'email', type: 'email', value: person?.email || '', autocomplete: 'off' });
    const current = person?.departments || [];
    const choices = [...new Set([...knownDepartments, ...current])].sort();
    const departmentBoxes = choices.map((department) => h('input', { type: 'checkbox', value: department,
      checked: current.includes(department), 'data-testid': `department-${department}` }));
    const otherDepartments = h('input', { name: 'otherDepartments', autocomplete: 'off', 'data-testid': 'staff-departments' });
    const chief = h('input', { type: 'checkbox', name: 'chief', checked: Boolean(person?.chief || person?.chiefOf?.length) });
    const tenantAdmin = h('input', { type: 'checkbox', name: 'tenantAdmin', checked: Boolean(person?.tenantAdmin),
      disabled: person?.id === me.userId });
    const password = person ? null : h('input', { name: 'password', type: 'password', required: true,
      autocomplete: 'new-password', 'data-testid': 'staff-password' });
    const submit = h('button', { type: 'submit', class: 'button', text: person ? '保存する' : '登録する',
      'data-testid': 'staff-save' });
    const checkbox = (input, label) => {
      input.id = uniqueId('check');
      return h('div', { class: 'check' }, input, h('label', { for: input.id, text: label }));
    };
    return h('form', { class: 'form panel', 'data-testid': 'staff-form', onsubmit: (event) => {
      event.preventDefault();
      const body = {
        firstName: firstName.value.trim(), lastName: lastName.value.trim(), email: email.value.trim(),
        departments: [...departmentBoxes.filter((box) => box.checked).map((box) => box.value),
          ...otherDepartments.value.split(/[,、\s]+/).map((value) => value.trim()).filter(Boolean)],
        chief: chief.checked, tenantAdmin: tenantAdmin.checked,
      };
      if (!person) Object.assign(body, { id: id.value.trim(), password: password.value });
      save(body, submit);
    } },
    h('h2', { text: person ? `職員の編集：${person.id}` : '職員の登録' }),
    field('職員ID', id, '英小文字・数字・「.」「_」「-」。ログインに使います。'),
    h('div', { class: 'field-row' }, field('姓', lastName), field('名', firstName)),
    field('メールアドレス', email),
    h('fieldset', { class: 'departments' }, h('legend', { text: '部署（Tasklist で受け持つグループ）' }),
      departmentBoxes.map((box) => checkbox(box, box.value)),
      field('その他の部署（グループID、カンマ区切り）', otherDepartments, '例：waste-section, citizen-section')),
    checkbox(chief, '係長（エスカレーションと二次決裁）'),
    checkbox(tenantAdmin, '責任者（この管理コンソールを使える）'),
    password ? field('初期パスワード', password, '本人は最初のログインで変更します。') : null,
    h('div', { class: 'actions' }, cancel(), submit));
  }

  const register = h('button', { type: 'button', class: 'button', 'data-testid': 'staff-new', text: '職員を登録',
    onclick: () => {
      editor.replaceChildren(staffForm(null, async (body, submit) => {
        const done = await act(submit, messages, () => api.createStaff(body), `${body.id} を登録しました。`);
        if (done !== undefined) {
          editor.replaceChildren();
          load();
        }
      }));
      editor.querySelector('input')?.focus();
    } });
  container.replaceChildren(
    h('p', { class: 'lead', text: 'この自治体の職員アカウントです。部署（Tasklist で受け持つグループ）と役割を設定します。' }),
    h('div', { class: 'toolbar' }, register), messages.element, editor, list);
  await load();
}

function roles(person) {
  return h('span', { class: 'badges' },
    person.tenantAdmin ? badge('責任者', 'info') : null,
    person.chief || person.chiefOf?.length ? badge('係長', 'neutral') : null);
}

function status(person) {
  if (person.disabled) return badge('無効', 'neutral');
  if (person.lockedUntil && new Date(person.lockedUntil) > new Date()) {
    return badge(`ロック中（${jst(person.lockedUntil)} まで）`, 'danger');
  }
  return h('span', { class: 'badges' }, badge('有効', 'success'),
    person.mustChangePassword ? badge('パスワード変更待ち', 'warning') : null);
}
