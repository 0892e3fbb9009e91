import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EMOJI_PATTERN } from './emoji.js';

describe('what a reaction may be', () => {
  it('is one emoji, including flags, keycaps, skin tones and joined sequences', () => {
    for (const emoji of ['👍', '🎉', '❤️', '✅', '👀', '🙏', '👍🏽', '🇫🇷', '1️⃣', '#️⃣', '👩‍💻', '🏴‍☠️', '🏴󠁧󠁢󠁳󠁣󠁴󠁿']) {
      assert.ok(EMOJI_PATTERN.test(emoji), emoji);
    }
  });

  it('is never text, space, an invisible or a direction control', () => {
    for (const text of [' ', '\u200b', '\u202Eevil', 'SCAM→bit.ly/x', '+1', 'a', '1', '👍 ok', '<b>']) {
      assert.ok(!EMOJI_PATTERN.test(text), JSON.stringify(text));
    }
  });
});
