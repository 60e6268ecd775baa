import { describe, expect, test } from 'vitest';
import { openPglite, type Database } from '../../bot/storage/database';
import { migrate } from '../../bot/storage/migrate';
import { converse, play, type Row } from './harness';

/** Tuesday 24 November 2026 in Aarhus. Pladsanvisningen: Mon, Tue, Thu 9–11 and Thu 16–17.15. */
const TUE_10 = '2026-11-24T10:00:00+01:00';
const TUE_13 = '2026-11-24T13:00:00+01:00';
const SAT_12 = '2026-11-28T12:00:00+01:00';

describe('the answer names the unit, the number, whether it is open and the source', () => {
  test.each<[string, string, readonly RegExp[]]>([
    ['Danish, open now', 'Hvornår har Pladsanvisningen telefontid?', [/\*\*Pladsanvisningen\*\*/, /Ring \*\*89 40 20 00\*\*/, /Åbent nu – lukker kl\. 11\.00/, /Kilde: .*senest kontrolleret/]],
    ['English, open now', 'When can I call the childcare placement office?', [/Childcare Placement Office/, /Open now – closes at 11 am/, /Source: .*last verified/]],
    ['Digital Hotline with its own number', 'Hvad er nummeret til Den Digitale Hotline?', [/70 20 00 00/]],
    ['other ways in', 'Hvordan skriver jeg mit barn op til vuggestue?', [/Digital post/]],
  ])('%s', async (_name, question, patterns) => {
    const c = await converse(TUE_10);
    await play(c, [[question, patterns]]);
  });

  test('the week\'s phone hours on request, with the closed days', async () => {
    const c = await converse(TUE_10);
    await play(c, [['Hvad er Pladsanvisningens telefontider i denne uge?', [/Telefontider denne uge/, /[Oo]nsdag: lukket/, /[Tt]orsdag: 9\.00–11\.00, 16\.00–17\.15/]]]);
  });

  test('a time the citizen asks about gets a yes or no with that day\'s hours', async () => {
    const c = await converse(TUE_10);
    await play(c, [
      ['kan jeg ringe til pladsanvisningen torsdag kl. 16.30?', [/\*\*Ja, torsdag kl\. 16\.30 har de åbent/, /kl\. 16\.00–17\.15/]],
      ['kan jeg ringe til pladsanvisningen onsdag kl. 10?', [/\*\*Nej/]],
    ]);
  });
});

describe('follow-ups keep the context', () => {
  test.each<[string, readonly Row[]]>([
    ['Danish', [
      ['Hvornår har Pladsanvisningen telefontid?', /Pladsanvisningen/],
      ['hvad er deres mail?', /Pladsanvisningen/],
      ['hvornår åbner de i morgen?', [/Pladsanvisningen/, /\*\*Nej/]],
    ]],
    ['English', [
      ['When is the Digital Hotline open?', /Digital Hotline/i],
      ['what about Sunday?', [/Digital Hotline/i, /\*\*Yes/, /4 pm–8 pm/]],
    ]],
  ])('%s', async (_name, rows) => {
    const c = await converse(TUE_10);
    await play(c, rows);
  });
});

describe('emergencies come first', () => {
  test.each([
    ['Min nabo er faldet om og trækker ikke vejret', /^\*\*Er der fare for liv eller sikkerhed, så ring 112 nu\.\*\*/],
    ['I am going to hurt myself tonight', /^\*\*If there is danger to life or safety, call 112 now\.\*\*/],
  ])('"%s" leads with 112', async (question, pattern) => {
    const c = await converse(TUE_10);
    const reply = await c.say(question);
    expect(reply).toMatch(pattern);
  });

  test('after the always-open lines: where the question goes if it is not urgent after all', async () => {
    const c = await converse(TUE_10);
    const reply = await c.say('min mor er faldet og kan ikke rejse sig, hun får hjemmehjælp');
    expect(reply).toMatch(/^\*\*Er der fare for liv eller sikkerhed, så ring 112 nu\.\*\*/);
    const otherwise = reply.indexOf('Haster det ikke, så kontakt **Sundhed og Omsorg');
    expect(otherwise).toBeGreaterThan(reply.indexOf('112'));
  });

  test('a child in danger also gets Børn og ungevagten, which is always open', async () => {
    const c = await converse(SAT_12);
    const reply = await c.say('jeg er bange for at min nabos barn bliver slået');
    expect(reply).toMatch(/112/);
    expect(reply).toMatch(/Børn og [Uu]ngevagten/);
  });
});

describe('when triage is unsure or the question is not ours', () => {
  test('outside the municipality: says so and gives the main number with its hours', async () => {
    const c = await converse(TUE_10);
    await play(c, [['hvad bliver vejret i weekenden?', [/uden for/, /89 40 20 00/, /Åbent nu/]]]);
  });

  test('English out of scope answers in English', async () => {
    const c = await converse(TUE_10);
    await play(c, [['who won the football match yesterday?', [/outside/, /89 40 20 00/]]]);
  });
});

describe('global commands work at any point', () => {
  test.each<[string, readonly Row[]]>([
    ['help', [['hjælp', /Skriv dit spørgsmål/], ['help', /Skriv dit spørgsmål/]]],
    ['language', [['English', /continue in English/], ['When is Borgerservice open?', /Open now/], ['dansk', /fortsætter på dansk/], ['Hvornår har Borgerservice åbent?', /Åbent nu/]]],
    ['cancel with nothing to cancel', [['annuller', /ikke noget at annullere/]]],
    ['restart', [['Hvornår har Pladsanvisningen telefontid?', /Pladsanvisningen/], ['start forfra', /starter forfra/], ['hvad er deres mail?', /(Hvem tænker du på|ikke sikker)/]]],
  ])('%s', async (_name, rows) => {
    const c = await converse(TUE_10);
    await play(c, rows);
  });
});

describe('a closed line offers a callback, and it can be booked and cancelled', () => {
  test('Danish: book to the end, then cancel by reference', async () => {
    const c = await converse(TUE_13);
    await play(c, [
      ['Jeg vil gerne tale med Pladsanvisningen', [/Lukket nu – åbner torsdag kl\. 9\.00/, /ringer dig op/]],
      ['ja', [/opringning fra \*\*Pladsanvisningen\*\*/, /telefonnummer/]],
      ['123', /8 cifre/],
      ['+45 21 43 65 87', /navn/],
      ['spring over', /Hvornår passer det dig/],
      ['1', /gemmer dit telefonnummer.*slettes senest 30 dage/s],
    ]);
    const confirmation = await c.say('ja');
    const ref = /reference er \*\*([A-Z0-9]{6})\*\*/.exec(confirmation)?.[1];
    expect(ref).toBeDefined();
    await play(c, [
      [`aflys ${ref}`, /telefonnummer/],
      ['21436587', /er aflyst/],
    ]);
  });

  test('English: "call me back" books on request', async () => {
    const c = await converse(TUE_13);
    await play(c, [
      ['Can the childcare placement office call me back?', /call-back from \*\*Childcare Placement Office\*\*/],
      ['0045 87654321', /name/],
      ['skip', /When would you like them to call/],
      ['2', /We store your phone number/],
      ['yes', /Your reference is \*\*[A-Z0-9]{6}\*\*/],
    ]);
  });

  test('"ring mig op" with no unit named books a call-back on the main number', async () => {
    const c = await converse(TUE_13);
    await play(c, [['ring mig op', [/opringning fra \*\*Aarhus Kommune\*\*/, /telefonnummer/]]]);
  });

  test('a call-back asked for at a time offers slots from that time', async () => {
    const c = await converse('2026-11-23T17:00:00+01:00');
    await play(c, [
      ['kan Borgerservice ringe mig op i morgen kl. 14?', /opringning fra \*\*Borgerservice\*\*/],
      ['21 43 65 87', /navn/],
    ]);
    await c.say('spring over');
    const titles = (c.last.at(-1)?.suggestedActions?.actions ?? []).map((a) => a.title);
    expect(titles[0]).toBe('1. I morgen kl. 14.00–14.15');
  });

  test('declining the offer books nothing', async () => {
    const c = await converse(TUE_13);
    await play(c, [
      ['Jeg vil gerne tale med Pladsanvisningen', /ringer dig op/],
      ['nej tak', /hjælpe med andet/],
    ]);
    const list = await c.deps.callbacks.list({ unit: 'pladsanvisning' });
    expect(list.ok && list.bookings).toEqual([]);
  });

  test('the database failing at the moment of booking: told plainly, with what to do instead, and nothing claimed', async () => {
    const real = await openPglite('memory://');
    await migrate(real);
    // Reads work (slots are offered), the booking transaction fails: the database went away.
    const failing: Database = { kind: real.kind, query: (sql, params) => real.query(sql, params), exec: (sql) => real.exec(sql), transaction: async () => Promise.reject(new Error('connection lost')), close: () => real.close() };
    const c = await converse(TUE_13, { db: failing });
    await play(c, [
      ['Jeg vil gerne tale med Pladsanvisningen', /ringer dig op/],
      ['ja', /telefonnummer/],
      ['21 43 65 87', /navn/],
      ['spring over', /Hvornår passer det dig/],
      ['1', /gemmer dit telefonnummer/],
    ]);
    const reply = await c.say('ja');
    expect(reply).toMatch(/kunne desværre ikke bestille opringningen lige nu, så den er ikke registreret/);
    expect(reply).toMatch(/89 40 20 00/);
    expect(reply).not.toMatch(/reference/);
    expect((await real.query('SELECT count(*)::int AS n FROM callbacks')).rows[0]).toEqual({ n: 0 });
  });
});
