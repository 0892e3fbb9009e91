/**
 * One emoji, as a reaction is: a pictograph, a flag (two regional indicators) or a keycap, with
 * what may follow it in a sequence (skin tones, zero-width joiners, variation selectors, tag
 * characters). No letters, digits on their own, spaces or controls: a reaction is not a message.
 */
export const EMOJI_PATTERN =
  /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|[#*0-9]\uFE0F?\u20E3)(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|[\u200D\uFE0F\u20E3]|[\u{E0020}-\u{E007F}])*$/u;

/** At most this many different reactions by one person on one post or reply. */
export const MAX_REACTIONS_PER_PERSON = 10;
