import type { DateTime } from 'luxon';
import type { TriageResult } from '../knowledge/triage';
import { abstainReply, clarifyReply, emergencyReply, unitAnswer, type AnswerDeps } from './answer';
import { joinReplies, type Reply } from './reply';
import type { Triage } from '../knowledge/triage';
import { t } from './texts';

/**
 * The whole answer to one question without a conversation (the `ask` command, the agent console's
 * preview): emergency lines first, then the unit's answer, or the alternatives, or an honest
 * "not sure" with the main number.
 */
export function answerQuestion(deps: AnswerDeps & { readonly triage: Triage }, text: string, now: DateTime): { triage: TriageResult; reply: Reply } {
  const triage = deps.triage.classify(text, now);
  const lang = triage.lang;
  const parts: Reply[] = [];
  if (triage.emergency) parts.push(emergencyReply(deps, triage.emergencyCategories, lang));
  if (triage.cpr) parts.push({ lang, text: t('cprWarning', lang), speak: t('cprWarning', lang) });
  const unit = triage.unitId === null ? undefined : deps.kb.get(triage.unitId);
  if (unit) {
    parts.push(unitAnswer(deps, unit, { lang, now, when: triage.when, showWeek: triage.intent === 'hours' }));
  } else if (!triage.emergency) {
    const candidates = triage.alternatives.map((a) => a.unitId);
    parts.push(!triage.outOfScope && candidates.length > 0 ? clarifyReply(deps, candidates, lang) : abstainReply(deps, lang, now, triage.outOfScope));
  }
  return { triage, reply: joinReplies(lang, parts) };
}
