// newsgraph web page: plain JavaScript over the JSON API (/api/...), no external resources.
// Offsets in newsgraph/1 are Unicode code points: texts are sliced as Array.from(text).
'use strict';

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
const SVGNS = 'http://www.w3.org/2000/svg';
const PAGE = 50;
const MARK_A = '\uE000', MARK_B = '\uE001';
const QUAD = { 1: 'verbal cooperation', 2: 'material cooperation', 3: 'verbal conflict', 4: 'material conflict' };
const PLOVER = ['ACCUSE', 'AGREE', 'AID', 'ASSAULT', 'COERCE', 'CONCEDE', 'CONSULT', 'COOPERATE', 'MOBILIZE',
  'PROTEST', 'REJECT', 'REQUEST', 'RETREAT', 'SANCTION', 'SUPPORT', 'THREATEN'];

/** Creates an element: attrs (class, text, on…, data-…, other attributes), then children. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  for (const c of children.flat()) if (c != null) el.append(c instanceof Node ? c : String(c));
  return el;
}
function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVGNS, tag);
  setAttrs(el, attrs);
  for (const c of children.flat()) if (c != null) el.append(c instanceof Node ? c : String(c));
  return el;
}
function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'text') el.textContent = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : v);
  }
}
function svgTitle(text) { return s('title', {}, text); }

async function api(path, options) {
  const res = await fetch(path, options);
  let body = null;
  try { body = await res.json(); } catch (_) { /* not JSON */ }
  if (!res.ok) throw new Error((body && body.error && body.error.message) || `${res.status} ${res.statusText}`);
  return body;
}
function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '' && v !== false) q.set(k, v);
  const t = q.toString();
  return t ? '?' + t : '';
}
function formParams(form) {
  const out = {};
  for (const el of form.elements) {
    if (!el.name) continue;
    if (el.type === 'checkbox') out[el.name] = el.checked ? 'true' : 'false';
    else if (el.value.trim() !== '') out[el.name] = el.value.trim();
  }
  return out;
}
function fillForm(form, params) {
  for (const el of form.elements) {
    if (!el.name) continue;
    if (el.type === 'checkbox') { if (el.name in params) el.checked = params[el.name] === 'true'; }
    else el.value = params[el.name] || '';
  }
}

let statusTimer = null;
function status(msg, isError = false) {
  const el = $('#status');
  clearTimeout(statusTimer);
  if (!msg) { el.hidden = true; return; }
  el.textContent = msg;
  el.className = 'status' + (isError ? ' error' : '');
  el.hidden = false;
  if (!isError) statusTimer = setTimeout(() => { el.hidden = true; }, 4000);
}
async function guarded(fn) {
  try { return await fn(); } catch (e) { status(e.message, true); return undefined; }
}

// ---------------------------------------------------------------------------------------------
// Routing: #/view?params and #/doc/ID?e=V1|s=3|q=0

const VIEWS = ['read', 'events', 'timeline', 'network', 'quotes', 'search', 'documents'];
const lastHash = {};

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, q = ''] = raw.split('?');
  const params = Object.fromEntries(new URLSearchParams(q));
  const parts = path.split('/');
  if (parts[0] === 'doc' && parts.length > 1) return { view: 'read', doc: decodeURIComponent(parts.slice(1).join('/')), params };
  return { view: VIEWS.includes(parts[0]) ? parts[0] : 'read', params };
}
function go(hash) { if (location.hash === hash) route(); else location.hash = hash; }
function docHash(id, params = {}) { return `#/doc/${encodeURIComponent(id)}${query(params)}`; }

function showView(view) {
  for (const v of VIEWS) {
    $(`#view-${v}`).hidden = v !== view;
    const tab = $(`#tab-${v}`);
    tab.setAttribute('aria-selected', String(v === view));
    tab.tabIndex = v === view ? 0 : -1;
  }
}

async function route() {
  const r = parseHash();
  showView(r.view);
  lastHash[r.view] = location.hash;
  status('');
  if (r.doc) return guarded(() => openDocument(r.doc, r.params));
  const loaders = { events: loadEvents, timeline: loadTimeline, network: loadNetwork, quotes: loadQuotes, search: loadSearch, documents: loadDocuments };
  if (loaders[r.view]) return guarded(() => loaders[r.view](r.params));
}

// ---------------------------------------------------------------------------------------------
// Read an article

let currentDoc = null;

function entityClass(type) {
  return ['PERSON', 'ORG', 'GPE', 'LOC', 'FAC', 'NORP'].includes(type) ? `ent-${type}` : 'ent-OTHER';
}

/** Builds nested DOM from the text and annotation intervals (code point offsets). An
 *  interval crossing its parent's end is split; the piece keeps the same attributes. */
function build(parent, chars, start, end, items) {
  const order = (a, b) => a.start - b.start || a.level - b.level || b.end - a.end;
  items = items.filter((it) => it.end > it.start).sort(order);
  let pos = start;
  while (items.length) {
    let it = items.shift();
    if (it.end <= pos) continue;
    if (it.start < pos) it = { ...it, start: pos };
    if (it.start > pos) parent.append(chars.slice(pos, it.start).join(''));
    const inner = [], rest = [];
    for (const o of items) {
      if (o.start < it.end) {
        inner.push({ ...o, end: Math.min(o.end, it.end) });
        if (o.end > it.end) rest.push({ ...o, start: it.end });
      } else rest.push(o);
    }
    const el = it.make();
    build(el, chars, it.start, it.end, inner);
    parent.append(el);
    pos = it.end;
    items = rest.sort(order);
  }
  if (pos < end) parent.append(chars.slice(pos, end).join(''));
}

function actorLabel(a) {
  if (!a) return '—';
  return a.actor ? `${a.text} (${a.actor})` : a.text;
}

function renderDocument(doc, focus = {}) {
  currentDoc = doc;
  const chars = Array.from(doc.text);
  const ents = new Map(doc.entities.map((e) => [e.id, e]));
  const items = [];
  doc.sentences.forEach((st, i) => items.push({ start: st.start, end: st.end, level: 0,
    make: () => h('span', { class: 'sent' + (st.heading ? ' heading' : ''), 'data-s': i }) }));
  doc.quotes.forEach((q, i) => {
    const who = q.speaker && ents.get(q.speaker) ? ents.get(q.speaker).name : (q.speaker_text || 'unknown speaker');
    items.push({ start: q.start, end: q.end, level: 1,
      make: () => h('span', { class: 'quote', 'data-q': i, title: `${q.kind} quote — ${who}${q.cue ? ` (${q.cue})` : ''}` }) });
  });
  for (const e of doc.entities) {
    const tip = [e.name, e.type, e.role ? `role: ${e.role}` : null, e.actor ? `actor: ${e.actor}` : null].filter(Boolean).join(' · ');
    for (const m of e.mentions) {
      items.push({ start: m.start, end: m.end, level: 2,
        make: () => h('mark', { class: `ent ${entityClass(e.type)} m-${m.kind || 'name'}`, 'data-ent': e.id, 'data-type': e.type,
          'data-name': e.name, title: tip }) });
    }
  }
  for (const t of doc.times) {
    items.push({ start: t.start, end: t.end, level: 2,
      make: () => h('time', { class: 'tm', 'data-value': t.value || '?', title: `${t.type}: ${t.value || 'unresolved'}` }) });
  }
  for (const ev of doc.events) {
    items.push({ start: ev.trigger.start, end: ev.trigger.end, level: 3,
      make: () => h('span', { class: 'trig', 'data-ev': ev.id }) });
  }
  const art = $('#article');
  art.replaceChildren();
  build(art, chars, 0, chars.length, items);

  $('#article-area').hidden = false;
  $('#art-title').textContent = doc.title || (doc.id === 'analysis' ? 'Analysed text' : doc.id);
  $('#art-meta').replaceChildren(...[
    doc.date ? `Dated ${doc.date}` : 'Undated', ' · ', `id ${doc.id}`,
    doc.url ? h('span', {}, ' · ', h('a', { href: doc.url, rel: 'noreferrer noopener', target: '_blank' }, 'source')) : null,
    doc.warnings && doc.warnings.length ? ` · ⚠ ${doc.warnings.join('; ')}` : null].filter((x) => x !== null));

  // Events.
  const tbody = $('#doc-events tbody');
  tbody.replaceChildren(...doc.events.map((ev) => {
    const tr = h('tr', { 'data-ev': ev.id, onclick: (e) => { if (e.target.tagName !== 'BUTTON') selectEvent(ev.id); } },
      h('td', {}, h('span', { class: `qc qc${ev.quad_class}`, title: QUAD[ev.quad_class] || '' }),
        h('button', { type: 'button', class: 'ev', onclick: () => selectEvent(ev.id), title: ev.cameo_name }, `${ev.cameo} ${ev.trigger.text}`)),
      h('td', {}, actorLabel(ev.source)), h('td', {}, actorLabel(ev.target)), h('td', {}, ev.date || '—'));
    return tr;
  }));
  if (!doc.events.length) tbody.append(h('tr', {}, h('td', { colspan: 4, class: 'empty' }, 'No events coded.')));
  $('#n-events').textContent = `(${doc.events.length})`;

  // Entities.
  $('#doc-entities').replaceChildren(...doc.entities.filter((e) => e.mentions.length).map((e) => h('li', {},
    h('button', { type: 'button', class: 'link', onclick: () => flashEntity(e.id) },
      h('mark', { class: `ent ${entityClass(e.type)}` }, e.name)), ' ',
    h('span', { class: 'badge' }, e.type), e.actor ? h('span', { class: 'code' }, e.actor) : null,
    e.role ? ` ${e.role}` : null, h('span', { class: 'hint' }, ` ×${e.mentions.length}`))));
  $('#n-entities').textContent = `(${doc.entities.length})`;

  // Times.
  $('#doc-times').replaceChildren(...doc.times.map((t) => h('li', {},
    h('span', { class: 'tm-text' }, t.text), ' → ', h('b', { class: 'tm-value' }, t.value || 'unresolved'), ' ', h('span', { class: 'badge' }, t.type))));
  $('#n-times').textContent = `(${doc.times.length})`;

  // Quotes.
  $('#doc-quotes').replaceChildren(...doc.quotes.map((q, i) => {
    const who = q.speaker && ents.get(q.speaker) ? ents.get(q.speaker).name : (q.speaker_text || 'unknown');
    return h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => selectQuote(i) },
      h('b', {}, who), ': “', q.text.length > 160 ? q.text.slice(0, 160) + '…' : q.text, '”'), ' ', h('span', { class: 'badge' }, q.kind));
  }));
  $('#n-quotes').textContent = `(${doc.quotes.length})`;

  $('#event-detail').replaceChildren(h('p', { class: 'hint' }, 'Select an event to see its sentence, trigger and the rule that fired.'));
  if (focus.e) selectEvent(focus.e);
  else if (focus.q !== undefined && focus.q !== '') selectQuote(Number(focus.q));
  else if (focus.s !== undefined && focus.s !== '') selectSentence(Number(focus.s));
  else if (focus.find) {
    // A search hit: the first sentence holding one of the searched words.
    const words = focus.find.toLowerCase().split(/\s+/).map((w) => w.replace(/[*"]/g, ''))
      .map((w) => (w.length > 5 ? w.replace(/(ing|ed|es|s)$/, '') : w)).filter((w) => w.length > 1);
    const i = doc.sentences.findIndex((st) => {
      const t = chars.slice(st.start, st.end).join('').toLowerCase();
      return words.some((w) => t.includes(w));
    });
    if (i >= 0) selectSentence(i);
  }
}

function clearSelection() {
  for (const el of $$('#article .sel, #doc-events .sel')) el.classList.remove('sel');
}
function reveal(el) {
  if (!el) return;
  const box = $('#article');
  const r = el.getBoundingClientRect(), b = box.getBoundingClientRect();
  if (r.top < b.top || r.bottom > b.bottom) el.scrollIntoView({ block: 'center', behavior: 'auto' });
}
function selectSentence(i) {
  clearSelection();
  const parts = $$(`#article .sent[data-s="${i}"]`);
  parts.forEach((p) => p.classList.add('sel'));
  reveal(parts[0]);
}
function selectQuote(i) {
  clearSelection();
  const parts = $$(`#article .quote[data-q="${i}"]`);
  parts.forEach((p) => p.classList.add('sel'));
  reveal(parts[0]);
}
function flashEntity(id) {
  const marks = $$(`#article mark[data-ent="${id}"]`);
  marks.forEach((m) => m.classList.add('flash'));
  reveal(marks[0]);
  setTimeout(() => marks.forEach((m) => m.classList.remove('flash')), 1500);
}
function selectEvent(id) {
  const doc = currentDoc;
  const ev = doc && doc.events.find((e) => e.id === id);
  if (!ev) return;
  clearSelection();
  const parts = $$(`#article .sent[data-s="${ev.sentence}"]`);
  parts.forEach((p) => p.classList.add('sel'));
  $$(`#article .trig[data-ev="${ev.id}"]`).forEach((t) => t.classList.add('sel'));
  const row = $(`#doc-events tr[data-ev="${ev.id}"]`);
  if (row) row.classList.add('sel');
  const ents = new Map(doc.entities.map((e) => [e.id, e]));
  const claimed = ev.claimed_by && ents.get(ev.claimed_by) ? ents.get(ev.claimed_by).name : null;
  const dl = h('dl', {},
    h('dt', {}, 'Event'), h('dd', {}, h('span', { class: 'code' }, ev.cameo), ` ${ev.cameo_name}`),
    h('dt', {}, 'Class'), h('dd', {}, h('span', { class: `qc qc${ev.quad_class}` }), `${QUAD[ev.quad_class] || ev.quad_class} · Goldstein ${ev.goldstein}`),
    h('dt', {}, 'PLOVER'), h('dd', {}, ev.plover ? `${ev.plover}${ev.plover_mode ? ' / ' + ev.plover_mode : ''}` : '—'),
    h('dt', {}, 'Source'), h('dd', {}, actorLabel(ev.source)),
    h('dt', {}, 'Target'), h('dd', {}, actorLabel(ev.target)),
    h('dt', {}, 'Date'), h('dd', {}, `${ev.date || '—'} (from the ${ev.date_source === 'text' ? 'text' : 'article date'})`),
    h('dt', {}, 'Modality'), h('dd', {}, ev.modality + (claimed ? ` · claimed by ${claimed}` : '')),
    h('dt', {}, 'Trigger'), h('dd', {}, `“${ev.trigger.text}”`),
    h('dt', {}, 'Rule'), h('dd', {}, h('code', { class: 'rule' }, ev.rule)));
  $('#event-detail').replaceChildren(h('b', {}, `Event ${ev.id}`), dl);
  reveal(parts[0]);
}

async function analyzeSubmit(e) {
  e.preventDefault();
  const form = $('#analyze-form');
  const body = { text: $('#f-text').value, date: $('#f-date').value };
  const title = $('#f-title').value.trim();
  if (title) body.title = title;
  if (!body.date) { status('Give the article date: relative times resolve against it.', true); $('#f-date').focus(); return; }
  if (!body.text.trim()) { status('Paste the article text first.', true); $('#f-text').focus(); return; }
  const btn = $('#analyze-btn');
  btn.disabled = true;
  status('Analysing…');
  await guarded(async () => {
    const doc = await api('/api/analyze', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (location.hash !== '#/read') history.pushState(null, '', '#/read');
    showView('read');
    $('#input-box').open = false;
    renderDocument(doc);
    status(`${doc.entities.length} entities, ${doc.times.length} times, ${doc.quotes.length} quotes, ${doc.events.length} events`);
  });
  btn.disabled = false;
  void form;
}

async function openDocument(id, params) {
  status('Loading document…');
  const doc = await api(`/api/documents/${encodeURIComponent(id)}`);
  $('#input-box').open = false;
  $('#f-docid').value = id;
  renderDocument(doc, params);
  status('');
}

// ---------------------------------------------------------------------------------------------
// Corpus views

function pager(name, params, count, total) {
  const el = $(`.pager[data-for="${name}"]`);
  const offset = Number(params.offset || 0);
  const limit = PAGE;
  const prev = h('button', { type: 'button', disabled: offset <= 0,
    onclick: () => go(`#/${name}${query({ ...params, offset: Math.max(0, offset - limit) || undefined })}`) }, '← Previous');
  const more = total !== undefined ? offset + count < total : count === limit;
  const next = h('button', { type: 'button', disabled: !more, onclick: () => go(`#/${name}${query({ ...params, offset: offset + limit })}`) }, 'Next →');
  const label = count ? `${offset + 1}–${offset + count}${total !== undefined ? ` of ${total}` : ''}` : 'nothing found';
  el.replaceChildren(prev, h('span', {}, label), next);
}

function sentenceWithTrigger(text, trigger) {
  const i = trigger ? text.indexOf(trigger) : -1;
  if (i < 0) return [text];
  return [text.slice(0, i), h('b', {}, trigger), text.slice(i + trigger.length)];
}

function docLink(row, params, label) {
  return h('a', { href: docHash(row.doc_id, params), title: row.doc_id }, label || row.title || row.doc_id);
}

async function loadEvents(params) {
  fillForm($('#events-form'), params);
  const v = await api(`/api/events${query({ ...params, limit: PAGE })}`);
  const tbody = $('#events-table tbody');
  tbody.replaceChildren(...v.items.map((e) => h('tr', {},
    h('td', {}, e.date || '—'),
    h('td', {}, e.source_actor ? h('span', { class: 'code' }, e.source_actor) : null, ' ', e.source_name),
    h('td', {}, h('span', { class: `qc qc${e.quad_class}`, title: QUAD[e.quad_class] || '' }), h('span', { class: 'code' }, e.cameo), ' ', e.cameo_name,
      e.modality !== 'asserted' ? null : null),
    h('td', {}, e.target_actor ? h('span', { class: 'code' }, e.target_actor) : null, ' ', e.target_name || '—'),
    h('td', {}, e.modality),
    h('td', { class: 'sentence' }, sentenceWithTrigger(e.sentence_text, e.trigger_text)),
    h('td', {}, docLink(e, { e: e.event_id })))));
  if (!v.items.length) tbody.append(h('tr', {}, h('td', { colspan: 7, class: 'empty' }, 'No events match.')));
  $('#events-summary').textContent = `${v.total} events`;
  pager('events', params, v.count, v.total);
}

async function loadTimeline(params) {
  fillForm($('#timeline-form'), params);
  const box = $('#timeline-chart');
  if (!params.actor) { box.replaceChildren(h('p', { class: 'empty' }, 'Give an actor code (e.g. RUS, USAGOV), optionally a second one for a pair.')); return; }
  const v = await api(`/api/timeline${query(params)}`);
  drawTimeline(box, v, params);
}

function drawTimeline(box, v, params) {
  const days = v.days;
  if (!days.length) { box.replaceChildren(h('p', { class: 'empty' }, `No dated events for ${v.actor}${v.other ? ' and ' + v.other : ''}.`)); return; }
  const W = Math.max(640, Math.min(1400, days.length * 26 + 110)), H = 310, L = 70, R = 10, T = 24, B = 56;
  const max = Math.max(...days.map((d) => d.total));
  const step = (W - L - R) / days.length;
  const bw = Math.max(2, Math.min(22, step * 0.8));
  const y = (n) => H - B - (n / max) * (H - T - B);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img',
    'aria-label': `Events per day for ${v.actor}${v.other ? ' and ' + v.other : ''}` });
  svg.append(s('text', { x: L, y: 14, 'font-weight': 600 }, `${v.actor}${v.other ? ' ↔ ' + v.other : ''}: events per day (${days.reduce((a, d) => a + d.total, 0)} events on ${days.length} days; only days with events are drawn)`));
  const ticks = niceTicks(max);
  for (const t of ticks) {
    svg.append(s('line', { x1: L, x2: W - R, y1: y(t), y2: y(t), stroke: '#e3e3e3' }),
      s('text', { x: L - 6, y: y(t) + 4, 'text-anchor': 'end' }, String(t)));
  }
  const order = [['material_cooperation', '#1f8a3b'], ['verbal_cooperation', '#8fd19e'], ['verbal_conflict', '#f3a65a'], ['material_conflict', '#c8372d']];
  const labelEvery = Math.ceil(days.length / 12);
  days.forEach((d, i) => {
    const x = L + i * step + (step - bw) / 2;
    const g = s('g', { class: 'bar', tabindex: 0, role: 'link', 'data-date': d.date,
      'aria-label': `${d.date}: ${d.total} events` });
    let acc = 0;
    for (const [k, colour] of order) {
      if (!d[k]) continue;
      g.append(s('rect', { x, y: y(acc + d[k]), width: bw, height: y(acc) - y(acc + d[k]), fill: colour }));
      acc += d[k];
    }
    g.append(svgTitle(`${d.date}: ${d.total} events — ${d.verbal_cooperation} verbal cooperation, ${d.material_cooperation} material cooperation, ${d.verbal_conflict} verbal conflict, ${d.material_conflict} material conflict; mean Goldstein ${d.mean_goldstein}`));
    const open = () => go(`#/events${query(v.other ? { source: v.actor, target: v.other, from: d.date, to: d.date } : { actor: v.actor, from: d.date, to: d.date })}`);
    g.addEventListener('click', open);
    g.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(); } });
    svg.append(g);
    if (i % labelEvery === 0) {
      const tx = x + bw / 2, ty = H - B + 12;
      svg.append(s('text', { x: tx, y: ty, 'text-anchor': 'end', transform: `rotate(-35 ${tx} ${ty})` }, d.date));
    }
  });
  svg.append(s('line', { x1: L, x2: W - R, y1: H - B, y2: H - B, stroke: '#888' }));
  box.replaceChildren(svg);
  void params;
}

function niceTicks(max) {
  const raw = max / 4;
  const mag = Math.pow(10, Math.floor(Math.log10(Math.max(1, raw))));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * mag).find((s2) => s2 >= raw) || mag);
  const out = [];
  for (let t = 0; t <= max; t += step) out.push(t);
  return out;
}

/** Colour of a Goldstein score: red (−10) … grey (0) … green (+10). */
function goldsteinColour(g) {
  const t = Math.max(-1, Math.min(1, g / 10));
  const grey = [185, 185, 185], red = [200, 55, 45], green = [31, 138, 59];
  const to = t < 0 ? red : green, a = Math.abs(t);
  const c = grey.map((v, i) => Math.round(v + (to[i] - v) * a));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

async function loadNetwork(params) {
  if (!('countries' in params)) params = { ...params, countries: 'true' };
  fillForm($('#network-form'), params);
  const v = await api(`/api/network${query({ ...params, limit: 150 })}`);
  drawNetwork($('#network-chart'), v, params);
}

/** A circular layout: actors of one connected group sit next to each other (breadth-first
 *  from the busiest actor), the largest groups first. */
function circleOrder(nodes, edges) {
  const adj = new Map(nodes.map((nd) => [nd.id, []]));
  for (const e of edges) {
    if (adj.has(e.source) && adj.has(e.target)) { adj.get(e.source).push(e.target); adj.get(e.target).push(e.source); }
  }
  const events = new Map(nodes.map((nd) => [nd.id, nd.events]));
  const byWeight = (a, b) => events.get(b) - events.get(a) || (a < b ? -1 : 1);
  const seen = new Set(), groups = [];
  for (const start of nodes.map((nd) => nd.id).sort(byWeight)) {
    if (seen.has(start)) continue;
    const group = [], queue = [start];
    seen.add(start);
    while (queue.length) {
      const id = queue.shift();
      group.push(id);
      for (const nb of adj.get(id).slice().sort(byWeight)) if (!seen.has(nb)) { seen.add(nb); queue.push(nb); }
    }
    groups.push(group);
  }
  groups.sort((a, b) => b.length - a.length);
  return groups.flat();
}

function drawNetwork(box, v, params) {
  const { nodes, edges } = v;
  if (!nodes.length) { box.replaceChildren(h('p', { class: 'empty' }, 'No actor pairs in this range.')); return; }
  // The circle grows with the number of actors so that labels keep apart.
  const R = Math.max(230, (nodes.length * 15) / (2 * Math.PI)), W = Math.max(960, 2 * R + 240), H = 2 * R + 150, CX = W / 2, CY = H / 2;
  const rMax = Math.max(5, Math.min(20, ((2 * Math.PI * R) / nodes.length) * 0.45));
  const order = circleOrder(nodes, edges);
  const angle = new Map(order.map((id, i) => [id, -Math.PI / 2 + (2 * Math.PI * i) / order.length]));
  const pos = nodes.map((nd) => ({ x: CX + R * Math.cos(angle.get(nd.id)), y: CY + R * Math.sin(angle.get(nd.id)) }));
  const at = new Map(nodes.map((nd, i) => [nd.id, pos[i]]));
  const maxCount = Math.max(...edges.map((e) => e.count));
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': `Actor network: ${nodes.length} actors, ${edges.length} edges` });
  const gEdges = s('g', { class: 'edges' });
  for (const e of edges) {
    const a = at.get(e.source), b = at.get(e.target);
    if (!a || !b) continue;
    // Chords bend towards the centre; A→B and B→A are drawn apart.
    const mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2, dx = b.x - a.x, dy = b.y - a.y, d = Math.max(1, Math.hypot(dx, dy));
    const cx = mx + (CX - mx) * 0.45 - (dy / d) * 14, cy = my + (CY - my) * 0.45 + (dx / d) * 14;
    const width = 1 + 5 * Math.sqrt(e.count / maxCount);
    const path = s('path', { class: 'edge', d: `M${a.x.toFixed(1)},${a.y.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${b.x.toFixed(1)},${b.y.toFixed(1)}`,
      stroke: goldsteinColour(e.mean_goldstein), 'stroke-width': width.toFixed(2), 'stroke-opacity': 0.75, 'data-source': e.source, 'data-target': e.target },
      svgTitle(`${e.source} → ${e.target}: ${e.count} events (${e.cooperation} cooperation, ${e.conflict} conflict), mean Goldstein ${e.mean_goldstein}`));
    path.addEventListener('click', () => go(`#/events${query({ source: e.source, target: e.target, from: params.from, to: params.to })}`));
    // An arrow tip near the target.
    const t = 0.85, px = (1 - t) * (1 - t) * a.x + 2 * (1 - t) * t * cx + t * t * b.x, py = (1 - t) * (1 - t) * a.y + 2 * (1 - t) * t * cy + t * t * b.y;
    const ang = Math.atan2(b.y - cy, b.x - cx);
    const tip = s('path', { d: `M${px + 7 * Math.cos(ang)},${py + 7 * Math.sin(ang)} L${px + 5 * Math.cos(ang + 2.5)},${py + 5 * Math.sin(ang + 2.5)} L${px + 5 * Math.cos(ang - 2.5)},${py + 5 * Math.sin(ang - 2.5)} Z`,
      fill: goldsteinColour(e.mean_goldstein) });
    gEdges.append(path, tip);
  }
  const gNodes = s('g', { class: 'nodes' });
  const maxEv = Math.max(...nodes.map((nd) => nd.events));
  nodes.forEach((nd, i) => {
    const p = pos[i];
    const r = Math.min(4, rMax) + (rMax - Math.min(4, rMax)) * Math.sqrt(nd.events / maxEv);
    const g = s('g', { class: 'node', 'data-actor': nd.id, tabindex: 0, role: 'link', 'aria-label': `${nd.id}: ${nd.events} events`, transform: `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})` },
      s('circle', { r: r.toFixed(1), fill: goldsteinColour(nd.mean_goldstein), stroke: '#333', 'stroke-width': 1 }),
      s('text', { x: (Math.cos(angle.get(nd.id)) * (r + 6)).toFixed(1), y: (Math.sin(angle.get(nd.id)) * (r + 6) + 4).toFixed(1),
        'text-anchor': Math.abs(Math.cos(angle.get(nd.id))) < 0.3 ? 'middle' : Math.cos(angle.get(nd.id)) > 0 ? 'start' : 'end' }, nd.id),
      svgTitle(`${nd.id}: ${nd.events} events, mean Goldstein ${nd.mean_goldstein}`));
    const open = () => go(`#/timeline${query({ actor: nd.id, from: params.from, to: params.to })}`);
    g.addEventListener('click', open);
    g.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(); } });
    gNodes.append(g);
  });
  svg.append(gEdges, gNodes);
  box.replaceChildren(svg);
}

function marked(snippet) {
  // Snippets come with private-use markers around matches: text nodes and <mark>, no HTML.
  const out = [];
  const re = new RegExp(`${MARK_A}([^${MARK_B}]*)${MARK_B}`, 'g');
  let last = 0, m;
  while ((m = re.exec(snippet))) {
    out.push(snippet.slice(last, m.index), h('mark', { class: 'hit' }, m[1]));
    last = re.lastIndex;
  }
  out.push(snippet.slice(last).replace(new RegExp(`[${MARK_A}${MARK_B}]`, 'g'), ''));
  return out;
}

async function loadQuotes(params) {
  fillForm($('#quotes-form'), params);
  const v = await api(`/api/quotes${query({ ...params, limit: PAGE })}`);
  const list = $('#quotes-list');
  list.replaceChildren(...v.items.map((q) => h('li', {},
    h('blockquote', {}, '“', q.text, '”'),
    h('div', { class: 'meta' }, h('span', { class: 'badge' }, q.kind), '— ', h('b', {}, q.speaker_name || q.speaker_text || 'unknown speaker'),
      q.speaker_name && q.speaker_text && q.speaker_text !== q.speaker_name ? ` (“${q.speaker_text}”)` : '', q.cue ? `, ${q.cue}` : '',
      ` · ${q.date || 'undated'} · `, docLink(q, { q: q.index })))));
  if (!v.items.length) list.append(h('li', { class: 'empty' }, 'No quotes match.'));
  pager('quotes', params, v.count);
}

async function loadSearch(params) {
  fillForm($('#search-form'), params);
  const list = $('#search-list');
  if (!params.q) { list.replaceChildren(); $('.pager[data-for="search"]').replaceChildren(); return; }
  const v = await api(`/api/search${query({ ...params, limit: PAGE, mark_start: MARK_A, mark_end: MARK_B })}`);
  list.replaceChildren(...v.items.map((hit) => h('li', {},
    h('div', {}, h('span', { class: 'badge' }, hit.kind), docLink(hit, hit.kind === 'quote' ? { q: hit.quote_index } : { find: params.q }),
      h('span', { class: 'meta' }, ` · ${hit.date || 'undated'}${hit.speaker ? ' · ' + hit.speaker : ''}`)),
    h('div', {}, marked(hit.snippet)))));
  if (!v.items.length) list.append(h('li', { class: 'empty' }, 'Nothing found.'));
  pager('search', params, v.count);
}

async function loadDocuments(params) {
  fillForm($('#documents-form'), params);
  const v = await api(`/api/documents${query({ ...params, limit: PAGE })}`);
  $('#documents-table tbody').replaceChildren(...v.items.map((d) => h('tr', {},
    h('td', {}, d.date || '—'), h('td', {}, h('a', { href: docHash(d.id) }, d.title || d.id)), h('td', { class: 'code' }, d.id),
    h('td', { class: 'num' }, d.entities), h('td', { class: 'num' }, d.quotes), h('td', { class: 'num' }, d.events))));
  pager('documents', params, v.count, params.from || params.to ? undefined : v.total_in_store);
}

// ---------------------------------------------------------------------------------------------
// Start

function formRoute(id, view) {
  $(id).addEventListener('submit', (e) => {
    e.preventDefault();
    go(`#/${view}${query(formParams(e.target))}`);
  });
}

function init() {
  const plover = $('#events-form select[name=plover]');
  for (const p of PLOVER.slice().sort()) plover.append(h('option', {}, p));
  for (const tab of $$('.tabs button')) {
    tab.addEventListener('click', () => go(lastHash[tab.dataset.view] || `#/${tab.dataset.view}`));
    tab.addEventListener('keydown', (e) => {
      const tabs = $$('.tabs button'), i = tabs.indexOf(tab);
      let j = null;
      if (e.key === 'ArrowRight') j = (i + 1) % tabs.length;
      if (e.key === 'ArrowLeft') j = (i + tabs.length - 1) % tabs.length;
      if (j !== null) { e.preventDefault(); tabs[j].focus(); tabs[j].click(); }
    });
  }
  $('#analyze-form').addEventListener('submit', analyzeSubmit);
  $('#f-text').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); $('#analyze-form').requestSubmit(); }
  });
  $('#open-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const id = $('#f-docid').value.trim();
    if (id) go(docHash(id));
  });
  formRoute('#events-form', 'events');
  formRoute('#timeline-form', 'timeline');
  formRoute('#network-form', 'network');
  formRoute('#quotes-form', 'quotes');
  formRoute('#search-form', 'search');
  formRoute('#documents-form', 'documents');
  $('#events-form').addEventListener('reset', () => setTimeout(() => go('#/events'), 0));
  window.addEventListener('hashchange', route);
  route();
  api('/api/stats').then((st) => {
    $('#stats').textContent = `${st.documents} documents · ${st.entities} entities · ${st.quotes} quotes · ${st.events} events`;
  }).catch(() => {});
  api('/api/documents?limit=500').then((v) => {
    $('#doc-ids').replaceChildren(...v.items.map((d) => h('option', { value: d.id }, d.title || '')));
  }).catch(() => {});
  document.body.dataset.ready = 'true';
}

document.addEventListener('DOMContentLoaded', init);
