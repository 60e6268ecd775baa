import { describe, expect, test } from 'vitest';
import { parseXml, spokenText } from '../helpers/xml';
import { converse } from './harness';

const TUESDAY_MORNING = '2026-11-24T10:00:00+01:00';
const TUESDAY_EVENING = '2026-11-24T18:00:00+01:00';
const THURSDAY_AFTERNOON = '2026-11-26T16:45:00+01:00';

/**
 * The real dialogs, rendered for voice: whatever they say must be SSML that parses, in the
 * language the activity announces, with nothing a listener should not hear — no markdown, no
 * "kl. 9.00", no phone number run together into one big number.
 */
const CONVERSATIONS = [
  [TUESDAY_MORNING, ['Hvornår har Pladsanvisningen telefontid?', 'hvad er deres telefontider i denne uge?', 'hvad er deres mail?']],
  [TUESDAY_EVENING, ['Hvornår har Borgerservice åbent?', 'ja', 'spring over']],
  [THURSDAY_AFTERNOON, ['Kan jeg ringe til Pladsanvisningen nu?', 'min skraldespand er ikke blevet tømt', 'min nabo er faldet om og trækker ikke vejret']],
  [TUESDAY_EVENING, ['When does Citizen Services open?', 'What are their phone hours this week?', 'yes', 'help']],
] as const;

describe('the dialogs rendered for voice', () => {
  test.each(CONVERSATIONS)('at %s every turn of %j is well-formed SSML a listener can follow', async (now, lines) => {
    const c = await converse(now, { voice: true });
    for (const line of lines) {
      await c.say(line);
      expect(c.last.length, line).toBeGreaterThan(0);
      for (const activity of c.last) {
        const ssml = activity.speak ?? '';
        const root = parseXml(ssml).documentElement!;
        expect(root.getAttribute('xml:lang'), line).toBe(activity.locale);
        const said = spokenText(ssml);
        expect(said.length, line).toBeGreaterThan(0);
        expect(said, line).not.toMatch(/\*\*|\]\(|https?:\/\//);
        expect(said, line).not.toMatch(/\bkl\.?\s*\d|\d[.:]\d\d\b|\d\s?(?:am|pm)\b/);
        expect(ssml, line).not.toMatch(/\d{2}\s?\d{2}\s?\d{2}\s?\d{2}/);
      }
    }
  });
});
