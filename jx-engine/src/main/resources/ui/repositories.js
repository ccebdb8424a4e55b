// The repositories page: what `jxe import` registered, each linking to its activities.
import { h, fill, formatTime } from './dom.js';
import { getJson } from './api.js';

const tbody = document.querySelector('#repositories tbody');
const state = document.getElementById('repos-state');

function trigger(repo) {
  if (repo.localPath) return 'git hook';
  if (repo.pollIntervalSeconds) return `polling every ${repo.pollIntervalSeconds}s`;
  return 'webhook';
}

function row(repo) {
  const activities = `/?${new URLSearchParams({ repo: repo.fullName })}`;
  return h('tr', { dataset: { repositoryId: repo.id } },
    h('td', {}, h('a', { href: activities }, repo.fullName)),
    h('td', {}, repo.provider),
    h('td', { class: 'mono' }, repo.cloneUrl),
    h('td', {}, repo.defaultBranch || ''),
    h('td', {}, trigger(repo)),
    h('td', {}, formatTime(repo.created)));
}

try {
  const repos = await getJson('/api/repositories');
  fill(tbody, repos.map(row));
  state.textContent = repos.length ? '' : 'No repositories yet: register one with `jxe import`.';
} catch (e) {
  state.textContent = `Could not load repositories: ${e.message}`;
}
