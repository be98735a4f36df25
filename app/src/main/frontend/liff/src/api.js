// The JSON API of the resident pages. Errors are { message, violations? } from the server;
// every failure reaches the pages as an ApiError with a Japanese message.

export const RELOGIN_MESSAGE = 'LINE からもう一度開いてください';
const NETWORK_MESSAGE = '通信できませんでした。電波の良いところで、もう一度お試しください。';

// A submission, correction or withdrawal turned away because the service is busy or briefly down
// (503/429 with Retry-After, not a resident's quota) is sent again by itself, with the same
// clientRequestId, for up to this long. In the opening minutes of a popular procedure the server
// gives each waiting resident a turn of their own (up to a minute ahead), so its Retry-After is
// followed as given.
const BUSY_RETRY_MS = 10 * 60000;

// One that got no answer at all (refused, reset or timed out, e.g. while a crowd fills the server's
// queue of new connections) may or may not have arrived; its clientRequestId makes sending it again
// safe, so it is, after 2, 4, 8, 16 and then every 30 seconds, within the same ten minutes.
function unansweredDelayMs(unanswered) {
  return Math.min(30, 2 ** unanswered) * 1000 + Math.floor(Math.random() * 1000);
}

function retryDelayMs(response) {
  const seconds = Number.parseInt(response.headers.get('Retry-After') || '', 10);
  const base = Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 60) * 1000 : 2000;
  return base + Math.floor(Math.random() * 1000);
}

/** What a page says while it sends a 申請, 修正 or 取下げ again by itself ({@link createApi}'s onBusy). */
export function resendNotice(subject, reason, seconds) {
  const wait = `この画面のままお待ちください（約${seconds}秒後に自動で送ります）。`;
  return reason === 'unanswered'
    ? `通信がつながりにくくなっています。同じ${subject}が二重になることはありませんので、${wait}`
    : `${subject === '申請' ? '申請' : 'アクセス'}が集中しています。順番にお受けしますので、${wait}`;
}

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

// A resident's own limit (429 naming a "quota": so many applications a day, so many open) is no
// crowd: sending it again lifts nothing, so the page shows the server's message instead.
async function isQuotaRefusal(response) {
  try {
    const payload = await response.clone().json();
    return Boolean(payload && payload.quota);
  } catch {
    return false;
  }
}

export class ApiError extends Error {
  constructor(status, message, violations = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.violations = Array.isArray(violations) ? violations : [];
  }
}

function defaultMessage(status) {
  if (status === 404) return '見つかりませんでした。';
  if (status === 409) return 'この操作は現在できません。';
  if (status === 413) return 'ファイルが大きすぎます。';
  if (status === 415) return 'この種類のファイルは送れません。';
  if (status >= 500) return 'サーバーで問題が起きました。しばらくしてから、もう一度お試しください。';
  return `送信できませんでした（エラー ${status}）。`;
}

/**
 * @param {string} tenant the tenant slug
 * @param {{ token(): Promise<string>, refresh?(): Promise<void>, canRefresh: boolean }} identity
 */
export function createApi(tenant, identity) {
  const base = `/api/${encodeURIComponent(tenant)}`;

  async function call(path, options = {}, retried = false, busySince = Date.now(), unanswered = 0) {
    const {
      method = 'GET', json, formData, auth = false, raw = false, retryBusy = false, retryUnanswered = false, onBusy,
    } = options;
    const headers = { Accept: raw ? '*/*' : 'application/json' };
    let body;
    if (json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(json);
    } else if (formData) {
      body = formData;
    }
    if (auth) {
      if (!identity) throw new ApiError(401, RELOGIN_MESSAGE);
      headers.Authorization = `Bearer ${await identity.token()}`;
    }
    let response;
    try {
      response = await fetch(base + path, { method, headers, body, credentials: 'same-origin' });
    } catch {
      if (retryUnanswered && Date.now() - busySince < BUSY_RETRY_MS) {
        const delay = unansweredDelayMs(unanswered + 1);
        if (onBusy) onBusy(Math.ceil(delay / 1000), 'unanswered');
        await sleep(delay);
        return call(path, options, retried, busySince, unanswered + 1);
      }
      throw new ApiError(0, NETWORK_MESSAGE);
    }
    if (response.status === 401 && auth) {
      if (!retried && identity.canRefresh) {
        try {
          await identity.refresh();
        } catch {
          throw new ApiError(401, RELOGIN_MESSAGE);
        }
        return call(path, options, true);
      }
      throw new ApiError(401, RELOGIN_MESSAGE);
    }
    if ((response.status === 503 || response.status === 429) && retryBusy
        && Date.now() - busySince < BUSY_RETRY_MS && !(await isQuotaRefusal(response))) {
      const delay = retryDelayMs(response);
      if (onBusy) onBusy(Math.ceil(delay / 1000), 'busy');
      await sleep(delay);
      return call(path, options, retried, busySince);
    }
    if (!response.ok) {
      let payload = null;
      try {
        payload = await response.json();
      } catch {
        payload = null;
      }
      throw new ApiError(response.status, (payload && payload.message) || defaultMessage(response.status),
        payload && payload.violations);
    }
    if (raw) return response;
    const text = await response.text();
    if (!text) return null;
    try {
      return JSON.parse(text);
    } catch {
      throw new ApiError(response.status, 'サーバーの応答を読み取れませんでした。');
    }
  }

  return {
    config: () => call('/liff-config'),
    procedures: () => call('/procedures'),
    applyForm: (key) => call(`/procedures/${encodeURIComponent(key)}/apply-form`),
    uploadAttachment(file) {
      const formData = new FormData();
      formData.append('file', file, file.name);
      return call('/attachments', { method: 'POST', formData, auth: true });
    },
    attachment: (id) => call(`/attachments/${encodeURIComponent(id)}`, { auth: true, raw: true }),
    // the clientRequestId in the body makes a repeated submission return the same application
    submit: (body, onBusy) => call('/applications',
      { method: 'POST', json: body, auth: true, retryBusy: true, retryUnanswered: true, onBusy }),
    applications: () => call('/applications', { auth: true }),
    application: (number) => call(`/applications/${encodeURIComponent(number)}`, { auth: true }),
    // like a submission, a correction or withdrawal sent again with its clientRequestId is done once
    correct: (number, data, clientRequestId, onBusy) => call(`/applications/${encodeURIComponent(number)}/correction`,
      { method: 'POST', json: { data, clientRequestId }, auth: true, retryBusy: true, retryUnanswered: true, onBusy }),
    withdraw: (number, clientRequestId, onBusy) => call(`/applications/${encodeURIComponent(number)}/withdrawal`,
      { method: 'POST', json: { clientRequestId }, auth: true, retryBusy: true, retryUnanswered: true, onBusy }),
    // the simulated payment provider and the demo identity provider (no LINE identity: like a provider's page)
    simulatedPayment: (id) => call(`/simulated-payments/${encodeURIComponent(id)}`),
    simulatePayment: (id, outcome) => call(`/simulated-payments/${encodeURIComponent(id)}`,
      { method: 'POST', json: { outcome } }),
    demoIdentity: (id) => call(`/demo-identity/${encodeURIComponent(id)}`),
    confirmDemoIdentity: (id) => call(`/demo-identity/${encodeURIComponent(id)}`, { method: 'POST', json: {} }),
    document: (number, id) => call(`/applications/${encodeURIComponent(number)}/documents/${encodeURIComponent(id)}`,
      { auth: true, raw: true }),
  };
}
