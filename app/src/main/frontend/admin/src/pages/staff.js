// 職員: the municipality's staff accounts — list, register, roles, disable, delete, password, locks.

import { h, focusElement } from '../../../liff/src/dom.js';
import { act, badge, confirmDialog, jst, notices, table } from '../ui.js';
import { passwordResetForm, staffForm } from './staff-form.js';
import { departmentLabel, departmentName } from '../department-label.js';

export async function renderStaff(container, { api, me, isCurrent }) {
  const messages = notices();
  const list = h('div');
  const editor = h('div');
  let departments = [];
  let names = {};

  async function load() {
    let staff;
    try {
      [staff, departments, names] = await Promise.all([api.staff(), api.departments(), api.departmentNames()]);
    } catch (error) {
      messages.show(error.message, 'error');
      return;
    }
    if (!isCurrent()) return;
    list.replaceChildren(table('職員の一覧', [
      { title: '職員ID', value: (person) => person.id, className: 'nowrap' },
      { title: '氏名', value: (person) => [person.lastName, person.firstName].filter(Boolean).join(' ') },
      { title: 'メール', value: (person) => person.email || '' },
      { title: '担当部署', value: (person) => departmentList(person.departments, names) },
      { title: '役割', value: (person) => roles(person, names) },
      { title: '状態', value: (person) => status(person) },
      { title: '操作', value: (person) => actions(person) },
    ], staff, { empty: '職員はまだいません。', testId: 'staff' }));
  }

  /** Runs a change, reloads the list, then tells the outcome and moves the focus there (the button may be gone). */
  async function change(button, action, success) {
    const done = await act(button, messages, action);
    await load();
    if (done !== undefined) messages.show(typeof success === 'function' ? success(done) : success, 'success');
    focusElement(messages.element.firstElementChild, { scroll: false });
    return done;
  }

  function actions(person) {
    const button = (text, testId, onclick, kind = 'secondary') => h('button', { type: 'button',
      class: `button small ${kind}`, 'data-testid': testId, onclick },
    text, h('span', { class: 'visually-hidden', text: `（${person.id}）` }));
    const self = person.id === me.userId;
    return h('div', { class: 'row-actions' },
      button('編集', 'edit', () => edit(person)),
      button('パスワード再設定', 'password-reset', () => resetPassword(person)),
      isLocked(person) ? button('ロック解除', 'lift-lock', (event) => change(event.currentTarget,
        () => api.liftLock(person.id), `${person.id} のログインのロックを解除しました。`)) : null,
      self ? null : button(person.disabled ? '有効にする' : '無効にする', 'toggle-disabled', (event) => change(
        event.currentTarget, () => api.updateStaff(person.id, { disabled: !person.disabled }),
        person.disabled ? `${person.id} を有効にしました。` : `${person.id} を無効にしました。この職員はログインできません。`)),
      self ? null : button('削除', 'delete', async (event) => {
        const target = event.currentTarget;
        if (await confirmDialog('職員を削除しますか', `${person.id} のアカウントを削除します。元に戻せません（一時的に止めるだけなら「無効にする」を使ってください）。`, '削除する')) {
          await change(target, () => api.deleteStaff(person.id), `${person.id} を削除しました。`);
        } else {
          target.focus();
        }
      }, 'danger'));
  }

  function open(form) {
    editor.replaceChildren(form);
    focusElement(form.querySelector('h2'));
  }

  function close() {
    editor.replaceChildren();
  }

  const cancel = () => h('button', { type: 'button', class: 'button secondary', text: 'やめる', onclick: close });

  function resetPassword(person) {
    open(passwordResetForm({ person, cancel, save: async (body, submit) => {
      const done = await change(submit, () => api.resetPassword(person.id, body), (result) => (result?.initialPassword
        ? `${person.id} の仮のパスワードは「${result.initialPassword}」です。本人に伝えてください（この表示は一度だけです）。`
        : `${person.id} のパスワードを再設定しました。次のログインで変更を求められます。`));
      if (done !== undefined) close();
    } }));
  }

  function edit(person) {
    open(staffForm({ person, departments, names, me, cancel, save: async (body, submit) => {
      const done = await change(submit, () => api.updateStaff(person.id, body), `${person.id} を更新しました。`);
      if (done !== undefined) close();
    } }));
  }

  const register = h('button', { type: 'button', class: 'button', 'data-testid': 'staff-new', text: '職員を登録',
    onclick: () => open(staffForm({ person: null, departments, names, me, cancel, save: async (body, submit) => {
      const done = await change(submit, () => api.createStaff(body),
        `${body.id} を登録しました。初期パスワードを本人に伝えてください。最初のログインで変更を求められます。`);
      if (done !== undefined) close();
    } })) });
  container.replaceChildren(
    h('p', { class: 'lead', text: 'この自治体の職員アカウントです。担当部署（Tasklist で受け持つグループ）と役割を設定し、無効化・削除、パスワードの再設定、ログインのロック解除を行います。' }),
    h('div', { class: 'toolbar' }, register), messages.element, editor, list);
  await load();
}

function isLocked(person) {
  return Boolean(person.lockedUntil) && new Date(person.lockedUntil) > new Date();
}

function departmentList(departments, names) {
  return h('span', { class: 'badges' }, (departments || []).map((department) => departmentLabel(department, names)));
}

function roles(person, names) {
  return h('span', { class: 'badges' },
    person.tenantAdmin ? badge('責任者', 'info') : null,
    (person.chiefOf || []).map((department) => badge(`係長（${departmentName(department, names)}）`, 'neutral')));
}

function status(person) {
  return h('span', { class: 'badges' },
    person.disabled ? badge('無効', 'neutral') : badge('有効', 'success'),
    isLocked(person) ? badge(`ロック中（${jst(person.lockedUntil)} まで）`, 'danger') : null,
    person.mustChangePassword ? badge('パスワード変更待ち', 'warning') : null);
}
