// Small DOM helpers. Every piece of data goes into the page as a text node or an attribute value,
// never as markup, so branch names, titles and log lines always show as the text they are.

/** Creates an element: h('a', {href: '/x', class: 'c'}, 'text', childNode, ...). */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

export function formatDuration(ms) {
  if (ms === null || ms === undefined) return '';
  // local steps often take milliseconds: "0s" would hide that they ran at all
  if (ms < 1000) return `${Math.max(0, Math.round(ms))}ms`;
  const s = Math.floor(ms / 1000);
  if (s < 10) return `${(ms / 1000).toFixed(1)}s`;
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  return `${Math.floor(m / 60)}h ${m % 60}m`;
}

export function formatTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

export const TERMINAL = new Set(['Succeeded', 'Failed', 'Error', 'Aborted', 'NotExecuted',
  'TimedOut', 'Cancelled']);

/** A status badge: colour from the class, the word itself for screen readers and everyone. */
export function statusBadge(status) {
  return h('span', { class: `status status-${status}` }, status);
}

export function shortSha(sha) {
  return sha ? sha.slice(0, 8) : '';
}

/** The link back to a build imported from another system (a Jenkins controller), or null. */
export function externalLink(a) {
  // the address comes from outside: only http(s), never javascript: or data:
  if (!a.buildUrl || !/^https?:\/\//i.test(a.buildUrl)) return null;
  return [' ', h('a', { href: a.buildUrl, class: 'build-link', rel: 'noopener noreferrer' },
    a.source === 'jenkins' ? 'open in Jenkins' : 'open')];
}
