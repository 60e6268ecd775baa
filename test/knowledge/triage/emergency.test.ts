import { describe, expect, test } from 'vitest';
import { detectEmergency } from '../../../knowledge/triage';
import { expand } from '../../../knowledge/triage/emergency-match';
import { EMERGENCIES, NOT_EMERGENCIES } from './emergency-cases';

describe('detectEmergency', () => {
  test.each(EMERGENCIES)('flags %j as an emergency of %j', (text, categories) => {
    const reading = detectEmergency(text);
    expect(reading.emergency).toBe(true);
    expect(reading.categories).toEqual(expect.arrayContaining([...categories]));
  });

  test.each(NOT_EMERGENCIES)('does not flag %j', (text) => {
    expect(detectEmergency(text)).toMatchObject({ emergency: false, categories: [] });
  });

  test.each([
    ['vil ikke leve mere', 'crisis'],
    ['jeg tænker på selvmort', 'crisis'],
    ['han trækker ik vejret', 'general'],
    ['traekker ikke vejret', 'general'],
    ['min kaereste slar mig', 'general'],
    ['lugter af gas', 'environment'],
  ])('tolerates typos and missing Danish letters: %j', (text, category) => {
    expect(detectEmergency(text).categories).toContain(category);
  });

  test('a crime told after the fact is paperwork, one happening again is not', () => {
    expect(detectEmergency('jeg blev overfaldet for to år siden og vil søge erstatning').emergency).toBe(false);
    expect(detectEmergency('han slog mig for to uger siden og nu truer han igen').emergency).toBe(true);
  });

  test('one sign of distress is not yet an emergency, two are', () => {
    expect(detectEmergency('jeg kan ikke mere med den sagsbehandling').emergency).toBe(false);
    expect(detectEmergency('jeg kan ikke mere, jeg ser ingen udvej').emergency).toBe(true);
  });

  test('"fire" is a danger word in English and the number four in Danish', () => {
    expect(detectEmergency('fire!', 'en').emergency).toBe(true);
    expect(detectEmergency('vi er fire i familien', 'da').emergency).toBe(false);
  });
  test('a group followed by ? may be left out', () => {
    expect(expand('(helt)? slap (nu|now)')).toEqual(['helt slap nu|now', 'slap nu|now']);
    expect(expand('(ligger stille|sover) (nu)?')).toEqual(['ligger stille nu', 'ligger stille', 'sover nu', 'sover']);
  });

  test('"nu" that starts the request after a past event does not make it happen now', () => {
    expect(detectEmergency('min far fik en blodprop sidste år, nu skal han have handicapbil').emergency).toBe(false);
    expect(detectEmergency('min eks slog mig sidste år og nu står han udenfor døren').emergency).toBe(true);
  });

  test('an idiom is reported when it hid words of the danger phrases, and only then', () => {
    expect(detectEmergency('det er ved at slå mig ihjel det her system').idiom).toBe(true);
    expect(detectEmergency('hvornår tømmes skraldespanden i Viby').idiom).toBe(false);
  });

  test('the writer saying it is not dangerous is read, and the lexicon still counts', () => {
    expect(detectEmergency('ikke akut, bare et spørgsmål om samtaletilbud').calm).toBe(true);
    expect(detectEmergency('det er nok ikke akut men min mand trækker ikke vejret').emergency).toBe(true);
  });
  test('hesitation sounds of the phone line do not break a phrase up', () => {
    expect(detectEmergency('han trækker øh øhm ikke vejret', 'da').emergency).toBe(true);
    expect(detectEmergency('et projekt om øh kulilteforgiftning', 'da').emergency).toBe(false);
  });
  test('a cry for help and nothing else is an emergency; help with an errand is not', () => {
    expect(detectEmergency('HJÆÆÆLP!!', 'da').emergency).toBe(true);
    expect(detectEmergency('help pls', 'en').emergency).toBe(true);
    expect(detectEmergency('hjælp til boligstøtte', 'da').emergency).toBe(false);
  });

  test('a crisis years ago, told by someone well today, is over; a farewell that says it is fine now is not', () => {
    expect(detectEmergency('jeg havde selvmordstanker for nogle år siden men har det godt i dag. kan jeg få en støttekontaktperson?', 'da').emergency).toBe(false);
    expect(detectEmergency('jeg havde selvmordstanker for nogle år siden', 'da').emergency).toBe(true);
    expect(detectEmergency('skal bare sige farvel til jer alle, har det fint nu, det hele er besluttet', 'da').emergency).toBe(true);
    expect(detectEmergency('jeg forsøgte selvmord for to år siden og havde det godt igen, men i aften vil jeg ikke leve længere', 'da').emergency).toBe(true);
  });

  test('a topic, a procedure or a question "if a child has..." is not a person in danger now', () => {
    expect(detectEmergency('if a child has a seizure at our nursery, are staff allowed to give the medicine?', 'en').emergency).toBe(false);
    expect(detectEmergency('our child has a seizure and it will not stop', 'en').emergency).toBe(true);
    expect(detectEmergency('Jeg er lærer, og vores 8. klasse skal have et forløb om voldtægt. Har I materiale?', 'da').emergency).toBe(false);
  });

  test('a seizure that has not stopped is an emergency, a febrile seizure alone is one sign', () => {
    expect(detectEmergency('min søn har feberkramper og det er ikke stoppet efter 5 min', 'da').emergency).toBe(true);
    expect(detectEmergency('min søn har feberkramper', 'da').emergency).toBe(false);
  });

  test('a real word one letter from a danger word is not read as a typo of it', () => {
    // "puttet" is one edit from "cuttet" (self-harm), "køkken" from "løkken" (a noose).
    expect(detectEmergency('jeg har puttet den i en tom flaske', 'da').emergency).toBe(false);
    expect(detectEmergency('hvordan sikrer køkkenet at min datter ikke får nødder', 'da').matched).not.toContain('reb|rebet|løkke|løkken');
  });

  test('a capsized boat far out is an emergency, a war long over is history', () => {
    expect(detectEmergency('kajakroer er kæntret langt ude ud for Ballehage, han klamrer sig til kajakken', 'da').emergency).toBe(true);
    expect(detectEmergency('en udstilling om besættelsen med gamle geværer, skal vi have tilladelse?', 'da').reported).toBe(true);
    expect(detectEmergency('han har et gevær og siger han vil skyde', 'da').emergency).toBe(true);
  });

  test('"not in danger" and "no violence" hide the danger word they deny', () => {
    expect(detectEmergency('Ikke akut, jeg er ikke i fare, men kan jeg få en samtale med en psykolog?', 'da').emergency).toBe(false);
    expect(detectEmergency('min søster er i fare, han har en kniv', 'da').emergency).toBe(true);
    expect(detectEmergency('naboerne skændes hver weekend, ingen vold, bare råberi', 'da').emergency).toBe(false);
  });

  test('"not a joke" undoes a laugh; a boy held down and beaten is an emergency, a raised rent is not', () => {
    expect(detectEmergency("lol not a joke, my mate just took ket and now he's seizing on the floor", 'en').emergency).toBe(true);
    expect(detectEmergency('min søns kammerat bliver holdt fast og tævet af 5 drenge foran netto', 'da').emergency).toBe(true);
    expect(detectEmergency('min udlejer har hævet huslejen med 20%, kan jeg klage?', 'da').emergency).toBe(false);
  });

  test('a first-aid course names a danger it prepares for; a building burning with smoke is one', () => {
    expect(detectEmergency('Where can I take a first aid course in English? I want to be prepared in case she ever chokes.', 'en').emergency).toBe(false);
    expect(detectEmergency('the building next to our school is burning and the smoke is blowing into the classrooms', 'en').emergency).toBe(true);
    expect(detectEmergency('the bonfire smoke from the allotments makes my asthma worse every weekend', 'en').emergency).toBe(false);
  });

  test('someone rattling the door handle is a break-in; burglars as a topic are not', () => {
    expect(detectEmergency('nogen rusker i håndtaget på terrassedøren og lyser ind med en lommelygte, hvad gør jeg??', 'da').emergency).toBe(true);
    expect(detectEmergency('is it true burglars target houses during summer holidays? any tips?', 'en').emergency).toBe(false);
    expect(detectEmergency('Min gasregning er eksploderet!! 4000 kr for et kvartal', 'da').emergency).toBe(false);
  });

  test('someone on his way over is happening now, whatever else says "over now"', () => {
    expect(detectEmergency("He said if I leave he'll kill me and the kids. He's on his way over now, he just texted me", 'en').emergency).toBe(true);
    expect(detectEmergency('Min nabo står ude på altankanten og råber at han vil springe. Vi bor på 8. sal', 'da').emergency).toBe(true);
    expect(detectEmergency('Min far på 84 falder tit, heldigvis uden at komme til skade. Kan han få et nødkaldearmbånd?', 'da').emergency).toBe(false);
  });

  test('a past event that "begins again now" is happening; "tidligere" alone says nothing of time', () => {
    expect(detectEmergency('jeg fik et allergisk chok sidste år og nu begynder det samme igen, min epipen er brugt og tungen hæver', 'da').emergency).toBe(true);
    expect(detectEmergency('En tidligere borger står i receptionen med en kniv og råber at han vil stikke sin sagsbehandler', 'da').emergency).toBe(true);
    expect(detectEmergency('Min bror har tidligere forsøgt selvmord, han er i behandling nu. Har kommunen et pårørendekursus?', 'da').emergency).toBe(false);
  });

  test('a laughing face makes a threat a joke, as "haha" does', () => {
    expect(detectEmergency('min far slår mig ihjel når han ser min karakterbog 😂', 'da').emergency).toBe(false);
    expect(detectEmergency('min far slår mig ihjel når han ser min karakterbog', 'da').emergency).toBe(true);
  });
});
