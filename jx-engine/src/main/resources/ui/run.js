// The run page: facts, the stage graph and every step's log, kept live by the server's event
// stream (GET /api/activities/{id}/events) until the run ends.
import { h, fill, externalLink, formatDuration, formatTime, shortSha, statusBadge, TERMINAL } from './dom.js';
import { getJson, postWithToken } from './api.js';
import { renderTests } from './tests.js';

const id = location.pathname.split('/').pop();
const notice = document.getElementById('notice');
const stopButton = document.getElementById('stop-button');
const rerunButton = document.getElementById('rerun-button');
const stepsEl = document.getElementById('steps');
const stepViews = new Map(); // step id -> {details, summary, log, received}
let activity = null;
let receivedAt = 0;

function liveMillis(item) {
  if (item.durationMillis === null || item.durationMillis === undefined) return null;
  return TERMINAL.has(item.status) ? item.durationMillis
    : item.durationMillis + (Date.now() - receivedAt);
}

function fact(term, ...value) {
  return [h('dt', {}, term), h('dd', {}, ...value)];
}

function renderHead(a) {
  document.title = `${a.name} · jxe`;
  fill(document.getElementById('run-title'), a.name);
  fill(document.getElementById('run-status'), statusBadge(a.status));
  const facts = [
    fact('Pipeline', a.context || ''),
    fact('Branch', h('span', { class: 'branch' }, a.branch)),
    a.pullTitle ? fact('Pull request', `#${a.pullNumber ?? ''} `, h('span', { class: 'pull-title' }, a.pullTitle)) : [],
    fact('Commit', h('span', { class: 'mono' }, shortSha(a.commitSha)), ' ', a.commitMessage || ''),
    a.author ? fact('Author', a.author) : [],
    fact('Event', a.event || ''),
    fact('Source', a.source || '', externalLink(a)),
    fact('Started', formatTime(a.started)),
    fact('Duration', h('span', { id: 'run-duration' }, formatDuration(liveMillis(a)))),
    a.message ? fact('Result', h('span', { id: 'run-message' }, a.message)) : [],
  ];
  fill(document.getElementById('run-facts'), facts.flat());
  // a build imported from another system is stopped and re-run there, not here
  stopButton.disabled = TERMINAL.has(a.status) || Boolean(a.buildUrl);
  rerunButton.disabled = Boolean(a.buildUrl);
}

function renderGraph(a) {
  const columns = [];
  for (const stage of a.stages) {
    (columns[stage.column] ??= []).push(stage);
  }
  fill(document.getElementById('graph'), columns.filter(Boolean).map((stages) =>
    h('li', { class: 'column' }, h('ol', {}, stages.map((s) =>
      h('li', { class: `stage stage-${s.status}`, dataset: { stage: s.name, status: s.status } },
        h('span', { class: 'stage-name' }, s.name),
        statusBadge(s.status),
        h('span', { class: 'duration', dataset: { live: s.id } }, formatDuration(liveMillis(s)))))))));
}

/**
 * A step's message as text; in a Preview step's message the http(s) addresses (the preview and
 * its pull request) are links. Only whole http(s) tokens become links, so a message can never
 * make a javascript: or data: link.
 */
function messageView(step) {
  if (step.kind !== 'Preview') return step.message;
  return step.message.split(/(\s+)/).map(token => {
    const url = token.replace(/[),.;]+$/, '');
    if (!/^https?:\/\/[^\s"'<>]+$/.test(url)) return token;
    return [h('a', { class: 'step-link', href: url, rel: 'noopener noreferrer', target: '_blank' }, url),
      token.slice(url.length)];
  }).flat();
}

function stepView(stage, step) {
  let view = stepViews.get(step.id);
  if (!view) {
    const summary = h('summary');
    const log = h('ol', { class: 'log', 'aria-label': `Log of ${stage.name} / ${step.name}` });
    const details = h('details', { class: 'step', dataset: { stepId: step.id } }, summary, log);
    view = { details, summary, log, received: 0, opened: false };
    stepViews.set(step.id, view);
  }
  fill(view.summary,
    statusBadge(step.status), ' ',
    h('span', { class: 'step-name' }, `${stage.name} / ${step.name}`), ' ',
    h('span', { class: 'duration muted' }, formatDuration(liveMillis(step))),
    step.message ? h('span', { class: 'muted step-message' }, ' — ', messageView(step)) : null);
  // open a step once when it starts or fails; after that the user decides
  if (!view.opened && (step.status === 'Running' || ['Failed', 'Error', 'TimedOut'].includes(step.status))) {
    view.details.open = true;
    view.opened = true;
  }
  return view.details;
}

function renderSteps(a) {
  const wanted = a.stages.flatMap((stage) => stage.steps.map((step) => stepView(stage, step)));
  const current = [...stepsEl.children];
  // moving a log's element would reset its scroll position: only rebuild when steps changed
  if (wanted.length !== current.length || wanted.some((el, i) => el !== current[i])) {
    fill(stepsEl, wanted);
  }
}

/**
 * The gates the run waits at, each with its question and an approve/reject pair. Fetched again
 * only when the run's status changes, since a gate opens or closes only with it.
 */
let approvalsFor = null;
async function renderApprovals(a) {
  if (approvalsFor === a.status) return;
  approvalsFor = a.status;
  const section = document.getElementById('approvals');
  const gates = a.status === 'WaitingForApproval'
    ? (await getJson(`/api/activities/${id}/approvals`)).filter((g) => g.state === 'Waiting')
    : [];
  section.hidden = gates.length === 0;
  fill(section, gates.map((g) => h('div', { class: 'approval', dataset: { step: g.step } },
    h('p', { class: 'approval-message' }, g.message),
    g.submitters.length ? h('p', { class: 'approval-submitters' }, `Submitters: ${g.submitters.join(', ')}`) : [],
    h('button', { type: 'button', class: 'approve-button', onclick: () => decide(g, 'approve') }, g.ok),
    h('button', { type: 'button', class: 'reject-button', onclick: () => decide(g, 'reject') }, 'Reject'))));
}

async function decide(gate, how) {
  try {
    await postWithToken(`/api/activities/${id}/approvals/${encodeURIComponent(gate.step)}/${how}`);
    notice.textContent = how === 'approve' ? `Approved ${gate.step}` : `Rejected ${gate.step}`;
    approvalsFor = null;
    document.getElementById('approvals').hidden = true;
  } catch (e) {
    notice.textContent = `Could not ${how}: ${e.message}`;
  }
}

function render(a) {
  activity = a;
  receivedAt = Date.now();
  // "Stopping…" is true only until the run has ended
  if (TERMINAL.has(a.status) && notice.textContent === 'Stopping…') notice.textContent = '';
  renderHead(a);
  renderGraph(a);
  renderSteps(a);
  renderApprovals(a).catch((e) => { notice.textContent = `Could not read approvals: ${e.message}`; });
}

function appendLines(event) {
  const view = stepViews.get(event.stepId);
  if (!view) return;
  // after a reconnect the server sends from the start again: skip what is already shown
  const skip = view.received - event.from;
  const fresh = skip > 0 ? event.lines.slice(skip) : event.lines;
  // keep following the end of a log unless the reader scrolled up in it
  const log = view.log;
  const following = log.scrollTop + log.clientHeight >= log.scrollHeight - 24;
  for (const line of fresh) {
    view.received += 1;
    log.append(h('li', { class: 'line', title: line.time }, line.text));
  }
  if (following) log.scrollTop = log.scrollHeight;
}

function follow() {
  const source = new EventSource(`/api/activities/${id}/events`);
  source.addEventListener('activity', (e) => render(JSON.parse(e.data)));
  source.addEventListener('log', (e) => appendLines(JSON.parse(e.data)));
  source.addEventListener('end', () => {
    source.close();
    renderTests(id); // recorded when the run ends
  });
}

/** Counts the running durations up between updates from the server. */
function tick() {
  if (!activity || TERMINAL.has(activity.status)) return;
  const runDuration = document.getElementById('run-duration');
  if (runDuration) runDuration.textContent = formatDuration(liveMillis(activity));
  renderGraph(activity);
  renderSteps(activity);
}

stopButton.addEventListener('click', async () => {
  stopButton.disabled = true;
  try {
    await postWithToken(`/api/activities/${id}/stop`);
    notice.textContent = 'Stopping…';
  } catch (e) {
    notice.textContent = `Could not stop: ${e.message}`;
    stopButton.disabled = activity ? TERMINAL.has(activity.status) : false;
  }
});

rerunButton.addEventListener('click', async () => {
  rerunButton.disabled = true;
  try {
    const created = await postWithToken(`/api/activities/${id}/rerun`);
    location.assign(`/runs/${created.id}`);
  } catch (e) {
    notice.textContent = `Could not re-run: ${e.message}`;
    rerunButton.disabled = false;
  }
});

try {
  render(await getJson(`/api/activities/${id}`));
  renderTests(id);
  follow();
  setInterval(tick, 1000);
} catch (e) {
  fill(document.getElementById('run-title'), 'Run not found');
  notice.textContent = e.status === 404 ? `There is no run ${id}.` : `Could not load the run: ${e.message}`;
}
