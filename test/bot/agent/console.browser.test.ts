import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PASSWORD, startAgentApp, type AgentApp } from './agent-app';

/**
 * The console in real Chromium: sign in, search with a typo, read today's hours, claim and complete
 * a callback, sign out; axe-core on both pages. The knowledge base is the shipped one with markup
 * planted in an agent note, and a citizen's name carries markup too: both must show as text.
 */

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ARTIFACTS = join(ROOT, 'test-artifacts');
const NOW = '2026-12-03T08:00:00+01:00';
const PLANTED_NOTE = '<img src=x onerror="window.__xss=1">Ring aldrig efter kl. 17';
const PLANTED_NAME = '<b id="xss-name">Karen</b>';

let dir: string;
let app: AgentApp;
let browser: Browser;
let reference: string;
const cspViolations: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'frontdoor-agent-browser-'));
  cpSync(join(ROOT, 'knowledge/data'), dir, { recursive: true });
  const file = join(dir, 'units/pladsanvisning.yaml');
  const yaml = readFileSync(file, 'utf8').replace(/(agentNotes:\n {2}da:\n)/, `$1    - ${JSON.stringify(PLANTED_NOTE)}\n`);
  if (!yaml.includes('__xss')) throw new Error('could not plant the note');
  writeFileSync(file, yaml);
  app = await startAgentApp({ now: NOW, agents: ['anna'], env: { FRONTDOOR_KB_DIR: dir } });
  const booked = await app.app.deps.callbacks.book({ unit: 'pladsanvisning', phone: '23 45 67 89', slotStart: '2026-12-03T09:00:00+01:00', name: PLANTED_NAME, topic: 'Friplads' });
  if (!booked.ok) throw new Error(`booking failed: ${booked.reason}`);
  reference = booked.booking.reference;
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** axe-core's serious and critical violations on the page as it is now. */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through DevTools rather than as a <script> tag, which the page's CSP would refuse.
  await page.evaluate(readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }> } }).axe;
    return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact, count: v.nodes.length }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}, ${v.count})`);
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
  });
  return page;
}

describe('the agent console in Chromium', () => {
  test('a page without a session goes to the sign-in page, which has no serious accessibility violations', async () => {
    const page = await newPage();
    await page.goto(`${app.url}/agent`);
    expect(new URL(page.url()).pathname).toBe('/agent/login');
    await expect(page.getByLabel('Brugernavn').isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'agent-login.png') });
    await page.context().close();
  }, 60_000);

  test('sign in, find Pladsanvisningen from a typo with today marked, claim and complete a callback, sign out', async () => {
    const page = await newPage();
    await page.goto(`${app.url}/agent/login`);
    await page.getByLabel('Brugernavn').fill('anna');
    await page.getByLabel('Adgangskode').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.waitForURL(`${app.url}/agent`);
    await expect(page.locator('#agent-name').textContent()).resolves.toBe('anna');

    // Typed key by key: the results come while typing, without pressing Enter.
    const search = page.getByLabel(/Søg efter afdeling/);
    await expect(search.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const finalSearch = page.waitForResponse((r) => r.url().endsWith('/api/agent/search?q=pladsanvisnign'));
    await search.pressSequentially('pladsanvisnign', { delay: 20 });
    await finalSearch;
    await page.locator('#results-status').filter({ hasText: 'fundet' }).waitFor();
    const first = page.locator('#results button.result').first();
    await expect(first.textContent()).resolves.toMatch(/^Pladsanvisningen.*Lukket.*89 40 20 00/);

    // Keyboard only: arrow down to the first result, Enter opens the card.
    await search.press('ArrowDown');
    await page.keyboard.press('Enter');
    const card = page.locator('#card');
    await card.getByRole('heading', { name: 'Pladsanvisningen' }).waitFor();
    const today = card.locator('tr[aria-current="date"]');
    await expect(today.count()).resolves.toBe(1);
    await expect(today.textContent()).resolves.toBe('Torsdag (i dag): 9.00–11.00, 16.00–17.15');
    await expect(card.locator('.badge').first().textContent()).resolves.toBe('Lukket');
    await expect(card.textContent()).resolves.toContain('Næste åbning: 3/12 kl. 9.00');
    await expect(card.locator('.flag.assumed').count()).resolves.toBeGreaterThan(0);

    // Markup from the knowledge base shows as text and runs nothing.
    await expect(card.textContent()).resolves.toContain(PLANTED_NOTE);
    await expect(card.locator('img').count()).resolves.toBe(0);

    // The ready answer, copied with its button.
    const answer = card.locator('#answer-da');
    await expect(answer.inputValue()).resolves.toMatch(/^Pladsanvisningen – [\s\S]*Ring 89 40 20 00/);
    await card.getByRole('button', { name: 'Kopiér dansk svar' }).click();
    await card.getByText('Kopieret').first().waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(await answer.inputValue());

    // The queue: the citizen's name with markup is text, the number masked until claimed.
    const item = page.locator(`li.callback[data-reference="${reference}"]`);
    await item.waitFor();
    await expect(item.textContent()).resolves.toContain(`Navn: ${PLANTED_NAME}`);
    await expect(page.locator('#xss-name').count()).resolves.toBe(0);
    await expect(item.textContent()).resolves.toContain('+45 •• •• •• 89');
    await page.screenshot({ path: join(ARTIFACTS, 'agent-console.png'), fullPage: true });

    await item.getByRole('button', { name: `Tag opringning ${reference}` }).click();
    await item.locator('a.phone').waitFor();
    await expect(item.locator('a.phone').textContent()).resolves.toBe('+45 23 45 67 89');
    await expect(item.locator('a.phone').getAttribute('href')).resolves.toBe('tel:+4523456789');
    expect(await axeViolations(page)).toEqual([]);

    await item.getByLabel('Note (valgfri)').fill('Svaret om friplads');
    await item.getByRole('button', { name: 'Færdig' }).click();
    await expect(page.locator(`li.callback.done[data-reference="${reference}"] .state`).textContent()).resolves.toBe('Færdig');
    await expect(item.textContent()).resolves.toContain('Note: Svaret om friplads');
    await expect(item.locator('a.phone').count()).resolves.toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'agent-console-done.png'), fullPage: true });

    const audit = await app.app.db.query<{ action: string; reference: string | null }>('SELECT action, reference FROM audit_log ORDER BY id');
    expect(audit.rows.filter((r) => r.action === 'phone_shown').every((r) => r.reference === reference)).toBe(true);
    expect(audit.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['login', 'claim', 'phone_shown', 'complete']));

    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.waitForURL(`${app.url}/agent/login`);
    await page.goto(`${app.url}/agent`);
    expect(new URL(page.url()).pathname).toBe('/agent/login');

    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(cspViolations).toEqual([]);
    await page.context().close();
  }, 120_000);
});
