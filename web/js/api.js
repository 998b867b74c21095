// api.js — the JSON API: fetch with the session cookie, the CSRF token on
// every write, the UI language as Accept-Language, errors as ApiError.
import { getLang, t } from './i18n.js';

let csrf = '';

// Remember the CSRF token the server gave at login or in /me.
export function setCsrf(token) { csrf = token || ''; }

// The words people use for the API's field keys, in the server's messages.
const FIELD_WORDS = {
  vi: { login: 'tên đăng nhập', password: 'mật khẩu', name: 'tên', display: 'tên hiển thị', role: 'vai trò',
    org: 'đơn vị', org_id: 'đơn vị', period: 'kỳ báo cáo', reason: 'lý do', current_password: 'mật khẩu hiện tại',
    new_password: 'mật khẩu mới', file: 'tệp' },
  en: { login: 'user name', password: 'password', name: 'name', display: 'display name', role: 'role',
    org: 'unit', org_id: 'unit', period: 'reporting period', reason: 'reason', current_password: 'current password',
    new_password: 'new password', file: 'file' },
};

// A server message as the screens show it: no command-line hint ("(xem:
// dti periods 1)"), no field key ("Thiếu “password”" → "Thiếu mật khẩu"), a
// capital letter and a full stop.
export function humanize(message) {
  const words = FIELD_WORDS[getLang()] || FIELD_WORDS.vi;
  let m = String(message || '').trim()
    .replace(/\s*\((xem|see):?\s*dti [^)]*\)/gi, '')
    .replace(/“([a-z_]+)”/g, (all, k) => (k in words ? words[k] : all));
  if (!m) return m;
  m = m[0].toLocaleUpperCase(getLang()) + m.slice(1);
  return /[.!?…:]$/.test(m) ? m : m + '.';
}

export class ApiError extends Error {
  constructor(status, code, message, field, detail) {
    super(humanize(message));
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
