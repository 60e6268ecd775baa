import type { DateTime } from 'luxon';
import { describeStatus, describeWeek, formatDayRelative, formatTime, type HoursEngine } from '../knowledge/hours';
import type { KnowledgeBase } from '../knowledge/kb';
import type { AcuteCategory, Lang, Phone, Source, Unit } from '../knowledge/schema/unit';
import type { TimeQuery } from '../knowledge/triage';
import type { Choice, FactCard, Reply } from './reply';
import { t } from './texts';

/** What composing an answer needs: the facts and the hours engine. */
export interface AnswerDeps {
  readonly kb: KnowledgeBase;
  readonly hours: HoursEngine;
}

export interface UnitAnswerOptions {
  readonly lang: Lang;
  readonly now: DateTime;
  /** A time the citizen asked about ("torsdag kl. 16.30"): answered yes or no. */
  readonly when?: TimeQuery | null;
  /** The week's phone hours, line by line. */
  readonly showWeek?: boolean;
  /** Only the contact details (a follow-up like "hvad er deres mail?"). */
  readonly focus?: 'contact' | 'hours' | 'all';
}

/** "+45 89 40 20 00" → "89 40 20 00" and "+4589402000". */
export function phoneParts(phone: Phone): { display: string; tel: string } {
  return { display: phone.number.replace(/^\+45 /, ''), tel: phone.number.replace(/ /g, '') };
}

function formatDate(iso: string, lang: Lang): string {
  // Dates in the knowledge base are plain calendar days.
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const months = {
    da: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
    en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  };
  return lang === 'da' ? `${d}. ${months.da[m - 1]} ${y}` : `${d} ${months.en[m - 1]} ${y}`;
}

/** The source behind a unit's hours (following `same-as`), for the discreet source line. */
function hoursSource(unit: Unit, now: DateTime): Source {
  const hours = unit.hours;
  switch (hours.kind) {
    case 'weekly': {
      const today = now.toISODate() ?? '';
      const current = [...hours.versions].reverse().find((v) => v.from === undefined || v.from <= today) ?? hours.versions[0]!;
      return current.source;
    }
    case 'always-open':
    case 'same-as':
    case 'unknown':
      return hours.source;
  }
}

/** "Kilde: <seed title> (dato) · senest kontrolleret <dato>"; says so when the hours are assumed. */
export function sourceLine(deps: AnswerDeps, unit: Unit, now: DateTime, lang: Lang): string {
  const source = hoursSource(unit, now);
  const seed = deps.kb.seed(source.seed);
  const title = seed?.title ?? source.seed;
  const parts = [
    lang === 'da'
      ? `Kilde: ${title} (${formatDate(source.date, lang)})`
      : `Source: ${title} (${formatDate(source.date, lang)})`,
    lang === 'da' ? `senest kontrolleret ${formatDate(unit.lastVerified, lang)}` : `last verified ${formatDate(unit.lastVerified, lang)}`,
  ];
  if (source.basis === 'assumed') parts.push(lang === 'da' ? 'telefontiden er et skøn – kilden er ikke præcis' : 'the phone hours are an estimate – the source is not precise');
  if (source.basis === 'adopted-proposal') parts.push(lang === 'da' ? 'tiderne bygger på et forslag, vi regner med er vedtaget' : 'the hours come from a proposal we take to be adopted');
  return parts.join(' · ');
}

function otherWays(unit: Unit, lang: Lang): { label: string; url?: string }[] {
  const ways: { label: string; url?: string }[] = [];
  if (unit.contacts.digitalPost) ways.push({ label: `${lang === 'da' ? 'Digital post' : 'Digital post'}: ${unit.contacts.digitalPost.note[lang]}` });
  for (const link of unit.contacts.selfService) ways.push({ label: `${lang === 'da' ? 'Selvbetjening' : 'Self-service'}: ${link.label[lang]}`, ...(link.url ? { url: link.url } : {}) });
  for (const email of unit.contacts.emails) ways.push({ label: `${lang === 'da' ? 'E-mail' : 'E-mail'}: ${email.address}`, url: `mailto:${email.address}` });
  for (const link of unit.contacts.web) ways.push({ label: `Web: ${link.label[lang]}`, ...(link.url ? { url: link.url } : {}) });
  return ways;
}

/** Yes/no for a time the citizen asked about, with that day's hours. */
function whenSentence(deps: AnswerDeps, unit: Unit, when: TimeQuery, now: DateTime, lang: Lang): { text: string; speak: string } {
  // A point in time is said our way ("torsdag kl. 16.30"); a span keeps the citizen's words ("torsdag eftermiddag").
  const asked = when.end === null ? `${formatDayRelative(when.start, now, lang)} ${formatTime(when.start, lang)}` : when.text;
  const status = deps.hours.status(unit.id, when.start);
  const day = deps.hours.day(unit.id, when.start);
  const windowsText = day.windows.length === 0
    ? (lang === 'da' ? 'lukket hele dagen' : 'closed all day')
    : day.windows.map((w) => `${formatTime(w.start, lang)}–${formatTime(w.end, lang).replace(/^kl\. /, '')}`).join(lang === 'da' ? ' og ' : ' and ');
  let open: boolean | null = status.open;
  if (when.end !== null && status.kind === 'scheduled' && !status.open) {
    open = deps.hours.windows(unit.id, when.start, when.end).length > 0;
  }
  const holiday = day.holiday ? ` (${day.holiday[lang]})` : '';
  const answer =
    open === null
      ? lang === 'da' ? 'Det kan jeg ikke sige – telefontiden kendes ikke præcist.' : 'I cannot say – the exact phone hours are not known.'
      : open
        ? lang === 'da' ? `Ja, ${asked} har de åbent.` : `Yes, ${asked} they are open.`
        : lang === 'da' ? `Nej, ${asked} har de lukket.` : `No, ${asked} they are closed.`;
  const hoursLine = status.kind === 'always-open'
    ? ''
    : lang === 'da' ? ` Den dag: ${windowsText}${holiday}.` : ` That day: ${windowsText}${holiday}.`;
  return { text: `**${answer}**${hoursLine}`, speak: `${answer}${hoursLine}` };
}

/** The answer about one unit: who, which number, open now / next opening, other ways in, source. */
export function unitAnswer(deps: AnswerDeps, unit: Unit, options: UnitAnswerOptions): Reply {
  const { lang, now } = options;
  const focus = options.focus ?? 'all';
  const status = deps.hours.status(unit.id, now);
  const statusText = describeStatus(status, now, lang);
  const phones = unit.contacts.phones.map((p) => ({ ...phoneParts(p), ...(p.label ? { label: p.label[lang] } : {}) }));
  const phoneLines = phones.map((p) => `${lang === 'da' ? 'Ring' : 'Call'} **${p.display}**${p.label ? ` (${p.label})` : ''}`);
  const ways = otherWays(unit, lang);
  const source = sourceLine(deps, unit, now, lang);

  const text: string[] = [`**${unit.name[lang]}**${focus === 'all' ? ` – ${unit.description[lang]}` : ''}`];
  const beside: string[] = [];
  const speak: string[] = [`${unit.name[lang]}.`];
  text.push(phoneLines.join('\n'));
  speak.push(phones.map((p) => `${lang === 'da' ? 'Ring på' : 'Call'} ${p.display}.`).join(' '));
  text.push(statusText);
  speak.push(`${statusText}.`);
  if (options.when) {
    const w = whenSentence(deps, unit, options.when, now, lang);
    text.push(w.text);
    beside.push(w.text);
    speak.push(w.speak);
  }
  if (options.showWeek && status.kind === 'scheduled') {
    const week = describeWeek(deps.hours, unit.id, now, lang);
    const weekText = `${lang === 'da' ? 'Telefontider denne uge' : 'Phone hours this week'}:\n${week.map((l) => `- ${l}`).join('\n')}`;
    text.push(weekText);
    beside.push(weekText);
    speak.push(week.join('. '));
  }
  if (focus !== 'hours' && ways.length > 0) {
    text.push(`${lang === 'da' ? 'Andre veje ind' : 'Other ways in'}:\n${ways.map((w) => `- ${w.url && !w.url.startsWith('mailto:') ? `[${w.label}](${w.url})` : w.label}`).join('\n')}`);
    speak.push(ways.map((w) => w.label).join('. '));
  }
  text.push(`_${source}_`);

  const card: FactCard = {
    unitId: unit.id,
    title: unit.name[lang],
    subtitle: unit.description[lang],
    phones,
    status: { open: status.open, text: statusText },
    otherWays: ways,
    sourceLine: source,
  };
  return { lang, text: text.filter((s) => s.length > 0).join('\n\n'), speak: speak.join(' '), card, besideCard: beside.join('\n\n') };
}

/** Whether to offer a callback now: the unit offers them and its line is closed. */
export function shouldOfferCallback(deps: AnswerDeps, unit: Unit, now: DateTime): boolean {
  return unit.callbacks.offered && deps.hours.status(unit.id, now).open === false;
}

export function callbackOffer(lang: Lang): Reply {
  const choices: Choice[] = [
    { value: 'yes', label: t('callbackYes', lang), synonyms: ['ja', 'yes', 'ja tak', 'gerne', 'ring'] },
    { value: 'no', label: t('callbackNo', lang), synonyms: ['nej', 'no', 'nej tak', 'no thanks'] },
  ];
  return { lang, text: t('callbackOffer', lang), speak: t('callbackOffer', lang), choices, expectsInput: true };
}

/** Emergency first: 112, then the always-open lines of the knowledge base for the matter. */
export function emergencyReply(
  deps: AnswerDeps,
  categories: readonly AcuteCategory[],
  lang: Lang,
  otherwise?: { unit: Unit; now: DateTime },
): Reply {
  const lines = deps.kb.acuteLines(categories.length > 0 ? categories : ['general']);
  const text = [t('emergencyLead', lang)];
  const speak = [t('emergencyLeadSpeak', lang)];
  if (lines.length > 0) {
    text.push(t('emergencyLines', lang));
    for (const unit of lines) {
      const phone = unit.contacts.phones[0];
      const number = phone ? `${phoneParts(phone).display}${phone.label ? ` (${phone.label[lang]})` : ''}` : '';
      text.push(`- **${unit.name[lang]}**: ${number} – ${unit.acute?.note[lang] ?? ''}`);
      speak.push(`${unit.name[lang]}: ${phone ? phoneParts(phone).display : ''}.`);
    }
  }
  // After the lines that are always open: where the question would go if it is not urgent after all, so a
  // false alarm still answers the citizen (the alarm errs on the side of recall, issue 3).
  const unit = otherwise?.unit;
  if (otherwise && unit && !lines.some((l) => l.id === unit.id)) {
    const phone = unit.contacts.phones[0];
    const status = describeStatus(deps.hours.status(unit.id, otherwise.now), otherwise.now, lang);
    text.push('', `${t('emergencyOtherwise', lang)} **${unit.name[lang]}**${phone ? `, ${phoneParts(phone).display}` : ''}. ${status}`);
  }
  return { lang, text: text.join('\n'), speak: speak.join(' ') };
}

/** When triage abstains: say so honestly and give the main number with its hours. */
export function abstainReply(deps: AnswerDeps, lang: Lang, now: DateTime, outOfScope: boolean): Reply {
  const main = deps.kb.main;
  const phone = main.contacts.phones[0];
  const display = phone ? phoneParts(phone).display : '89 40 20 00';
  const status = describeStatus(deps.hours.status(main.id, now), now, lang);
  const lead = outOfScope ? t('outOfScope', lang) : t('abstain', lang);
  return {
    lang,
    text: `${lead}\n\n${t('mainNumberIntro', lang)} **${display}**. ${status}\n\n_${sourceLine(deps, main, now, lang)}_`,
    speak: `${lead} ${t('mainNumberIntro', lang)} ${display}. ${status}.`,
    besideCard: `${lead} ${t('mainNumberIntro', lang)}`,
    card: {
      unitId: main.id,
      title: main.name[lang],
      phones: phone ? [phoneParts(phone)] : [],
      status: { open: deps.hours.status(main.id, now).open, text: status },
      otherWays: otherWays(main, lang),
      sourceLine: sourceLine(deps, main, now, lang),
    },
  };
}

/** When triage is unsure: the top candidates as numbered choices, plus "none of these". */
export function clarifyReply(deps: AnswerDeps, unitIds: readonly string[], lang: Lang): Reply {
  const choices: Choice[] = unitIds
    .map((id) => deps.kb.get(id))
    .filter((u): u is Unit => u !== undefined)
    .map((u) => ({ value: u.id, label: u.name[lang], synonyms: [u.name.da, u.name.en, ...u.aliases] }));
  choices.push({ value: 'none', label: t('noneOfThese', lang), synonyms: ['ingen', 'none', 'ingen af dem', 'none of them'] });
  return { lang, text: t('clarify', lang), speak: t('clarify', lang), choices, expectsInput: true };
}
