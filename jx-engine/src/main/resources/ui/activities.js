// The activities list: filters live in the address (so a filtered list can be shared), the
// table refreshes every few seconds.
import { h, fill, externalLink, formatDuration, formatTime, shortSha, statusBadge } from './dom.js';
import { getJson } from './api.js';

const REFRESH_MS = 2000;
const FILTERS = ['repo', 'branch', 'status', 'source'];
const params = new URLSearchParams(location.search);
const tbody = document.querySelector('#activities tbody');
const state = document.getElementById('list-state');

function query() {
  const q = new URLSearchParams();
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) q.set(name, value);
  }
  q.set('limit', '100');
  return q;
}

async function loadRepositories() {
  const select = document.getElementById('filter-repo');
  try {
    const repos = await getJson('/api/repositories');
    for (const repo of repos) {
      select.append(h('option', { value: repo.fullName }, repo.fullName));
    }
  } catch {
    // the list still works; only the choice of repositories is missing
  }
  // a repository seen in activities but not registered can still be filtered by
  const wanted = params.get('repo');
  if (wanted && ![...select.options].some((o) => o.value === wanted)) {
    select.append(h('option', { value: wanted }, wanted));
  }
  select.value = wanted || '';
}

function row(a) {
  const pipeline = a.context ? `${a.owner}/${a.repo} · ${a.context}` : `${a.owner}/${a.repo}`;
  return h('tr', { dataset: { activityId: a.id } },
    h('td', {}, h('a', { href: `/runs/${a.id}`, class: 'run-link' }, `#${a.build}`)),
    h('td', {}, pipeline, externalLink(a)),
    h('td', { class: 'branch' }, a.branch,
      a.pullTitle ? h('div', { class: 'muted pull-title' }, a.pullTitle) : null),
    h('td', {}, statusBadge(a.status)),
    h('td', {}, a.event || ''),
    h('td', { class: 'mono', title: a.commitMessage || '' }, shortSha(a.commitSha)),
    h('td', {}, formatTime(a.started)),
    h('td', {}, formatDuration(a.durationMillis)));
}

async function refresh() {
  try {
    const activities = await getJson(`/api/activities?${query()}`);
    fill(tbody, activities.map(row));
    state.textContent = activities.length ? '' : 'No activities match.';
  } catch (e) {
    state.textContent = `Could not load activities: ${e.message}`;
  }
}

for (const name of FILTERS) {
  const input = document.getElementById(`filter-${name}`);
  if (name !== 'repo') input.value = params.get(name) || '';
}
loadRepositories();
refresh();
setInterval(refresh, REFRESH_MS);
