import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type RunningApp } from '../../helpers/start-app';

/** Debian's chromium; `.ci/run` installs it when it is missing. */
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = 'test-artifacts';
/** Tuesday 24 November 2026, 10:00: Pladsanvisningen's phone line is open (Tue 9–11). */
const TUESDAY_MORNING = '2026-11-24T10:00:00+01:00';
/** Tuesday 24 November 2026, 13:00: closed until Thursday 9:00, so a callback is offered. */
const TUESDAY_AFTERNOON = '2026-11-24T13:00:00+01:00';
const QUESTION = 'Hvornår har Pladsanvisningen telefontid?';
const BROWSER_TIMEOUT = 90_000;

const AXE_SOURCE = readFileSync(join(createRequire(import.meta.url).resolve('axe-core'), '..', 'axe.min.js'), 'utf8');

let browser: Browser;
let running: RunningApp | undefined;
let context: BrowserContext | undefined;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does it)`);
  mkdirSync(ARTIFACTS, { recursive: true });
  // launch() gives every run a fresh temporary profile.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
  await running?.close();
  running = undefined;
});

/** What went wrong in the page: console errors (CSP violations among them) and requests to other hosts. */
interface Watch {
  readonly problems: string[];
  /** Paths of the WebSockets the page opened. */
  readonly sockets: string[];
}

async function openPage(now: string, query = '', env: Record<string, string> = {}, welcome = true): Promise<{ page: Page; watch: Watch }> {
  running = await startApp({ now, env });
  context = await browser.newContext({ viewport: { width: 1024, height: 900 }, locale: 'da-DK' });
  const page = await context.newPage();
  const origin = new URL(running.url).origin;
  const watch: Watch = { problems: [], sockets: [] };
  page.on('websocket', (ws) => watch.sockets.push(new URL(ws.url()).pathname));
  page.on('console', (m) => {
    if (m.type() === 'error') watch.problems.push(`console: ${m.text().slice(0, 300)}`);
  });
  page.on('pageerror', (e) => watch.problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin && url.origin !== origin.replace('http:', 'ws:')) watch.problems.push(`request to ${r.url()}`);
  });
  await page.goto(`${running.url}/${query}`);
  if (welcome) await page.getByText('Hej! Jeg er Aarhus Kommunes digitale indgang').first().waitFor();
  return { page, watch };
}

function sendBox(page: Page) {
  return page.locator('input.webchat__send-box-text-box__input');
}

/** Types into Web Chat's send box and sends with Enter, as a keyboard user does. */
async function say(page: Page, text: string): Promise<void> {
  await sendBox(page).focus();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** From the send box, Shift+Tab reaches the suggested actions; arrows move between them; Enter picks one. */
async function pickSuggestedAction(page: Page, label: RegExp): Promise<void> {
  const buttons = page.locator('.webchat__suggested-actions button');
  await buttons.first().waitFor();
  const labels = await buttons.allInnerTexts();
  const index = labels.findIndex((l) => label.test(l));
  expect(index, `${label} among ${labels.join(' | ')}`).toBeGreaterThanOrEqual(0);
  await sendBox(page).focus();
  await page.keyboard.press('Shift+Tab');
  for (let i = 0; i < index; i += 1) await page.keyboard.press('ArrowDown');
  expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(label);
  await page.keyboard.press('Enter');
}

async function waitForText(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.webchat__basic-transcript').getByText(text).last().waitFor({ timeout: 15_000 });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core run in the page; evaluated through the DevTools protocol, so the page's CSP stays strict. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the web chat in Chromium', () => {
  test(
    'answers a question with the municipality card: unit, tel: link, open-now badge in words, other ways, source',
    async () => {
      const { page, watch } = await openPage(TUESDAY_MORNING);
      await say(page, QUESTION);
      const card = page.locator('article.fd-card').last();
      await card.waitFor();
      expect(await card.locator('h3').innerText()).toBe('Pladsanvisningen');
      expect(await card.locator('a.fd-phone').getAttribute('href')).toBe('tel:+4589402000');
      expect(await card.locator('a.fd-phone').innerText()).toBe('Ring 89 40 20 00');
      expect(await card.locator('.fd-badge').innerText()).toMatch(/Åbent nu/);
      expect(await card.locator('.fd-badge--open').count()).toBe(1);
      expect(await card.locator('.fd-card__next').innerText()).toBe('lukker kl. 11.00');
      expect(await card.locator('.fd-card__ways').innerText()).toMatch(/Digital post/);
      expect(await card.locator('.fd-card__source').innerText()).toMatch(/^Kilde: .*senest kontrolleret/);
      // The citizen's own message was echoed back and marked as sent.
      await waitForText(page, QUESTION);
      await page.screenshot({ path: join(ARTIFACTS, 'webchat-answer.png'), fullPage: true });
      // The replies came over Direct Line's WebSocket stream.
      expect(watch.sockets).toEqual([expect.stringMatching(/^\/v3\/directline\/conversations\/[\w-]+\/stream$/)]);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  test(
    'books a callback on a closed afternoon by keyboard to the reference (polling instead of the WebSocket)',
    async () => {
      const { page, watch } = await openPage(TUESDAY_AFTERNOON, '?ws=0');
      await say(page, QUESTION);
      const card = page.locator('article.fd-card').last();
      await card.waitFor();
      expect(await card.locator('.fd-badge--closed').innerText()).toMatch(/Lukket nu/);
      expect(await card.locator('.fd-card__next').innerText()).toBe('åbner torsdag kl. 9.00');
      await page.screenshot({ path: join(ARTIFACTS, 'webchat-closed.png'), fullPage: true });

      await pickSuggestedAction(page, /Ja, ring mig op/);
      await waitForText(page, /Hvilket telefonnummer/);
      // 12 34 56 78 is not a Danish subscriber number (they never start with 1): the bot asks again.
      await say(page, '12 34 56 78');
      await waitForText(page, /Telefonnummeret skal være et dansk nummer med 8 cifre/);
      await say(page, '21 43 65 87');
      await waitForText(page, /Hvad er dit navn\?/);
      await say(page, 'spring over');
      await waitForText(page, /Hvornår passer det dig/);
      await pickSuggestedAction(page, /Torsdag kl\. 9\.00–9\.15/);
      await waitForText(page, /Er det i orden\?/);
      await pickSuggestedAction(page, /Ja, det er i orden/);
      await waitForText(page, /Din reference er/);

      const transcript = await page.locator('.webchat__basic-transcript').innerText();
      const reference = /Din reference er ([A-Z0-9]{4,8})/.exec(transcript)?.[1];
      expect(reference).toBeDefined();
      await page.screenshot({ path: join(ARTIFACTS, 'webchat-callback-reference.png'), fullPage: true });
      const booking = await running!.app.deps.callbacks.find(reference ?? '');
      expect(booking.ok && { unit: booking.booking.unit, phone: booking.booking.phone, name: booking.booking.name }).toEqual({
        unit: 'pladsanvisning',
        phone: '+4521436587',
        name: null,
      });
      expect(booking.ok && booking.booking.slotStart.toISO()).toBe('2026-11-26T09:00:00.000+01:00');
      expect(watch.sockets).toEqual([]);
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  test(
    'has no serious or critical axe-core violations, before and after an answer card',
    async () => {
      const { page, watch } = await openPage(TUESDAY_AFTERNOON);
      expect(await seriousViolations(page)).toEqual([]);
      await say(page, QUESTION);
      await page.locator('article.fd-card').last().waitFor();
      await page.locator('.webchat__suggested-actions button').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, 'webchat-axe.png'), fullPage: true });
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  test(
    'starts keyboard use at a visible skip link that lands in the send box',
    async () => {
      const { page } = await openPage(TUESDAY_MORNING);
      await page.keyboard.press('Tab');
      const skip = page.locator('a.fd-skip');
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('fd-skip');
      const box = await skip.boundingBox();
      expect(box && box.y >= 0 && box.height > 0).toBe(true);
      const focusRing = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
      expect(focusRing).toBe('solid');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe('webchat-sendbox-input');
      await page.screenshot({ path: join(ARTIFACTS, 'webchat-skip-link.png') });
    },
    BROWSER_TIMEOUT,
  );

  test(
    'switches to English: the page, its lang attribute, the bot and the card',
    async () => {
      const { page, watch } = await openPage(TUESDAY_MORNING);
      const switcher = page.locator('#fd-lang');
      expect(await switcher.getAttribute('lang')).toBe('en');
      await switcher.focus();
      await page.keyboard.press('Enter');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.locator('h1').innerText()).toBe('Who should I contact?');
      expect(await switcher.innerText()).toBe('Dansk');
      expect(await switcher.getAttribute('lang')).toBe('da');
      expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
      await waitForText(page, 'OK, we continue in English.');
      await say(page, 'When is Pladsanvisningen open by phone?');
      const card = page.locator('article.fd-card').last();
      await card.waitFor();
      expect(await card.getAttribute('lang')).toBe('en');
      expect(await card.locator('.fd-badge').innerText()).toMatch(/Open now/);
      expect(await card.locator('a.fd-phone').innerText()).toBe('Call 89 40 20 00');
      await page.screenshot({ path: join(ARTIFACTS, 'webchat-english.png'), fullPage: true });
      // The choice stays in the address: a reload opens the page in English and asks the bot for English.
      await page.reload();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.locator('h1').innerText()).toBe('Who should I contact?');
      await waitForText(page, 'OK, we continue in English.');
      expect(watch.problems).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  test(
    'says plainly that the chat cannot start, with the phone number, when tokens need DIRECT_LINE_SECRET',
    async () => {
      const { page, watch } = await openPage(TUESDAY_MORNING, '', { DIRECT_LINE_SECRET: 'only-for-the-backend' }, false);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.innerText()).toMatch(/Chatten kunne ikke starte.*89 40 20 00/);
      // The refused token request is the only error the page saw.
      expect(watch.problems).toEqual([expect.stringMatching(/401/)]);
    },
    BROWSER_TIMEOUT,
  );
});
