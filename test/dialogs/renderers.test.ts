import { describe, expect, test } from 'vitest';
import { converse } from './harness';

const TUE_10 = '2026-11-24T10:00:00+01:00';

describe('one reply model, rendered per channel', () => {
  test('web chat gets markdown, a hero card with a tel: button and the structured card', async () => {
    const c = await converse(TUE_10);
    await c.say('Hvornår har Pladsanvisningen telefontid?');
    const activity = c.last[0]!;
    expect(activity.textFormat).toBe('markdown');
    const hero = activity.attachments?.[0];
    expect(hero?.contentType).toBe('application/vnd.microsoft.card.hero');
    expect(JSON.stringify(hero?.content)).toContain('tel:+4589402000');
    expect(activity.channelData.frontdoorCard).toMatchObject({ unitId: 'pladsanvisning', status: { open: true } });
  });

  test('voice gets SSML in Danish and numbered choices, from the same dialogs', async () => {
    const c = await converse(TUE_10, { voice: true });
    await c.say('min mor har brug for hjælp');
    const activity = c.last[0]!;
    expect(activity.speak).toMatch(/^<speak version="1\.0"[^>]*xml:lang="da-DK"/);
    expect(activity.speak).toMatch(/Tryk 1 for Sundhed og Omsorg/);
    expect(activity.inputHint).toBe('expectingInput');
    expect(activity.suggestedActions).toBeUndefined();
  });
});
