import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { UnitCard } from '../../../bot/agent';
import { startAgentApp, type AgentApp, type SignedIn } from './agent-app';

/** Thursday 3 December 2026, 8:00: Pladsanvisningen opens at 9 (9-11 and 16-17.15 on Thursdays). */
const BEFORE_OPENING = '2026-12-03T08:00:00+01:00';
const OPEN = '2026-12-03T10:00:00+01:00';

interface SearchResult {
  id: string;
  name: string;
  openNow: boolean | null;
  nextOpening: string | null;
  closesAt: string | null;
  phones: string[];
  score: number;
}
type SearchBody = { results: SearchResult[] };

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

let app: AgentApp;
let anna: SignedIn;

beforeAll(async () => {
  app = await startAgentApp({ now: BEFORE_OPENING, agents: ['anna'] });
  anna = await app.login('anna');
});
afterAll(() => app.close());

const search = (q: string) => app.get<SearchBody>(`/api/agent/search?q=${encodeURIComponent(q)}`, anna);

describe('GET /api/agent/search', () => {
  test('answers {"results":[…]} with exactly id, name, openNow, nextOpening, closesAt, phones and score, best first', async () => {
    const res = await search('parkering');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Object.keys(res.body)).toEqual(['results']);
    expect(res.body.results.length).toBeGreaterThan(1);
    for (const r of res.body.results) {
      expect(Object.keys(r).sort()).toEqual(['closesAt', 'id', 'name', 'nextOpening', 'openNow', 'phones', 'score']);
      expect(r.phones.length).toBeGreaterThan(0);
      for (const p of r.phones) expect(p).toMatch(/^\+45 \d{2} \d{2} \d{2} \d{2}$/);
      for (const t of [r.nextOpening, r.closesAt]) if (t !== null) expect(t).toMatch(ISO_WITH_OFFSET);
      expect(r.score).toBeGreaterThan(0);
      expect(r.score).toBeLessThanOrEqual(1);
    }
    const scores = res.body.results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(res.body.results[0]?.id).toBe('parkering');
  });

  test('"pladsanvisnign" (a typo) finds Pladsanvisningen first, closed, opening at 9 today, on the main number', async () => {
    const res = await search('pladsanvisnign');
    expect(res.body.results[0]).toEqual({
      id: 'pladsanvisning',
      name: 'Pladsanvisningen',
      openNow: false,
      nextOpening: '2026-12-03T09:00:00+01:00',
      closesAt: null,
      phones: ['+45 89 40 20 00'],
      score: expect.any(Number),
    });
  });

  test.each([
    ['borgerservcie', 'borgerservice'],
    ['folkeregistret', 'folkeregisteret'],
    ['opkrævnigen', 'opkraevningen'],
    ['bibliotket', 'biblioteker'],
    ['parkerng', 'parkering'],
    ['plejehejm', 'plejehjem'],
    ['koordinert korsel', 'koordineret-koersel'],
    ['PLADSANVISNIGN', 'pladsanvisning'],
    ['pladsanv', 'pladsanvisning'],
    ['AVA', 'affaldvarme'],
  ])('tolerates typos, missing æøå, capitals and half-typed words: "%s" finds %s first', async (q, id) => {
    expect((await search(q)).body.results[0]?.id).toBe(id);
  });

  test.each([
    ['min skraldespand er ikke blevet tømt', 'affaldvarme'],
    ['borgeren vil skrive sit barn op til vuggestue', 'pladsanvisning'],
    ['hvornår åbner pladsanvisningen', 'pladsanvisning'],
  ])('reads a whole question with triage: "%s" finds %s first', async (q, id) => {
    expect((await search(q)).body.results[0]?.id).toBe(id);
  });

  test('an always-open line is open now with no closing or next opening', async () => {
    const hit = (await search('miljøvagten')).body.results[0];
    expect(hit).toMatchObject({ id: 'miljoevagten', openNow: true, closesAt: null, nextOpening: null });
  });

  test('a unit whose hours are not known says openNow null rather than guess', async () => {
    const hit = (await search('udrykningsteamet')).body.results[0];
    expect(hit).toMatchObject({ id: 'udrykningsteamet', openNow: null, closesAt: null, nextOpening: null });
  });

  test.each(['', '   ', 'xyzzy qwrtp'])('"%s" finds nothing: {"results": []}', async (q) => {
    const res = await search(q);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ results: [] });
  });

  test('a very long search is cut, not refused', async () => {
    const res = await search(`pladsanvisningen ${'x'.repeat(5000)}`);
    expect(res.status).toBe(200);
    expect(res.body.results[0]?.id).toBe('pladsanvisning');
  });
});

describe('GET /api/agent/units/ID', () => {
  let card: UnitCard;
  beforeAll(async () => {
    card = (await app.get<UnitCard>('/api/agent/units/pladsanvisning', anna)).body;
  });

  test("holds this week's hours Monday to Sunday with today marked and today's two intervals", () => {
    expect(card.hours.week.map((d) => d.date)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(card.hours.week.filter((d) => d.today).map((d) => d.date)).toEqual(['2026-12-03']);
    const today = card.hours.week[3]!;
    expect(today.windows).toEqual([{ start: '09:00', end: '11:00' }, { start: '16:00', end: '17:15' }]);
    expect(today.text).toEqual({ da: 'Torsdag (i dag): 9.00–11.00, 16.00–17.15', en: 'Thursday (today): 9 am–11 am, 4 pm–5:15 pm' });
  });

  test('has the open-now badge data and the next opening', () => {
    expect(card).toMatchObject({ openNow: false, nextOpening: '2026-12-03T09:00:00+01:00', closesAt: null });
    expect(card.status.da).toBe('Lukket nu – åbner i dag kl. 9.00');
  });

  test('has notes for agents, the digital post way in and the callback policy', () => {
    expect(card.agentNotes.da.join(' ')).toMatch(/skjult nummer/);
    expect(card.digitalPost?.note.da).toMatch(/digital post/);
    expect(card.callbacks).toMatchObject({ offered: true, slotMinutes: 15 });
  });

  test('names the source of every fact, and shows the assumed phone route as assumed', () => {
    const phone = card.phones[0]!;
    expect(phone.number).toBe('+45 89 40 20 00');
    expect(phone.source).toMatchObject({ seed: '001_1292bd2007d0c0f5.txt', date: '2018-04-19', basis: 'assumed', assumed: true });
    expect(phone.source.title).toMatch(/skjulte kommunale telefonnumre/);
    expect(card.hours.source).toMatchObject({ basis: 'stated', assumed: false, quote: expect.stringMatching(/torsdag/) });
    expect(card.digitalPost?.source.assumed).toBe(false);
    expect(card.provenance.length).toBeGreaterThan(0);
  });

  test('says when the facts were last verified and that they are not stale', () => {
    expect(card).toMatchObject({ lastVerified: '2026-11-23', verifiedDaysAgo: 10, stale: false });
  });

  test('carries a ready answer in Danish and English in plain text', () => {
    expect(card.answer.da).toMatch(/^Pladsanvisningen – /);
    expect(card.answer.da).toContain('Ring 89 40 20 00');
    expect(card.answer.da).toContain('Lukket nu – åbner i dag kl. 9.00');
    expect(card.answer.en).toContain('Call 89 40 20 00');
    expect(card.answer.en).toContain('Closed – opens today at 9 am');
    for (const text of [card.answer.da, card.answer.en]) expect(text).not.toMatch(/\*\*|^_|_$/m);
  });

  test('a unit reached through another line names that line', async () => {
    const team = (await app.get<UnitCard>('/api/agent/units/boern-og-unge', anna)).body;
    expect(team.hours.sameAs?.id).toBeDefined();
    expect(team.hours.week).toHaveLength(7);
  });

  test('an unknown unit answers 404 unknown_unit', async () => {
    const res = await app.get('/api/agent/units/findes-ikke', anna);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: 'unknown_unit' });
  });
});

describe('while the line is open', () => {
  let open: AgentApp;
  let bob: SignedIn;
  beforeAll(async () => {
    open = await startAgentApp({ now: OPEN, agents: ['bob'] });
    bob = await open.login('bob');
  });
  afterAll(() => open.close());

  test('a result says open now and when it closes', async () => {
    const res = await open.get<SearchBody>('/api/agent/search?q=pladsanvisningen', bob);
    expect(res.body.results[0]).toMatchObject({ id: 'pladsanvisning', openNow: true, closesAt: '2026-12-03T11:00:00+01:00', nextOpening: null });
  });
});

describe('a year after the last check', () => {
  let later: AgentApp;
  let bob: SignedIn;
  beforeAll(async () => {
    later = await startAgentApp({ now: '2027-12-01T10:00:00+01:00', agents: ['bob'] });
    bob = await later.login('bob');
  });
  afterAll(() => later.close());

  test('the card flags the facts as stale', async () => {
    const card = (await later.get<UnitCard>('/api/agent/units/pladsanvisning', bob)).body;
    expect(card).toMatchObject({ lastVerified: '2026-11-23', stale: true });
    expect(card.verifiedDaysAgo).toBeGreaterThan(365);
  });
});
