// Staff sign in with their Camunda account through Camunda's own webapp login, so Tasklist and
// the console share one session (one login, one logout).

const CAMUNDA_AUTH = '/camunda/api/admin/auth/user/default';

export class LoginError extends Error {}

/** Camunda hands its CSRF token out once per session, in a response header of the first request. */
async function freshCsrfToken() {
  const response = await fetch(CAMUNDA_AUTH, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  return response.headers.get('X-XSRF-TOKEN');
}

export async function logIn(tenant, username, password) {
  let token;
  try {
    token = await freshCsrfToken();
    if (!token) {
      // a session from an earlier visit already holds a token we cannot read: start a new one
      await endSession(tenant);
      token = await freshCsrfToken();
    }
  } catch {
    throw new LoginError('サーバーに接続できませんでした。');
  }
  if (!token) throw new LoginError('ログインを始められませんでした。画面を更新してください。');
  const response = await fetch(`${CAMUNDA_AUTH}/login/welcome`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'X-XSRF-TOKEN': token, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({ username, password }),
  });
  if (response.status === 401 || response.status === 403) {
    throw new LoginError('職員IDまたはパスワードが違います（ロックされている場合は、しばらくしてからお試しください）。');
  }
  if (!response.ok) throw new LoginError(`ログインできませんでした（エラー ${response.status}）。`);
}

/** Ends the shared session: the console and Camunda's webapps are both logged out. */
export async function endSession(tenant) {
  const response = await fetch(`/admin/${encodeURIComponent(tenant)}/logout`, {
    method: 'POST', credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!response.ok) throw new Error(`エラー ${response.status}`);
}
