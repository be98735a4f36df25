// The forms of the 職員 page: register or edit a member (departments, chief, tenant admin) and
// reset a password. Each form only gathers the request body; the page sends it.

import { h, uniqueId } from '../../../liff/src/dom.js';
import { departmentLabel, departmentName } from '../department-label.js';

export const PASSWORD_RULE = '10 文字以上で、英大文字・英小文字・数字・記号をそれぞれ含め、職員IDや氏名を含まないもの。';

function field(label, input, hint) {
  input.id = input.id || uniqueId('field');
  const hintId = hint ? uniqueId('hint') : null;
  if (hintId) input.setAttribute('aria-describedby', hintId);
  return h('div', { class: 'field' }, h('label', { for: input.id, text: label }), input,
    hint ? h('p', { id: hintId, class: 'hint', text: hint }) : null);
}

function checkbox(input, label) {
  input.id = input.id || uniqueId('check');
  return h('div', { class: 'check' }, input, h('label', { for: input.id, text: label }));
}

/** Shows what is typed into a password field, for an initial password the admin passes on. */
function showable(password) {
  const toggle = h('input', { type: 'checkbox', onchange: () => { password.type = toggle.checked ? 'text' : 'password'; } });
  return checkbox(toggle, 'パスワードを表示する');
}

/**
 * The departments a member works in (candidate groups in Tasklist) and those they are chief of,
 * as one table: a row per department, a check box for each role.
 */
function departmentTable(departments, names, person) {
  const member = new Set(person?.departments || []);
  const chief = new Set(person?.chiefOf || []);
  const all = [...new Set([...departments, ...member, ...chief])].sort();
  const rows = all.map((department) => ({
    department,
    member: h('input', { type: 'checkbox', checked: member.has(department),
      'aria-label': `${departmentName(department, names)} の担当`,
      'data-testid': `member-${department}` }),
    chief: h('input', { type: 'checkbox', checked: chief.has(department),
      'aria-label': `${departmentName(department, names)} の係長`,
      'data-testid': `chief-${department}` }),
  }));
  const element = h('fieldset', { class: 'departments' },
    h('legend', { text: '部署と役割' }),
    h('p', { class: 'hint', text: '担当：その部署の申請を Tasklist で受け持ちます。係長：その部署のエスカレーションと二次決裁を受け持ちます。' }),
    rows.length ? h('table', { class: 'role-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: '部署（グループ）' }),
        h('th', { scope: 'col', text: '担当' }), h('th', { scope: 'col', text: '係長' }))),
      h('tbody', {}, rows.map((row) => h('tr', {},
        h('th', { scope: 'row' }, departmentLabel(row.department, names)),
        h('td', {}, row.member), h('td', {}, row.chief)))))
      : h('p', { class: 'empty', text: '部署がまだありません（手続を登録するか、部署のページで追加してください）。' }));
  return {
    element,
    departments: () => rows.filter((row) => row.member.checked).map((row) => row.department),
    chiefOf: () => rows.filter((row) => row.chief.checked).map((row) => row.department),
  };
}

/**
 * Registration (person null) or editing of a member.
 * @param save (body, submitButton) → sends the body
 */
export function staffForm({ person, departments, names, me, save, cancel }) {
  const id = h('input', { name: 'id', required: true, pattern: '[a-z0-9][a-z0-9._\\-]{1,63}', value: person?.id || '',
    disabled: Boolean(person), autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false', 'data-testid': 'staff-id' });
  const lastName = h('input', { name: 'lastName', value: person?.lastName || '', autocomplete: 'off', maxlength: '100',
    'data-testid': 'staff-last-name' });
  const firstName = h('input', { name: 'firstName', value: person?.firstName || '', autocomplete: 'off', maxlength: '100',
    'data-testid': 'staff-first-name' });
  const email = h('input', { name: 'email', type: 'email', value: person?.email || '', autocomplete: 'off' });
  const roles = departmentTable(departments, names, person);
  const self = person?.id === me.userId;
  const tenantAdmin = h('input', { type: 'checkbox', name: 'tenantAdmin', checked: Boolean(person?.tenantAdmin),
    disabled: self, 'data-testid': 'staff-tenant-admin' });
  const password = person ? null : h('input', { name: 'password', type: 'password', required: true,
    autocomplete: 'new-password', 'data-testid': 'staff-password' });
  const submit = h('button', { type: 'submit', class: 'button', text: person ? '保存する' : '登録する',
    'data-testid': 'staff-save' });
  return h('form', { class: 'form panel', 'data-testid': 'staff-form', 'aria-labelledby': 'staff-form-title',
    onsubmit: (event) => {
      event.preventDefault();
      const body = {
        firstName: firstName.value.trim(), lastName: lastName.value.trim(), email: email.value.trim(),
        departments: roles.departments(), chiefOf: roles.chiefOf(), tenantAdmin: tenantAdmin.checked,
      };
      if (!person) Object.assign(body, { id: id.value.trim(), password: password.value });
      save(body, submit);
    } },
  h('h2', { id: 'staff-form-title', tabindex: '-1', text: person ? `職員の編集：${person.id}` : '職員の登録' }),
  field('職員ID', id, '英小文字・数字・「.」「_」「-」の 2〜64 文字。ログインに使い、あとから変えられません。'),
  h('div', { class: 'field-row' }, field('姓', lastName), field('名', firstName)),
  field('メールアドレス（任意）', email),
  roles.element,
  checkbox(tenantAdmin, self ? '責任者（この管理コンソールを使える）— 自分の権限は外せません' : '責任者（この管理コンソールを使える）'),
  password ? [field('初期パスワード', password, `${PASSWORD_RULE}本人は最初のログインで自分のパスワードに変更します。`),
    showable(password)] : null,
  h('div', { class: 'actions' }, cancel(), submit));
}

/** A new initial password: typed by the admin, or (left empty) made up by the server and shown once. */
export function passwordResetForm({ person, save, cancel }) {
  const password = h('input', { type: 'password', autocomplete: 'new-password', 'data-testid': 'reset-password-input' });
  const submit = h('button', { type: 'submit', class: 'button', text: '再設定する', 'data-testid': 'reset-save' });
  return h('form', { class: 'form panel', 'data-testid': 'reset-form', 'aria-labelledby': 'reset-form-title',
    onsubmit: (event) => {
      event.preventDefault();
      save(password.value ? { password: password.value } : {}, submit);
    } },
  h('h2', { id: 'reset-form-title', tabindex: '-1', text: `パスワードの再設定：${person.id}` }),
  h('p', { text: '仮のパスワードを本人に伝えてください。本人は次のログインで自分のパスワードに変更します。ログインのロックも解除されます。' }),
  field('仮のパスワード（空欄なら自動で作ります）', password, PASSWORD_RULE),
  showable(password),
  h('div', { class: 'actions' }, cancel(), submit));
}
