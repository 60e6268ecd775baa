import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { menuParts, phoneNumberParts, speechParts } from '../../dialogs/render/speech-text';
import { plainSpeech } from '../../dialogs/render/speech-parts';
import { spokenClock, speakTimes } from '../../dialogs/render/speech-time';
import { renderVoice, toSsml, voiceHintOf } from '../../dialogs/render/voice';
import type { Reply } from '../../dialogs/reply';
import { ZONE } from '../../knowledge/clock';
import { formatTime } from '../../knowledge/hours';
import { parseXml, spokenText } from '../helpers/xml';

describe('clock times read aloud', () => {
  test.each([
    [9, 0, 'klokken ni'],
    [17, 15, 'kvart over fem'],
    [16, 30, 'halv fem'],
    [8, 45, 'kvart i ni'],
    [9, 25, 'fem minutter i halv ti'],
    [9, 35, 'fem minutter over halv ti'],
    [10, 10, 'ti minutter over ti'],
    [15, 50, 'ti minutter i fire'],
    [13, 0, 'klokken et'],
    [12, 30, 'halv et'],
    [6, 30, 'halv syv om morgenen'],
    [19, 30, 'halv otte om aftenen'],
    [2, 0, 'klokken to om natten'],
    [0, 0, 'midnat'],
    [24, 0, 'midnat'],
  ])('in Danish %i.%i is "%s"', (hour, minute, words) => {
    expect(spokenClock(hour, minute, 'da')).toBe(words);
  });

  test.each([
    [9, 0, 'nine a.m.'],
    [16, 0, 'four p.m.'],
    [17, 15, 'a quarter past five'],
    [16, 30, 'half past four'],
    [8, 45, 'a quarter to nine'],
    [18, 30, 'half past six in the evening'],
    [9, 5, 'nine oh five a.m.'],
    [14, 20, 'two twenty p.m.'],
    [12, 0, 'noon'],
    [24, 0, 'midnight'],
  ])('in English %i:%i is "%s"', (hour, minute, words) => {
    expect(spokenClock(hour, minute, 'en')).toBe(words);
  });

  test.each([
    ['Åbent nu – lukker kl. 16.00', 'Åbent nu – lukker klokken fire'],
    ['Lukket nu – åbner torsdag kl. 9.30', 'Lukket nu – åbner torsdag halv ti'],
    ['Mandag: 9.00–11.00', 'Mandag: fra klokken ni til klokken elleve'],
    ['Den dag: kl. 9.00–kl. 11.00 og kl. 12.00–kl. 14.00', 'Den dag: fra klokken ni til klokken elleve og fra klokken tolv til klokken to'],
    ['Fredag: 19.00–24.00', 'Fredag: fra klokken syv om aftenen til midnat'],
    ['Lørdag: 18.00–22.00', 'Lørdag: fra klokken seks til klokken ti om aftenen'],
    ['I morgen kl. 9.00–9.15', 'I morgen fra klokken ni til kvart over ni'],
    ['Ja, torsdag kl 16 har de åbent.', 'Ja, torsdag klokken fire har de åbent.'],
    ['Det koster 1.500 kr. den 24.12.2026', 'Det koster 1.500 kr. den 24.12.2026'],
  ])('Danish sentence "%s" becomes "%s"', (written, said) => {
    expect(speakTimes(written, 'da')).toBe(said);
  });

  test.each([
    ['Open now – closes at 4 pm', 'Open now – closes at four p.m.'],
    ['Closed – opens Thursday at 9 am', 'Closed – opens Thursday at nine a.m.'],
    ['Monday: 9 am–4 pm', 'Monday: from nine a.m. to four p.m.'],
    ['closes at 5:15 pm', 'closes at a quarter past five'],
    ['Sunday: 6 pm–midnight', 'Sunday: from six p.m. to midnight'],
    ['opens at 12 noon', 'opens at noon'],
  ])('English sentence "%s" becomes "%s"', (written, said) => {
    expect(speakTimes(written, 'en')).toBe(said);
  });

  test('every minute of the day, as the hours engine writes it, is said in words without a digit left', () => {
    const midnight = DateTime.fromISO('2026-11-24T00:00:00', { zone: ZONE });
    for (let m = 0; m < 24 * 60; m++) {
      const t = midnight.plus({ minutes: m });
      for (const lang of ['da', 'en'] as const) {
        const said = speakTimes(`${lang === 'da' ? 'Lukker' : 'Closes at'} ${formatTime(t, lang)}.`, lang);
        expect(said, `${t.toFormat('HH:mm')} ${lang}`).not.toMatch(/\d/);
        expect(said).toContain(spokenClock(t.hour, t.minute, lang));
      }
    }
  });
});

describe('numbers and references read aloud', () => {
  test('a phone number is read digit by digit in pairs with pauses between the pairs', () => {
    const parts = phoneNumberParts('+45 89 40 20 00', 'da');
    expect(parts).toEqual([
      { kind: 'text', text: 'otte ni' },
      { kind: 'pause', ms: 300 },
      { kind: 'text', text: 'fire nul' },
      { kind: 'pause', ms: 300 },
      { kind: 'text', text: 'to nul' },
      { kind: 'pause', ms: 300 },
      { kind: 'text', text: 'nul nul' },
    ]);
    expect(plainSpeech(phoneNumberParts('89402000', 'en'))).toBe('eight nine four zero two zero zero zero');
  });

  test('a phone number inside a sentence becomes pairs, in SSML as breaks', () => {
    const ssml = toSsml({ lang: 'da', text: '', speak: 'Ring på 89 40 20 00.' });
    expect(ssml).toContain('Ring på <break time="300ms"/>otte ni<break time="300ms"/>fire nul<break time="300ms"/>to nul<break time="300ms"/>nul nul<break time="300ms"/>.');
  });

  test('a booking reference is spelled with the phonetic alphabet of the language', () => {
    expect(plainSpeech(speechParts('Din reference er KMR472.', 'da'))).toBe('Din reference er K som Karen, M som Marie, R som Rasmus, 4, 7, 2.');
    expect(plainSpeech(speechParts('Your reference is KMR-472.', 'en'))).toBe('Your reference is K as in Kilo, M as in Mike, R as in Romeo, 4, 7, 2.');
  });

  test('markdown and web addresses are not read out', () => {
    expect(plainSpeech(speechParts('**Borgerservice** – se [selvbetjening](https://www.aarhus.dk/borger/selvbetjening)\n- _Kilde_: https://www.aarhus.dk/x', 'da'))).toBe(
      'Borgerservice – se selvbetjening. Kilde: aarhus.dk',
    );
  });
});

const offer: Reply = {
  lang: 'da',
  text: 'Vil du have, at de ringer dig op?',
  speak: 'Vil du have, at de ringer dig op?',
  choices: [
    { value: 'yes', label: 'Ja, ring mig op' },
    { value: 'no', label: 'Nej tak' },
  ],
  expectsInput: true,
};

describe('SSML for a reply', () => {
  test('is Danish with the configured Danish voice, English with the English voice', () => {
    const voices = { voiceDa: 'da-DK-JeppeNeural', voiceEn: 'en-GB-RyanNeural' };
    const da = parseXml(toSsml(offer, voices)).documentElement!;
    expect(da.getAttribute('xml:lang')).toBe('da-DK');
    expect(da.getElementsByTagName('voice')[0]!.getAttribute('name')).toBe('da-DK-JeppeNeural');
    const en = parseXml(toSsml({ ...offer, lang: 'en' }, voices)).documentElement!;
    expect(en.getAttribute('xml:lang')).toBe('en-GB');
    expect(en.getElementsByTagName('voice')[0]!.getAttribute('name')).toBe('en-GB-RyanNeural');
  });

  test('reads the choices as a keypad menu and says how to hear it again', () => {
    const said = spokenText(toSsml(offer));
    expect(said).toContain('Tryk 1 for Ja, ring mig op. Tryk 2 for Nej tak. Tryk 0 for at høre valgene igen.');
    expect(plainSpeech(menuParts(['Citizen Services', 'Tomorrow 9 am–9:15 am'], 'en'))).toBe(
      'Press 1 for Citizen Services. Press 2 for Tomorrow from nine a.m. to a quarter past nine.',
    );
  });

  test('a prompt re-prompts after silence and then offers the way out', () => {
    const ssml = toSsml(offer, { voiceDa: 'v', voiceEn: 'w', noInputWayOut: () => 'Ring til hovednummeret 89 40 20 00.' });
    expect(ssml).toMatch(/<break time="5000ms"\/><break time="3000ms"\/>Jeg hørte ikke noget\. Vil du have/);
    const said = spokenText(ssml);
    expect(said.indexOf('Jeg hørte ikke noget')).toBeGreaterThan(said.indexOf('Tryk 2'));
    expect(said.endsWith('Ring til hovednummeret otte ni fire nul to nul nul nul.')).toBe(true);
  });

  test('a reply that only informs has no re-prompt', () => {
    expect(spokenText(toSsml({ lang: 'da', text: 'Tak.', speak: 'Tak.' }, { voiceDa: 'v', voiceEn: 'w', noInputWayOut: () => 'X' }))).toBe('Tak.');
  });

  test('a prompt for a phone number says how to key it in', () => {
    expect(spokenText(toSsml({ lang: 'da', text: 'Nummer?', speak: 'Hvilket nummer?', expectsInput: true, expects: 'digits' }))).toContain(
      'Sig nummeret, eller tast det og afslut med firkant.',
    );
  });

  test('parses as XML whatever the text holds', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string(), { maxLength: 4 }), fc.boolean(), fc.constantFrom('da' as const, 'en' as const), (speak, labels, expectsInput, lang) => {
        const reply: Reply = { lang, text: speak, speak, choices: labels.map((label, i) => ({ value: String(i), label })), expectsInput };
        parseXml(toSsml(reply, { voiceDa: 'a"b<c', voiceEn: "d'e&f", noInputWayOut: () => speak }));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the voice activity', () => {
  test('waits for input with expectingInput and says what it waits for', () => {
    const activity = renderVoice(offer);
    expect(activity.inputHint).toBe('expectingInput');
    expect(activity.locale).toBe('da-DK');
    expect(voiceHintOf(activity)).toEqual({ expects: 'choice', choices: 2 });
    expect(activity.text).toBe('Vil du have, at de ringer dig op?\n1. Ja, ring mig op\n2. Nej tak');
  });

  test('marks a prompt for a phone number as waiting for digits', () => {
    expect(voiceHintOf(renderVoice({ lang: 'da', text: 'x', speak: 'x', expectsInput: true, expects: 'digits' }))).toEqual({ expects: 'digits', choices: 0 });
  });

  test('informs with acceptingInput and no hint', () => {
    const activity = renderVoice({ lang: 'en', text: 'Thanks.', speak: 'Thanks.' });
    expect(activity.inputHint).toBe('acceptingInput');
    expect(voiceHintOf(activity)).toBeUndefined();
  });
});
