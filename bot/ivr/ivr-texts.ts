/** Everything the phone menu says, in Danish and English; facts (names, hours, numbers) are filled in. */
export const IVR = {
  welcome: { da: 'Velkommen til Aarhus Kommune.', en: 'Welcome to Aarhus Municipality.' },
  other: { da: 'noget andet', en: 'something else' },
  otherLang: { da: 'Press 9 for English.', en: 'Tryk 9 for dansk.' },
  sayIt: { da: 'Du kan også sige, hvad du ringer om.', en: 'You can also say what you are calling about.' },
  repeat: { da: 'Tryk 0 for at høre valgene igen.', en: 'Press 0 to hear the options again.' },
  wrongKey: { da: 'Det valg findes ikke.', en: 'That is not one of the options.' },
  silence: { da: 'Jeg hørte ikke noget.', en: 'I did not hear anything.' },
  askOther: {
    da: 'Sig med dine egne ord, hvad du ringer om. Tryk 0 for at gå tilbage til menuen.',
    en: 'Tell me in your own words what you are calling about. Press 0 to go back to the menu.',
  },
  notSure: {
    da: 'Det er jeg ikke sikker på, hvem der tager sig af.',
    en: 'I am not sure who handles that.',
  },
  pick: { da: 'Jeg er ikke helt sikker på, hvem du skal have fat i.', en: 'I am not quite sure who you need.' },
  toMenu: { da: 'Tryk 0 for at gå tilbage til menuen.', en: 'Press 0 to go back to the menu.' },
  wayOut: { da: 'Jeg stiller dig videre til kommunens hovednummer.', en: "I am passing you on to the municipality's main number." },
  putThrough: { da: 'Jeg stiller dig om nu.', en: 'I am putting you through now.' },
  afterDial: { da: 'Tak for opkaldet. Farvel.', en: 'Thank you for calling. Goodbye.' },
  today: {
    da: (windows: string) => `I dag har de telefontid ${windows}.`,
    en: (windows: string) => `Today their phone hours are ${windows}.`,
  },
  closedToday: { da: 'I dag er telefonen lukket.', en: 'The line is closed all day today.' },
  offerCallback: {
    da: 'Vil du ringes op, når der er åbent? Tryk 1 for at bestille en opringning. Tryk 0 for at gå tilbage til menuen.',
    en: 'Would you like a call back when they are open? Press 1 to book a call-back. Press 0 to go back to the menu.',
  },
  noCallbacks: {
    da: 'De tilbyder desværre ikke opringning. Ring igen, når der er åbent.',
    en: 'Unfortunately they do not offer call-backs. Please call again when they are open.',
  },
  goodbye: { da: 'Farvel.', en: 'Goodbye.' },
  lost: { da: 'Beklager, jeg mistede tråden. Vi starter forfra.', en: 'Sorry, I lost track. Let us start again.' },
  callbackIntro: { da: (unit: string) => `Du bestiller en opringning fra ${unit}.`, en: (unit: string) => `You are booking a call-back from ${unit}.` },
  confirmCallerId: {
    da: (phone: string) => `Skal de ringe til det nummer, du ringer fra: ${phone}? Tryk 1 for ja. Tryk 2 for at taste et andet nummer.`,
    en: (phone: string) => `Should they call the number you are calling from: ${phone}? Press 1 for yes. Press 2 to key in another number.`,
  },
  confirmKeyed: {
    da: (phone: string) => `Du har tastet ${phone}. Tryk 1, hvis det er rigtigt. Tryk 2 for at taste igen.`,
    en: (phone: string) => `You keyed in ${phone}. Press 1 if that is right. Press 2 to key it in again.`,
  },
  noCallerId: { da: 'Jeg kan ikke se et dansk nummer, du ringer fra.', en: 'I cannot see a Danish number you are calling from.' },
  keyNumber: {
    da: 'Tast det telefonnummer, de skal ringe til, med 8 cifre, og afslut med firkant.',
    en: 'Key in the phone number they should call, 8 digits, and finish with the hash key.',
  },
  badNumber: { da: 'Det var ikke et dansk telefonnummer med 8 cifre.', en: 'That was not a Danish phone number with 8 digits.' },
  askSlot: { da: 'Hvornår skal de ringe?', en: 'When should they call?' },
  slotTaken: { da: 'Den tid blev desværre optaget lige før dig.', en: 'Sorry, that time was just taken.' },
  noSlots: { da: 'Der er desværre ingen ledige tider til opringning de næste dage.', en: 'Unfortunately there are no free call-back times in the coming days.' },
  confirmBooking: {
    da: (unit: string, when: string, phone: string, days: number) =>
      `${unit} ringer dig op ${when} på ${phone}. Vi gemmer dit nummer alene for at ${unit} kan ringe dig op. Kun medarbejderne, der skal ringe, kan se det, og det slettes senest ${days} dage efter opkaldet. Tryk 1 for at bekræfte opringningen. Tryk 2 for at afbryde uden at gemme noget.`,
    en: (unit: string, when: string, phone: string, days: number) =>
      `${unit} will call you ${when} on ${phone}. We store your number only so that ${unit} can call you back. Only the staff who make the call can see it, and it is deleted at the latest ${days} days after the call. Press 1 to confirm the call-back. Press 2 to stop without storing anything.`,
  },
  declined: { da: 'Jeg har ikke gemt noget.', en: 'I have not stored anything.' },
  booked: {
    da: (unit: string, when: string, ref: string) => `Tak. Opringningen er bestilt. ${unit} ringer dig op ${when}. Din reference er ${ref}. Jeg gentager: ${ref}.`,
    en: (unit: string, when: string, ref: string) => `Thank you. The call-back is booked. ${unit} will call you ${when}. Your reference is ${ref}. Once more: ${ref}.`,
  },
  notBooked: {
    da: (unit: string, phone: string, status: string) => `Opringningen kunne desværre ikke bestilles. Ring til ${unit} på ${phone}. ${status}.`,
    en: (unit: string, phone: string, status: string) => `Sorry, the call-back could not be booked. Call ${unit} on ${phone}. ${status}.`,
  },
  between: { da: 'mellem', en: 'between' },
  and: { da: 'og', en: 'and' },
} as const;

