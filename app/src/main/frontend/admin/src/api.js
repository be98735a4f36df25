// The tenant admin APIs (/api/{tenant}/admin/...), called with the staff member's Camunda webapp
// session. Every call is same-origin and carries X-Requested-With, which the server requires of a
// session-authenticated change and which keeps the browser from showing its own login dialog.

const NETWORK_MESSAGE = 'サーバーに接続できませんでした。ネットワークを確認して、もう一度お試しください。';

export class ApiError extends Error {
  constructor(status, message, details = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.details = details;
  }
}

function defaultMessage(status) {
  if (status === 401) return 'ログインが必要です。';
  if (status === 403) return 'この操作を行う権限がありません。';
  if (status === 404) return '見つかりませんでした。';
  if (status === 409) return '他の変更と重なったため、実行できませんでした。画面を更新してください。';
  if (status === 413) return 'ファイルが大きすぎます。';
  if (status >= 500) return 'サーバーで問題が起きました。しばらくしてから、もう一度お試しください。';
  return `実行できませんでした（エラー ${status}）。`;
}

/** Query string of the non-empty values. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(name, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** @param onUnauthorized called when the session has ended (the console shows its login again) */
export function createApi(tenant, onUnauthorized = () => {}) {
  const base = `/api/${encodeURIComponent(tenant)}/admin`;

  async function call(path, { method = 'GET', json, formData, accept = 'application/json', blob = false } = {}) {
    const headers = { Accept: accept, 'X-Requested-With': 'XMLHttpRequest' };
    let body;
    if (json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(json);
    } else if (formData) {
      body = formData;
    }
    let response;
    try {
      response = await fetch(base + path, { method, headers, body, credentials: 'same-origin', cache: 'no-store' });
    } catch {
      throw new ApiError(0, NETWORK_MESSAGE);
    }
    if (!response.ok) {
      let payload = null;
      try {
        payload = await response.json();
      } catch {
        payload = null;
      }
      if (response.status === 401) onUnauthorized();
      throw new ApiError(response.status, (payload && payload.message) || defaultMessage(response.status), payload);
    }
    if (blob) {
      return { blob: await response.blob(), fileName: fileName(response) };
    }
    const text = await response.text();
    if (!text) return null;
    try {
      return JSON.parse(text);
    } catch {
      throw new ApiError(response.status, 'サーバーの応答を読み取れませんでした。');
    }
  }

  const csv = (path) => call(path, { accept: 'text/csv', blob: true });
  const id = encodeURIComponent;

  return {
    me: () => call('/console'),
    statistics: (from, to) => call(`/statistics${query({ from, to })}`),
    statisticsCsv: (table, from, to) => csv(`/statistics/${id(table)}.csv${query({ from, to })}`),
    staff: () => call('/staff'),
    createStaff: (staff) => call('/staff', { method: 'POST', json: staff }),
    updateStaff: (staffId, changes) => call(`/staff/${id(staffId)}`, { method: 'PATCH', json: changes }),
    deleteStaff: (staffId) => call(`/staff/${id(staffId)}`, { method: 'DELETE' }),
    resetPassword: (staffId, body) => call(`/staff/${id(staffId)}/password-reset`, { method: 'POST', json: body }),
    liftLock: (staffId) => call(`/staff/${id(staffId)}/lock`, { method: 'DELETE' }),
    ipAllowList: () => call('/ip-allow-list'),
    saveIpAllowList: (cidrs, confirmLockout) => call('/ip-allow-list', { method: 'PUT', json: { cidrs, confirmLockout } }),
    departments: () => call('/departments'),
    departmentNames: () => call('/department-names'),
    nameDepartment: (department, name) => call(`/department-names/${id(department)}`, { method: 'PUT', json: { name } }),
    removeDepartmentName: (department) => call(`/department-names/${id(department)}`, { method: 'DELETE' }),
    log: (kind, params) => call(`/${kind}${query(params)}`),
    logCsv: (kind, params) => csv(`/${kind}${query(params)}`),
    verifyChain: (checkpoint) => call(`/audit-chain/verify${query(checkpoint ?? {})}`),
    auditRetention: () => call('/audit-retention'),
    saveAuditRetention: (retentionDays) => call('/audit-retention', { method: 'PUT', json: { retentionDays } }),
    procedures: () => call('/procedures'),
    notifications: (status) => call(`/notifications${query({ status })}`),
    retryNotification: (notificationId) => call(`/notifications/${id(notificationId)}/retry`, { method: 'POST' }),
    signingCertificate: () => call('/documents/signing-certificate'),
    installCertificate: (formData) => call('/documents/signing-certificate', { method: 'PUT', formData }),
    supportGrants: () => call('/support-grants'),
    grantSupport: (grant) => call('/support-grants', { method: 'POST', json: grant }),
    endSupportGrant: (grantId) => call(`/support-grants/${id(grantId)}`, { method: 'DELETE' }),
    retention: (number) => call(`/applications/${id(number)}/retention`),
    keepApplication: (number, keepUntil) => call(`/applications/${id(number)}/retention`,
      { method: 'PUT', json: { keepUntil } }),
    exports: () => call('/exports'),
    startExport: (includeSensitive) => call('/exports', { method: 'POST', json: { includeSensitive } }),
    lineChannel: () => call('/line/channel'),
    changeLineChannel: (change) => call('/line/channel', { method: 'PUT', json: change }),
  };
}

function fileName(response) {
  const disposition = response.headers.get('Content-Disposition') || '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return match ? decodeURIComponent(match[1]) : 'download.csv';
}

/** Saves a downloaded file through a temporary object URL (no data stays in the page). */
export function saveFile({ blob, fileName: name }) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
