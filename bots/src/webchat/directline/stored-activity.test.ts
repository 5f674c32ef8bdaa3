import { describe, expect, it } from 'vitest';
import { postedActivity } from './directline-schemas.js';
import { activityBytes, MAX_STORED_ACTIVITY_BYTES, storedUserActivity } from './stored-activity.js';

const AT = '2026-12-04T18:00:00.000Z';
const posted = (body: unknown) => {
  const { id: _id, ...fields } = postedActivity.parse(body);
  return fields;
};

describe('the activity stored for what a client posts', () => {
  it('keeps the text, locale, a tap on one of our choices and Web Chat’s clientActivityID', () => {
    const stored = storedUserActivity(
      posted({
        type: 'message',
        from: { id: 'claimed', name: 'Camille Martin', role: 'user' },
        text: 'Je suis victime',
        textFormat: 'plain',
        locale: 'fr-FR',
        value: { choice: 'role:victim' },
        channelData: { clientActivityID: 'u1-abc-1' },
      }),
      'dl_granted',
      AT,
    );
    expect(stored).toEqual({
      type: 'message',
      from: { id: 'dl_granted', role: 'user' },
      channelId: 'directline',
      timestamp: AT,
      text: 'Je suis victime',
      textFormat: 'plain',
      locale: 'fr-FR',
      value: { choice: 'role:victim' },
      channelData: { clientActivityID: 'u1-abc-1' },
    });
  });

  it('drops any other channelData, what else a value holds, a name given by the client and an odd format', () => {
    const stored = storedUserActivity(
      posted({
        type: 'message',
        from: { id: 'x', name: 'Camille' },
        text: 'bonjour',
        textFormat: 'x'.repeat(20),
        locale: 'not a locale',
        value: { choice: 'role:victim', blob: 'y'.repeat(1000) },
        channelData: { clientActivityID: 'c1', blob: 'z'.repeat(100_000) },
        name: 'webchat/join',
      }),
      'u',
      AT,
    );
    expect(stored).toEqual({
      type: 'message',
      from: { id: 'u', role: 'user' },
      channelId: 'directline',
      timestamp: AT,
      text: 'bonjour',
      value: { choice: 'role:victim' },
      channelData: { clientActivityID: 'c1' },
    });
    expect(activityBytes(stored)).toBeLessThan(300);
  });

  it('keeps the name of an event, not a value that is no choice of ours', () => {
    const stored = storedUserActivity(
      posted({ type: 'event', from: { id: 'x' }, name: 'webchat/join', value: { language: 'fr' } }),
      'u',
      AT,
    );
    expect(stored).toMatchObject({ type: 'event', name: 'webchat/join' });
    expect(stored).not.toHaveProperty('value');
  });

  it('fits a 20,000-character message in any script, not one of escaped control characters', () => {
    const fits = (text: string) =>
      activityBytes(storedUserActivity(posted({ type: 'message', from: { id: 'x' }, text }), 'u', AT)) <=
      MAX_STORED_ACTIVITY_BYTES;
    expect(fits('é'.repeat(20_000))).toBe(true);
    expect(fits('語'.repeat(20_000))).toBe(true);
    expect(fits('🏳️‍🌈'.repeat(20_000 / 6))).toBe(true);
    expect(fits('\u0001'.repeat(20_000))).toBe(false);
  });
});
