// The REST API as the portal calls it: the session token from sessionStorage (never in a URL), JSON both ways,
// every write with a fresh Idempotency-Key, and refusals as ApiError with the server's code and field.

const TOKEN = 'latchkey.token';

export class ApiError extends Error {
  constructor(status, code, message, field) {
    super(message || code);
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

export const session = {
  token: () => sessionStorage.getItem(TOKEN),
  set: (token) => sessionStorage.setItem(TOKEN, token),
  clear: () => sessionStorage.removeItem(TOKEN),
};

let onSignedOut = () => {};

/** What to do when the server says the session is over (401 on a call that had a token). */
export function whenSignedOut(handler) {
  onSignedOut = handler;
}

/** Calls the API; answers the parsed JSON (or null), throws ApiError. */
export async function api(method, path, body, { raw = false } = {}) {
  const headers = { Accept: 'application/json' };
  const token = session.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['Idempotency-Key'] = crypto.randomUUID();
  let response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'NETWORK', '');
  }
  if (response.status === 401 && token && path !== '/auth/login') {
    session.clear();
    onSignedOut();
  }
  if (!response.ok) {
    let error = {};
    try {
      error = (await response.json()).error || {};
    } catch (e) {
      // not JSON: the status speaks
    }
    throw new ApiError(response.status, error.code || `HTTP_${response.status}`, error.message, error.field);
  }
  if (raw) return response;
  if (response.status === 204 || response.status === 202 && response.headers.get('Content-Length') === '0') {
    return null;
  }
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body === undefined ? {} : body);
export const patch = (path, body) => api('PATCH', path, body);
export const put = (path, body) => api('PUT', path, body);
export const del = (path) => api('DELETE', path);

/** A query string of the non-empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
