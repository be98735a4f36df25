// The resident's LIFF pages: one page app under /liff/{tenant}/.

import { ApiError, createApi } from './api.js';
import { h, focusElement, uniqueId } from './dom.js';
import { DevIdentity, liffIdentity } from './identity.js';
import { renderCatalogue } from './pages/catalogue.js';
import { renderApply } from './pages/apply.js';
import { renderApplications } from './pages/applications.js';
import { renderDetail } from './pages/detail.js';
import { renderCorrect } from './pages/correct.js';
import { renderPay } from './pages/pay.js';
import { renderIdentity } from './pages/identity.js';

const PREFIX = /^\/liff\/([a-z0-9-]+)(?:\/|$)/;

const tenantMatch = PREFIX.exec(location.pathname);
const tenant = tenantMatch ? tenantMatch[1] : null;
const base = tenant ? `/liff/${tenant}/` : '/liff/';

export const paths = {
  catalogue: () => base,
  apply: (key) => `${base}apply/${encodeURIComponent(key)}`,
  applications: () => `${base}applications`,
  detail: (number) => `${base}applications/${encodeURIComponent(number)}`,
  correct: (number) => `${base}applications/${encodeURIComponent(number)}/correct`,
};

const ROUTES = {
  catalogue: { title: '手続一覧', render: renderCatalogue, nav: 'catalogue' },
  apply: { title: '申請', render: renderApply, nav: 'catalogue', needsResident: true },
  applications: { title: '申請状況', render: renderApplications, nav: 'applications', needsResident: true },
  detail: { title: '申請の詳細', render: renderDetail, nav: 'applications', needsResident: true },
  correct: { title: '申請内容の修正', render: renderCorrect, nav: 'applications', needsResident: true },
  pay: { title: '手数料のお支払い', render: renderPay, nav: 'applications' },
  identity: { title: '本人確認', render: renderIdentity, nav: 'applications' },
  notFound: { title: 'ページが見つかりません', render: renderNotFound },
};

function matchRoute(pathname) {
  if (!pathname.startsWith(base) && pathname !== base.slice(0, -1)) return { name: 'notFound' };
  let segments;
  try {
    segments = pathname.slice(base.length).split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { name: 'notFound' };
  }
  if (segments.length === 0) return { name: 'catalogue' };
  if (segments[0] === 'apply' && segments.length === 2) return { name: 'apply', key: segments[1] };
  if (segments[0] === 'pay' && segments.length === 2) return { name: 'pay', id: segments[1] };
  if (segments[0] === 'identity' && segments.length === 2) return { name: 'identity', id: segments[1] };
  if (segments[0] === 'applications') {
    if (segments.length === 1) return { name: 'applications' };
    if (segments.length === 2) return { name: 'detail', number: segments[1] };
    if (segments.length === 3 && segments[2] === 'correct') return { name: 'correct', number: segments[1] };
  }
  return { name: 'notFound' };
}

// --- the page shell

const state = { tenantName: '', identity: null, api: null, generation: 0, cleanups: [], devPanel: null };

const titleId = 'page-title';
const tenantNameElement = h('span', { class: 'tenant-name', id: 'tenant-name', text: '読み込み中…' });
const navLinks = {
  catalogue: h('a', { href: paths.catalogue(), text: '手続一覧' }),
  applications: h('a', { href: paths.applications(), text: '申請状況' }),
};
const devSlot = h('div', { class: 'dev-slot' });
const pageTitle = h('h1', { id: titleId, tabindex: '-1', text: '' });
const header = h('header', { class: 'app-header' },
  h('div', { class: 'app-bar' },
    h('p', { class: 'tenant' }, tenantNameElement, h('span', { class: 'product', lang: 'en', text: 'Madoguchi' }))),
  devSlot,
  h('nav', { class: 'app-nav', 'aria-label': 'メニュー' },
    h('ul', {}, h('li', {}, navLinks.catalogue), h('li', {}, navLinks.applications))),
  h('div', { class: 'page-head' }, pageTitle));
const noticeArea = h('div', { class: 'notice-area' });
const page = h('div', { class: 'page' });
const main = h('main', { id: 'main', tabindex: '-1', 'aria-labelledby': titleId }, noticeArea, page);
const footer = h('footer', { class: 'app-footer' },
  h('p', {}, 'この画面は LINE の中で動く電子申請の窓口です。', h('small', { lang: 'en', text: ' Resident e-application' })));

document.querySelector('#app').replaceChildren(header, main, footer);

function setTitle(text) {
  pageTitle.textContent = text;
  document.title = state.tenantName ? `${text}｜${state.tenantName} 電子申請` : `${text}｜電子申請`;
}

function focusTitle() {
  focusElement(pageTitle, { scroll: false });
}

/**
 * One notice at a time (data-testid="message").
 * @param {{ type: 'success'|'error'|'info', text: string, items?: string[], extra?: string, action?: Node }} notice
 */
function showNotice(notice) {
  const isError = notice.type === 'error';
  const element = h('div', {
    class: `notice notice-${notice.type}`, 'data-testid': 'message',
    role: isError ? 'alert' : 'status', tabindex: '-1',
  },
  h('p', { class: 'notice-text', text: notice.text }),
  notice.items && notice.items.length ? h('ul', { class: 'notice-items' }, notice.items.map((item) => h('li', { text: item }))) : null,
  notice.extra ? h('p', { class: 'notice-extra', text: notice.extra }) : null,
  notice.action || null);
  noticeArea.replaceChildren(element);
  if (isError) element.scrollIntoView({ block: 'nearest' });
  return element;
}

function clearNotice() {
  noticeArea.replaceChildren();
}

function navigate(path, { replace = false, notice = null } = {}) {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  render({ notice, focus: true });
}

document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target.closest('a[href]');
  if (!link || link.target || link.hasAttribute('download')) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || !url.pathname.startsWith(base)) return;
  event.preventDefault();
  if (url.pathname === location.pathname && url.search === location.search) {
    render({ focus: true });
    return;
  }
  navigate(url.pathname + url.search);
});

window.addEventListener('popstate', () => render({ focus: true }));

// --- the demo login (local development only)

function renderDevPanel() {
  const identity = state.identity;
  if (!identity || identity.mode !== 'dev') {
    devSlot.replaceChildren();
    return;
  }
  const headingId = uniqueId('dev-login');
  const buttons = identity.residents.map((resident) => h('button', {
    type: 'button', class: 'dev-resident', 'data-testid': 'dev-resident', 'data-user-id': resident.userId,
    'aria-pressed': String(identity.userId === resident.userId),
    onclick: () => chooseResident(resident.userId),
  }, resident.name));
  devSlot.replaceChildren(h('section', { class: 'dev-banner', 'aria-labelledby': headingId },
    h('p', { id: headingId, class: 'dev-title', text: '開発用の模擬ログイン（デモ住民）' }),
    h('p', { class: 'dev-text', text: identity.current
      ? `${identity.name} さんとして操作しています。ほかの住民に切り替えられます。`
      : '本物の LINE ではありません。操作するデモ住民を選んでください。' }),
    h('div', { class: 'dev-residents', role: 'group', 'aria-label': 'デモ住民' }, buttons)));
}

async function chooseResident(userId) {
  const identity = state.identity;
  if (identity.userId === userId) return;
  try {
    await identity.select(userId);
  } catch (error) {
    showNotice({ type: 'error', text: error.message });
    return;
  }
  renderDevPanel();
  render({ focus: false });
}

// --- rendering a route

function renderNotFound(ctx) {
  ctx.page.append(h('p', { text: 'お探しのページは見つかりませんでした。' }),
    h('p', {}, h('a', { href: paths.catalogue(), text: '手続一覧へ戻る' })));
}

async function render({ notice = null, focus = false } = {}) {
  state.generation += 1;
  const generation = state.generation;
  state.cleanups.splice(0).forEach((cleanup) => {
    try {
      cleanup();
    } catch (error) {
      console.error(error);
    }
  });
  const route = matchRoute(location.pathname);
  const definition = ROUTES[route.name];
  clearNotice();
  page.replaceChildren();
  page.removeAttribute('aria-busy');
  Object.entries(navLinks).forEach(([name, link]) => {
    if (definition.nav === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  });
  setTitle(definition.title);
  if (focus) {
    window.scrollTo(0, 0);
    focusTitle();
  }

  const ctx = {
    route, tenant, paths, page,
    api: state.api,
    identity: state.identity,
    tenantName: state.tenantName,
    alive: () => generation === state.generation,
    onCleanup: (cleanup) => state.cleanups.push(cleanup),
    setTitle: (text) => { if (generation === state.generation) setTitle(text); },
    focusTitle,
    notice: (value) => (generation === state.generation ? showNotice(value) : null),
    clearNotice: () => { if (generation === state.generation) clearNotice(); },
    navigate,
  };

  if (definition.needsResident && state.identity && !state.identity.userId) {
    page.append(h('p', { class: 'empty', text: '上の「開発用の模擬ログイン」で、操作するデモ住民を選んでください。' }));
    return;
  }

  const loading = h('p', { class: 'loading', role: 'status', text: '読み込み中です…' });
  page.append(loading);
  page.setAttribute('aria-busy', 'true');
  try {
    await definition.render(ctx);
  } catch (error) {
    if (!ctx.alive()) return;
    console.error(error);
    page.replaceChildren(h('p', {}, h('a', { href: paths.catalogue(), text: '手続一覧へ戻る' })));
    showNotice({ type: 'error', text: error instanceof ApiError ? error.message : '表示できませんでした。もう一度お試しください。' });
  } finally {
    if (ctx.alive()) {
      loading.remove();
      page.removeAttribute('aria-busy');
    }
  }
  if (ctx.alive() && notice) showNotice(notice);
}

// --- start

function fatal(message) {
  setTitle('表示できません');
  page.replaceChildren();
  showNotice({ type: 'error', text: message });
}

async function start() {
  if (!tenant) {
    fatal('URL が正しくありません。LINE のメニューからもう一度開いてください。');
    return;
  }
  setTitle(ROUTES[matchRoute(location.pathname).name].title);
  page.replaceChildren(h('p', { class: 'loading', role: 'status', text: '読み込み中です…' }));
  const publicApi = createApi(tenant, null);
  let config;
  try {
    config = await publicApi.config();
  } catch (error) {
    fatal(error.status === 404 ? 'この自治体の電子申請は見つかりませんでした。' : error.message);
    return;
  }
  state.tenantName = config.tenantName || '';
  tenantNameElement.textContent = state.tenantName || '電子申請';
  try {
    if (config.devLogin) {
      const identity = new DevIdentity(tenant);
      state.identity = identity;
      await identity.load();
    } else {
      state.identity = await liffIdentity(config.liffId);
      followLiffState();
    }
  } catch (error) {
    fatal(error.message || 'LINE からもう一度開いてください');
    return;
  }
  state.api = createApi(tenant, state.identity);
  renderDevPanel();
  await render();
}

/** liff.line.me/{liffId}/path arrives as ?liff.state=/path when LIFF did not go there itself. */
function followLiffState() {
  const params = new URLSearchParams(location.search);
  const target = params.get('liff.state');
  if (!target) return;
  const url = new URL(target.replace(/^\//, ''), location.origin + base);
  if (url.pathname.startsWith(base)) history.replaceState(null, '', url.pathname + url.search);
}

start();
