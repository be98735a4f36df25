// Who the resident is: the LINE ID token from LIFF, or (local demo only) a simulated resident
// whose token comes from the LINE simulator.

import { ApiError, RELOGIN_MESSAGE } from './api.js';

/** Real LINE: liff.init, log in when needed, and use the LIFF ID token. */
export async function liffIdentity(liffId) {
  if (!liffId) throw new ApiError(0, 'この自治体の LIFF が設定されていません。担当課にお問い合わせください。');
  const { default: liff } = await import('@line/liff');
  try {
    await liff.init({ liffId });
  } catch (error) {
    console.error(error);
    throw new ApiError(0, `LINE との接続を始められませんでした。${RELOGIN_MESSAGE}`);
  }
  if (!liff.isLoggedIn()) {
    liff.login({ redirectUri: location.href });
    return new Promise(() => {}); // the page leaves for LINE Login
  }
  const token = liff.getIDToken();
  const decoded = liff.getDecodedIDToken();
  if (!token || !decoded) throw new ApiError(401, RELOGIN_MESSAGE);
  return {
    mode: 'liff',
    canRefresh: false,
    userId: decoded.sub,
    name: decoded.name || '',
    token: async () => token,
  };
}

/**
 * A link from the LINE simulator's chat names the chat's resident (?demoResident=U…): the page opens
 * signed in as them, like a LIFF page opened from that resident's LINE. The parameter leaves the address bar.
 */
function fromLink() {
  const url = new URL(location.href);
  const userId = url.searchParams.get('demoResident');
  if (!userId) return null;
  url.searchParams.delete('demoResident');
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  return userId;
}

/** Local demo: the resident picked from the simulator's demo residents (never liff.init). */
export class DevIdentity {
  constructor(tenant) {
    this.mode = 'dev';
    this.canRefresh = true;
    this.tenant = tenant;
    this.residents = [];
    this.current = null;
    this.idToken = null;
    this.storageKey = `madoguchi:dev-resident:${tenant}`;
  }

  get userId() {
    return this.current ? this.current.userId : null;
  }

  get name() {
    return this.current ? this.current.name : '';
  }

  async load() {
    const response = await fetch(`/line-simulator/api/${encodeURIComponent(this.tenant)}/residents`,
      { headers: { Accept: 'application/json' } }).catch(() => null);
    if (!response || !response.ok) {
      throw new ApiError(response ? response.status : 0, 'デモ住民の一覧を読み込めませんでした。');
    }
    this.residents = await response.json();
    const found = this.residents.find((resident) => resident.userId === (fromLink() || this.remembered()));
    if (found) await this.select(found.userId);
  }

  /** The choice is kept in this browser, so pages opened in a new tab stay signed in as that resident. */
  remembered() {
    try {
      return localStorage.getItem(this.storageKey);
    } catch {
      return null;
    }
  }

  async select(userId) {
    const resident = this.residents.find((candidate) => candidate.userId === userId);
    if (!resident) throw new ApiError(0, 'そのデモ住民は見つかりません。');
    this.current = resident;
    this.idToken = null;
    try {
      localStorage.setItem(this.storageKey, userId);
    } catch {
      // private mode: the choice lasts as long as the page
    }
    await this.refresh();
  }

  async refresh() {
    if (!this.current) throw new ApiError(401, 'デモ住民を選んでください。');
    const response = await fetch(`/line-simulator/api/${encodeURIComponent(this.tenant)}/id-token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ userId: this.current.userId }),
    }).catch(() => null);
    if (!response || !response.ok) {
      throw new ApiError(response ? response.status : 0, '模擬ログインの ID トークンを取得できませんでした。');
    }
    const { idToken } = await response.json();
    this.idToken = idToken;
  }

  async token() {
    if (!this.current) throw new ApiError(401, 'デモ住民を選んでください。');
    if (!this.idToken) await this.refresh();
    return this.idToken;
  }
}
