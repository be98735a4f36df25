// The tenant admin console (管理コンソール): one page app under /admin/{tenant}/ for the 責任者 of
// one municipality. Data comes from /api/{tenant}/admin/...; nothing is kept in the browser's storage.

import { h, focusElement } from '../../liff/src/dom.js';
import { ApiError, createApi } from './api.js';
import { LoginError, endSession, logIn } from './session.js';
import { alert } from './ui.js';
import { renderDashboard } from './pages/dashboard.js';
import { renderStaff } from './pages/staff.js';
import { renderDepartments } from './pages/departments.js';
import { renderIpAllowList } from './pages/ip-allow-list.js';
import { renderLogs } from './pages/logs.js';
import { renderProcedures } from './pages/procedures.js';
import { renderNotifications } from './pages/notifications.js';
import { renderCertificate } from './pages/certificate.js';
import { renderLineChannel } from './pages/line-channel.js';
import { renderExports } from './pages/exports.js';
import { renderSupportGrants } from './pages/support-grants.js';
import { renderRetention } from './pages/retention.js';

const match = /^\/admin\/([a-z0-9-]+)(?:\/([a-z-]*))?\/?$/.exec(location.pathname);
const tenant = match ? match[1] : null;
const base = `/admin/${tenant}/`;

const AREAS = [
  { path: '', title: 'ダッシュボード', english: 'Dashboard', render: renderDashboard },
  { path: 'staff', title: '職員', english: 'Staff', render: renderStaff },
  { path: 'departments', title: '部署', english: 'Departments', render: renderDepartments },
  { path: 'ip-allow-list', title: 'IPアドレス制限', english: 'IP allow-list', render: renderIpAllowList },
  { path: 'logs', title: 'アクセスログ・操作ログ', english: 'Access and operation log', render: renderLogs },
  { path: 'procedures', title: '手続と格付け', english: 'Procedures and labels', render: renderProcedures },
  { path: 'notifications', title: '通知', english: 'Notifications', render: renderNotifications },
  { path: 'signing-certificate', title: '署名証明書', english: 'Signing certificate', render: renderCertificate },
  { path: 'line', title: 'LINE 連携', english: 'LINE channel', render: renderLineChannel },
  { path: 'support-grants', title: 'サポート許可', english: 'Support access', render: renderSupportGrants },
  { path: 'retention', title: '保存期限の延長', english: 'Legal hold', render: renderRetention },
  { path: 'exports', title: 'データの書き出し', english: 'Export', render: renderExports },
];

const state = { me: null, cleanup: null, generation: 0 };
const api = createApi(tenant, () => {
  if (state.me) {
    state.me = null;
    showLogin('ログインの有効期限が切れました。もう一度ログインしてください。');
  }
});

const app = document.getElementById('app');

function shell(content, { withNav = true, active = null } = {}) {
  const header = h('header', { class: 'top-bar' },
    h('p', { class: 'brand' },
      h('span', { class: 'tenant-name', text: state.me?.tenantName || '' }),
      h('span', { class: 'product', text: '管理コンソール' }),
      h('span', { class: 'product-en', lang: 'en', text: 'Madoguchi admin console' })),
    state.me ? h('div', { class: 'account' },
      h('span', { class: 'account-id', text: state.me.userId }),
      h('a', { class: 'tasklist-link', href: '/camunda/app/tasklist/default/', text: 'Tasklist' }),
      h('button', { type: 'button', class: 'button secondary small', 'data-testid': 'logout', onclick: logOut },
        'ログアウト')) : null);
  const nav = withNav ? h('nav', { class: 'side-nav', 'aria-label': '管理メニュー' },
    h('ul', {}, AREAS.map((area) => h('li', {},
      h('a', {
        href: base + area.path, 'data-nav': area.path || 'dashboard',
        'aria-current': area === active ? 'page' : null,
        onclick: (event) => navigate(event, base + area.path),
      }, h('span', { text: area.title }), h('span', { class: 'nav-en', lang: 'en', text: area.english })))))) : null;
  const main = h('main', { id: 'main', tabindex: '-1', class: withNav ? 'with-nav' : 'alone' }, content);
  app.replaceChildren(header, h('div', { class: 'layout' }, nav, main));
  return main;
}

function navigate(event, href) {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  history.pushState({}, '', href);
  route();
}

async function route() {
  const generation = ++state.generation;
  if (state.cleanup) {
    state.cleanup();
    state.cleanup = null;
  }
  if (!tenant) {
    shell(message('ページが見つかりません', 'URL を確認してください（/admin/自治体ID/）。'), { withNav: false });
    return;
  }
  if (!state.me) {
    try {
      state.me = await api.me();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return showLogin();
      if (error instanceof ApiError && error.status === 404) {
        shell(message('自治体が見つかりません', 'URL の自治体IDを確認してください。'), { withNav: false });
        return;
      }
      shell(message('読み込めませんでした', error.message), { withNav: false });
      return;
    }
  }
  if (!state.me.tenantAdmin) {
    document.title = '権限がありません｜管理コンソール';
    const main = shell(h('section', { class: 'panel', 'data-testid': 'no-permission', 'aria-labelledby': 'page-title' },
      h('h1', { id: 'page-title', text: '権限がありません' }),
      h('p', { text: 'この管理コンソールは、この自治体の責任者（テナント管理者）だけが使えます。' }),
      h('p', { lang: 'en', class: 'muted', text: 'Only the administrators of this municipality may use this console.' }),
      h('p', {}, h('a', { href: '/camunda/app/tasklist/default/', text: 'Tasklist へ戻る' }))), { withNav: false });
    focusElement(main, { scroll: false });
    return;
  }
  const path = location.pathname.slice(base.length).replace(/\/$/, '');
  const area = AREAS.find((candidate) => candidate.path === path);
  if (!area) {
    shell(message('ページが見つかりません', 'メニューから選んでください。'));
    return;
  }
  document.title = `${area.title}｜${state.me.tenantName}｜管理コンソール`;
  const container = h('div', { class: 'page' });
  const main = shell([h('h1', { id: 'page-title', tabindex: '-1', text: area.title }), container], { active: area });
  main.setAttribute('aria-labelledby', 'page-title');
  const context = { api, tenant, me: state.me, isCurrent: () => generation === state.generation };
  try {
    state.cleanup = (await area.render(container, context)) || null;
  } catch (error) {
    container.replaceChildren(alert(error.message || '表示できませんでした。'));
  }
  focusElement(document.getElementById('page-title'), { scroll: false });
}

function showLogin(notice = '') {
  document.title = 'ログイン｜管理コンソール';
  const error = h('p', { class: 'alert error', role: 'alert', hidden: !notice, text: notice });
  const user = h('input', { id: 'login-user', name: 'username', autocomplete: 'username', required: true,
    autocapitalize: 'none', spellcheck: 'false' });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password',
    autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit', class: 'button', 'data-testid': 'login-submit', text: 'ログイン' });
  const form = h('form', { class: 'login-form', 'data-testid': 'login-form', novalidate: false, onsubmit: async (event) => {
    event.preventDefault();
    submit.disabled = true;
    error.hidden = true;
    try {
      await logIn(tenant, user.value.trim(), password.value);
      password.value = '';
      state.me = null;
      await route();
    } catch (failure) {
      error.textContent = failure instanceof LoginError ? failure.message : 'ログインできませんでした。';
      error.hidden = false;
      submit.disabled = false;
      password.focus();
    }
  } },
  h('div', { class: 'field' }, h('label', { for: 'login-user', text: '職員ID' }), user),
  h('div', { class: 'field' }, h('label', { for: 'login-password', text: 'パスワード' }), password),
  submit);
  shell(h('section', { class: 'panel login', 'aria-labelledby': 'page-title' },
    h('h1', { id: 'page-title', text: '管理コンソールにログイン' }),
    h('p', { text: 'Camunda（Tasklist）と同じ職員IDとパスワードでログインします。ログインすると Tasklist も使えます。' }),
    h('p', { lang: 'en', class: 'muted', text: 'Sign in with your Camunda (Tasklist) account.' }),
    error, form), { withNav: false });
  user.focus();
}

async function logOut() {
  try {
    await endSession(tenant);
  } catch (error) {
    // the session may still be open: say so instead of showing the login as if it had ended
    const main = document.getElementById('main');
    main.prepend(alert(`ログアウトできませんでした。もう一度お試しください（${error.message}）。`));
    focusElement(main.firstElementChild, { scroll: false });
    return;
  }
  state.me = null;
  showLogin('ログアウトしました。');
}

function message(title, text) {
  return h('section', { class: 'panel', 'aria-labelledby': 'page-title' },
    h('h1', { id: 'page-title', text: title }), h('p', { text }));
}

window.addEventListener('popstate', route);
route();
