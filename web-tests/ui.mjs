// Real-browser test of the newsgraph web page (issue 7), run by crates/server/tests/browser.rs:
//   node web-tests/ui.mjs <base url> <screenshot path> [<article.txt> [<YYYY-MM-DD>]]
// (default: the seed article, ../shared/seed/000_1b385efb04788e90.txt, with its own date)
// Launches Debian's chromium through playwright-core, pastes the article, analyses it and
// checks the highlights, the time value, the event list and the event selection; then opens
// the network view and checks the actor nodes. Exits non-zero with a message on failure.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join, dirname, basename, extname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [url, shot, articleArg, dateArg] = process.argv.slice(2);
if (!url || !shot) {
  console.error('usage: node ui.mjs <base url> <screenshot.png> [<article.txt> [<YYYY-MM-DD>]]');
  process.exit(2);
}
const articleFile = articleArg || join(here, '../../shared/seed/000_1b385efb04788e90.txt');
// The dated-text form: `date YYYY-MM-DD` before the article.
let text = readFileSync(articleFile, 'utf8').trim();
let articleDate = dateArg;
const dated = /^date\s+(\d{4}-\d{2}-\d{2})\s+/.exec(text);
if (dated) {
  text = text.slice(dated[0].length);
  articleDate = articleDate || dated[1];
}
if (!articleDate) {
  console.error(`${articleFile} has no date: give one`);
  process.exit(2);
}
const failures = [];
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

// chromium.launch starts the browser with a fresh, temporary user-data dir.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
}).catch((e) => { console.error(`cannot launch chromium: ${e.message}`); process.exit(3); });

try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.setDefaultTimeout(60000);

  const t0 = Date.now();
  await page.goto(url + '/', { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="true"]');
  const loadMs = Date.now() - t0;
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    return n ? Math.round(n.loadEventEnd - n.startTime) : null;
  });
  console.log(`page load: ${loadMs} ms to ready (navigation timing: ${nav} ms)`);
  check(loadMs < 1000, `page loads in under a second (${loadMs} ms)`);

  // Read an article: paste the text and the date, analyse.
  await page.click('#tab-read');
  await page.fill('#f-date', articleDate);
  await page.fill('#f-text', text);
  const t1 = Date.now();
  await page.click('#analyze-btn');
  await page.waitForSelector('#article mark.ent');
  console.log(`analysis shown in ${Date.now() - t1} ms`);

  // Each mention is a <mark> with the entity's type and canonical name; the mention may be
  // longer than the name ("Russian President Vladimir Putin").
  const people = await page.$$eval('#article mark.ent[data-type="PERSON"]',
    (ms) => ms.map((m) => ({ name: m.dataset.name, text: m.textContent, shown: m.getBoundingClientRect().width > 0 })));
  const isPerson = (name, word) => people.some((p) => p.name === name && p.text.includes(word) && p.shown);
  check(isPerson('Vladimir Putin', 'Putin'), `Vladimir Putin highlighted as a person (people: ${JSON.stringify([...new Set(people.map((p) => p.name))])})`);
  check(isPerson('Kim Jong Un', 'Kim'), 'Kim Jong Un highlighted as a person');
  const putinTitle = await page.$eval('#article mark.ent[data-name="Vladimir Putin"]', (m) => m.title).catch(() => '');
  check(putinTitle.includes('PERSON'), `hover text names the type (${putinTitle})`);

  const wednesday = await page.$$eval('#article time.tm', (ts) => ts.filter((t) => t.textContent.includes('Wednesday'))
    .map((t) => ({ value: t.dataset.value, after: getComputedStyle(t, '::after').content })));
  check(wednesday.some((w) => w.value === '2023-09-13' && w.after.includes('2023-09-13')),
    `"Wednesday" shows 2023-09-13 (${JSON.stringify(wednesday)})`);

  const rows = await page.$$('#doc-events tbody tr[data-ev]');
  check(rows.length > 0, `event rows listed (${rows.length})`);
  if (rows.length) {
    const evId = await rows[0].getAttribute('data-ev');
    await rows[0].click();
    const sel = await page.$$eval('#article .sent.sel', (ss) => ss.map((s) => s.textContent).join(''));
    const trig = await page.$$eval(`#article .trig.sel[data-ev="${evId}"]`, (ts) => ts.map((t) => t.textContent).join(''));
    check(sel.length > 0, `clicking event ${evId} highlights its sentence ("${sel.slice(0, 80)}…")`);
    check(trig.length > 0 && sel.includes(trig), `…and its trigger "${trig}" inside the sentence`);
    const detail = await page.textContent('#event-detail');
    check(/Rule/.test(detail), 'the event detail shows the rule that fired');
    // Keyboard: the row's button works with Enter as well.
    if (rows.length > 1) {
      const ev2 = await rows[1].getAttribute('data-ev');
      await page.focus(`#doc-events tr[data-ev="${ev2}"] button`);
      await page.keyboard.press('Enter');
      check(await page.$(`#doc-events tr.sel[data-ev="${ev2}"]`) !== null, 'an event can be selected with the keyboard');
      await rows[0].click();
    }
  }
  await page.screenshot({ path: shot, fullPage: false });
  console.log(`screenshot: ${shot}`);

  // Network view: nodes for Russian and North Korean actors.
  await page.click('#tab-network');
  await page.waitForSelector('#network-chart svg g.node');
  const actors = await page.$$eval('#network-chart g.node', (gs) => gs.map((g) => g.dataset.actor));
  check(actors.some((a) => a.startsWith('RUS')), `a RUS node is drawn (${actors.length} nodes)`);
  check(actors.some((a) => a.startsWith('PRK')), 'a PRK node is drawn');
  const shot2 = join(dirname(shot), `${basename(shot, extname(shot))}-network${extname(shot)}`);
  await page.screenshot({ path: shot2 });
  console.log(`screenshot: ${shot2}`);

  // Corpus event table: a row links to its document with the sentence highlighted.
  await page.click('#tab-events');
  await page.fill('#events-form input[name=actor]', 'RUS');
  await page.press('#events-form input[name=actor]', 'Enter');
  await page.waitForSelector('#events-table tbody tr td a');
  await page.click('#events-table tbody tr td a');
  await page.waitForSelector('#article .sent.sel');
  check(true, 'an event row opens its document with the sentence highlighted');

  check(errors.length === 0, `no script errors (${errors.join(' | ')})`);
} catch (e) {
  failures.push(String(e && e.stack || e));
  console.error(e);
} finally {
  await browser.close();
}
if (failures.length) {
  console.error(`${failures.length} check(s) failed:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('all browser checks passed');
