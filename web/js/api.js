// api.js — the JSON API: fetch with the session cookie, the CSRF token on
// every write, the UI language as Accept-Language, errors as ApiError.
import { getLang, t } from './i18n.js';

let csrf = '';

// Remember the CSRF token the server gave at login or in /me.
export function setCsrf(token) { csrf = token || ''; }

export class ApiError extends Error {
  constructor(status, code, message, field, detail) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
    this.detail = detail || null; // the whole "error" object (e.g. index, rule, option of a calendar rule)
  }
}

// METHOD PATH with BODY (an object sent as JSON, FormData, or a Blob sent
// with its own type, e.g. text/csv); resolves to
// the parsed JSON answer (null for 204), rejects with an ApiError.
export async function api(method, path, body) {
  const headers = { 'Accept': 'application/json', 'Accept-Language': getLang() };
  const opts = { method, headers, credentials: 'same-origin' };
  if (method !== 'GET' && method !== 'HEAD' && csrf) headers['X-CSRF-Token'] = csrf;
  if (body instanceof FormData || body instanceof Blob) {
    opts.body = body; // the browser sets the multipart boundary or the Blob's type
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    opts.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(path, opts);
  } catch {
    throw new ApiError(0, 'network', t('error.network'), null);
  }
  if (res.status === 204) return null;
  let data = null;
  try { data = await res.json(); } catch { /* not JSON */ }
  if (!res.ok) {
    const e = data && data.error ? data.error : {};
    throw new ApiError(res.status, e.code || 'http_' + res.status, e.message || res.statusText, e.field || null, e);
  }
  return data;
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body);
