// Which requests the preview answers. It serves draft plans on 127.0.0.1 only, but any web page the
// clerk opens can make the browser send requests there, and a site using DNS rebinding can even
// read the answers under its own name. So only requests addressed to 127.0.0.1:PORT or
// localhost:PORT, and (when a page sent them) coming from such a page, are answered.

export type Verdict = { ok: true; path: string } | { ok: false; status: 400 | 403; reason: string };

const ALLOWED_HOSTS = (port: number) => [`127.0.0.1:${port}`, `localhost:${port}`];

/** Checks Host and Origin and extracts the path without `new URL` (which throws on '//'). */
export function judgeRequest(headers: { host?: string; origin?: string }, rawUrl: string | undefined, port: number): Verdict {
  const hosts = ALLOWED_HOSTS(port);
  const host = (headers.host ?? '').toLowerCase();
  if (!hosts.includes(host)) return { ok: false, status: 403, reason: `Host '${headers.host ?? ''}' không được phép` };
  const origin = headers.origin;
  if (origin !== undefined && !hosts.some((h) => origin.toLowerCase() === `http://${h}`)) {
    return { ok: false, status: 403, reason: `Origin '${origin}' không được phép` };
  }
  const url = rawUrl ?? '/';
  if (!url.startsWith('/')) return { ok: false, status: 400, reason: 'đường dẫn không hợp lệ' };
  const end = url.search(/[?#]/);
  return { ok: true, path: end < 0 ? url : url.slice(0, end) };
}
