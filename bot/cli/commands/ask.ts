import { answerQuestion } from '../../../dialogs/ask';
import { parseInstant } from '../../../knowledge/clock';
import { HoursEngine } from '../../../knowledge/hours';
import { formatProblem, loadKnowledgeBase } from '../../../knowledge/kb';
import { Triage } from '../../../knowledge/triage';
import { clockFromEnv } from '../../config/clock-from-env';
import { parseArgs, UsageError, writeLine, type Command } from '../io';

export const summary = 'ask "question" [--at ISO] [--json]  (the whole answer a citizen would get)';

/** Prints the answer a citizen would get: unit, numbers, open now / next opening, alternatives, emergency lines. */
export const run: Command = async (args, io) => {
  const { positional, values, switches } = parseArgs(args, { values: ['at'], switches: ['json'] });
  const question = positional.join(' ').trim();
  if (question.length === 0) throw new UsageError('usage: frontdoor ask "question" [--at ISO] [--json]');
  const atText = values.get('at');
  const now = atText === undefined ? clockFromEnv(io.env)() : parseInstant(atText);
  if (!now) throw new UsageError(`--at is not an ISO 8601 instant: "${atText}"`);
  const loaded = loadKnowledgeBase();
  if (!loaded.ok) throw new UsageError(`invalid knowledge base: ${loaded.problems.map(formatProblem).join('; ')}`);
  const kb = loaded.kb;
  const hours = new HoursEngine(kb);
  const { triage, reply } = answerQuestion({ kb, hours, triage: Triage.build(kb) }, question, now);
  if (switches.has('json')) {
    const status = triage.unitId ? hours.status(triage.unitId, now) : null;
    writeLine(io.stdout, JSON.stringify({
      unitId: triage.unitId,
      confidence: triage.confidence,
      emergency: triage.emergency,
      lang: triage.lang,
      intent: triage.intent,
      alternatives: triage.alternatives,
      open: status?.open ?? null,
      closesAt: status?.closesAt?.toISO({ suppressMilliseconds: true }) ?? null,
      nextOpening: status?.nextOpening?.toISO({ suppressMilliseconds: true }) ?? null,
      text: reply.text,
      choices: (reply.choices ?? []).map((c) => c.label),
    }));
  } else {
    writeLine(io.stdout, reply.text);
    (reply.choices ?? []).forEach((c, i) => writeLine(io.stdout, `  ${i + 1}. ${c.label}`));
  }
  return 0;
};
