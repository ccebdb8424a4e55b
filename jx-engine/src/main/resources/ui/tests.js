// The run page's "Tests" section: what the run's report steps (`uses: junit`) recorded, from
// GET /api/activities/{id}/tests. Hidden while nothing is recorded; results arrive when the run ends.
import { h, fill, formatDuration } from './dom.js';
import { getJson } from './api.js';

function total(label, value, cls) {
  return h('li', { class: `test-total ${cls || ''}`, dataset: { total: label } },
    h('span', { class: 'test-count' }, String(value)), ' ', label);
}

function failedCase(c) {
  return h('li', { class: `test-case test-${c.kind}` },
    h('details', {},
      h('summary', {},
        h('span', { class: 'status status-Failed' }, c.kind), ' ',
        h('span', { class: 'test-suite' }, c.suite), ' › ',
        h('span', { class: 'test-name' }, c.name),
        c.message ? h('span', { class: 'muted' }, ` — ${c.message}`) : null),
      c.trace ? h('pre', { class: 'log test-trace' }, c.trace) : null));
}

/** Shows the tests of activity `id`; keeps the section hidden when it recorded none. */
export async function renderTests(id) {
  const section = document.getElementById('tests-section');
  let body;
  try {
    body = await getJson(`/api/activities/${id}/tests`);
  } catch {
    return; // the rest of the page does not depend on it
  }
  if (!body || !body.totals) {
    section.hidden = true;
    return;
  }
  const t = body.totals;
  const passed = Math.max(0, t.tests - t.failures - t.errors - t.skipped);
  fill(document.getElementById('tests-totals'),
    total('tests', t.tests), total('passed', passed, 'ok'),
    total('failed', t.failures + t.errors, t.failures + t.errors > 0 ? 'bad' : ''),
    total('skipped', t.skipped), h('li', { class: 'muted' }, formatDuration(t.durationMillis)));
  const cases = body.reports.flatMap((r) => r.report.failed);
  const leftOut = body.reports.reduce((n, r) => n + r.report.failedLeftOut, 0);
  fill(document.getElementById('tests-failed'), cases.map(failedCase),
    leftOut > 0 ? h('li', { class: 'muted' }, `${leftOut} more failed cases not kept`) : null);
  section.hidden = false;
}
