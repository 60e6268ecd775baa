import type { Lang } from '../knowledge/schema/unit';

/**
 * Every fixed sentence the conversation says, in Danish and English. Sentences built from facts
 * (hours, numbers) are composed in answer.ts from these pieces.
 */
export const TEXTS = {
  welcome: {
    da: 'Hej! Jeg er Aarhus Kommunes digitale indgang. Skriv dit spørgsmål, så finder jeg ud af, hvem du skal kontakte, og hvornår de har åbent. (Write in English if you prefer.)',
    en: 'Hi! I am the digital front door of Aarhus Municipality. Ask your question and I will tell you who to contact and when they are open. (Skriv "dansk" for dansk.)',
  },
  help: {
    da: 'Skriv dit spørgsmål med dine egne ord, fx "Hvornår kan jeg ringe til Pladsanvisningen?" eller "skraldespanden er ikke tømt". Du kan også skrive: "ring mig op", "start forfra", "annuller", "English".',
    en: 'Ask in your own words, e.g. "When can I call about a nursery place?" or "my bin was not emptied". You can also write: "call me back", "restart", "cancel", "dansk".',
  },
  restarted: { da: 'Vi starter forfra.', en: 'Let us start over.' },
  cancelled: { da: 'Annulleret. Skriv gerne et nyt spørgsmål.', en: 'Cancelled. Feel free to ask something else.' },
  nothingToCancel: { da: 'Der er ikke noget at annullere. Skriv dit spørgsmål.', en: 'There is nothing to cancel. Ask your question.' },
  switchedToEnglish: { da: 'OK, we continue in English.', en: 'OK, we continue in English.' },
  switchedToDanish: { da: 'OK, vi fortsætter på dansk.', en: 'OK, vi fortsætter på dansk.' },
  emptyMessage: { da: 'Jeg modtog ingen tekst. Skriv dit spørgsmål.', en: 'I received no text. Please type your question.' },
  cprWarning: {
    da: 'Skriv venligst ikke dit CPR-nummer her – det er ikke nødvendigt, og jeg har fjernet det.',
    en: 'Please do not share your CPR number here – it is not needed, and I have removed it.',
  },
  clarify: {
    da: 'Jeg er ikke helt sikker på, hvem du skal have fat i. Mener du en af disse?',
    en: 'I am not quite sure who you need. Do you mean one of these?',
  },
  clarifyRetry: {
    da: 'Vælg et af numrene, eller skriv dit spørgsmål på en anden måde.',
    en: 'Pick one of the numbers, or ask your question another way.',
  },
  noneOfThese: { da: 'Ingen af dem', en: 'None of these' },
  abstain: {
    da: 'Det er jeg ikke sikker på, hvem der tager sig af, og jeg vil hellere sige det end at sende dig forkert.',
    en: 'I am not sure who handles that, and I would rather say so than send you to the wrong place.',
  },
  outOfScope: {
    da: 'Det ligger vist uden for, hvad kommunen kan hjælpe med.',
    en: 'That seems to be outside what the municipality can help with.',
  },
  mainNumberIntro: {
    da: 'Du kan altid ringe til kommunens hovednummer, som stiller dig videre:',
    en: 'You can always call the municipality’s main number, which will put you through:',
  },
  emergencyLead: {
    da: '**Er der fare for liv eller sikkerhed, så ring 112 nu.**',
    en: '**If there is danger to life or safety, call 112 now.**',
  },
  emergencyLeadSpeak: {
    da: 'Er der fare for liv eller sikkerhed, så ring 1 1 2 nu.',
    en: 'If there is danger to life or safety, call 1 1 2 now.',
  },
  emergencyLines: { da: 'Døgnåbne linjer i kommunen:', en: 'Lines in the municipality that are always open:' },
  emergencyOtherwise: { da: 'Haster det ikke, så kontakt', en: 'If it is not urgent, contact' },
  callbackOffer: {
    da: 'Vil du have, at de ringer dig op, når der er åbent?',
    en: 'Would you like them to call you back when they are open?',
  },
  callbackYes: { da: 'Ja, ring mig op', en: 'Yes, call me back' },
  callbackNo: { da: 'Nej tak', en: 'No thanks' },
  callbackNotOffered: {
    da: 'Den enhed tilbyder desværre ikke opringning her.',
    en: 'Unfortunately that unit does not offer call-backs here.',
  },
  anythingElse: { da: 'Kan jeg hjælpe med andet?', en: 'Can I help with anything else?' },
  noContext: {
    da: 'Hvem tænker du på? Skriv fx navnet på afdelingen eller hvad det drejer sig om.',
    en: 'Who do you mean? Write, for example, the name of the department or what it is about.',
  },
  botError: {
    da: 'Beklager, der gik noget galt hos mig. Ring til kommunen på 89 40 20 00, eller prøv igen om lidt.',
    en: 'Sorry, something went wrong on my side. Call the municipality on 89 40 20 00, or try again shortly.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type TextKey = keyof typeof TEXTS;

export function t(key: TextKey, lang: Lang): string {
  return TEXTS[key][lang];
}
