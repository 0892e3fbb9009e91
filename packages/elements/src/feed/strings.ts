import type { MutualApiErrorCode } from '../connection/api-error.js';
import type { LiveStatus } from '../connection/live-stream.js';
import { formatNumber, pluralCategory } from '../i18n/format-number.js';
import type { LazyCatalogs } from '../i18n/locale-controller.js';

/**
 * Every string the feed shows or announces, once per language ({@link feedCatalogs}); the feed
 * picks one with a `LocaleController`. Numbers and plurals go through `Intl` in that language.
 */
export interface FeedStrings {
  /** BCP 47 tag used for dates, times and plural rules. */
  locale: string;
  defaultTitle: string;
  postsLabel: string;
  liveStatus: Record<LiveStatus, string>;
  composerLabel: string;
  composerPlaceholder: string;
  sendHint: (onMac: boolean) => string;
  send: string;
  sending: string;
  /**
   * Under an entry the viewer's server queued for the group's home server (`home`, a domain; unknown
   * until the space has loaded). It is not in the group yet, and is not lost either.
   */
  queued: (home: string | undefined) => string;
  notSent: string;
  /** Before the reason, under an entry (or beside a reaction) the group's home server refused after it was queued. */
  refusedBy: (home: string | undefined) => string;
  retry: string;
  tryAgain: string;
  connecting: string;
  loading: string;
  loadFailed: string;
  empty: string;
  loadOlder: string;
  loadingOlder: string;
  loadOlderFailed: string;
  reply: string;
  replyLabel: (author: string) => string;
  replyPlaceholder: string;
  sendReply: string;
  cancel: string;
  repliesLabel: (author: string) => string;
  external: string;
  externalDescription: (organisation: string) => string;
  reactionsLabel: string;
  addReaction: string;
  reactWith: (name: string) => string;
  reactionButton: (name: string, count: number, mine: boolean) => string;
  emojiNames: Record<string, string>;
  announceNewPost: (author: string, organisation: string) => string;
  announceNewReply: (author: string, organisation: string) => string;
  announceSendFailed: string;
  /** Beside an entry's reactions when the viewer's reaction was not saved (then the reason). */
  reactionFailed: string;
  errorMessage: (code: MutualApiErrorCode) => string;
  /** The button over a scrolled feed when live posts arrived above. */
  newPosts: (count: number) => string;
  /** Added to the composer hint. */
  mentionHint: string;
  /** The accessible name of the list of people to mention. */
  mentionSuggestions: string;
  /** Title of a mention chip: the person's id. */
  mentionTitle: (id: string, organisation: string) => string;
  /** Title of an invisible character shown as `U+202E`. */
  invisibleCharacter: (code: string) => string;
  /** Title of the real destination shown beside a link whose label names another one. */
  linkGoesTo: (destination: string) => string;
  /** The header button that opens the viewer's notification settings. */
  notifications: string;
}

export const en: FeedStrings = {
  locale: 'en',
  defaultTitle: 'Feed',
  postsLabel: 'Posts',
  liveStatus: {
    connecting: 'Connecting…',
    open: 'Live',
    reconnecting: 'Reconnecting…',
    closed: 'Offline',
  },
  composerLabel: 'Write a post',
  composerPlaceholder: 'Share an update with the group…',
  sendHint: (onMac) => (onMac ? '⌘ Enter to send' : 'Ctrl+Enter to send'),
  send: 'Post',
  sending: 'Sending…',
  queued: (home) => (home ? `Queued for ${home} — will appear when delivered.` : 'Queued — will appear when delivered.'),
  notSent: 'Not sent.',
  refusedBy: (home) => (home ? `Refused by ${home}.` : 'Refused by the group’s home server.'),
  retry: 'Retry',
  tryAgain: 'Try again',
  connecting: 'Connecting…',
  loading: 'Loading posts…',
  loadFailed: 'The posts could not be loaded.',
  empty: 'No posts yet. Start the conversation.',
  loadOlder: 'Load older posts',
  loadingOlder: 'Loading older posts…',
  loadOlderFailed: 'Older posts could not be loaded.',
  reply: 'Reply',
  replyLabel: (author) => `Reply to ${author}`,
  replyPlaceholder: 'Write a reply…',
  sendReply: 'Send reply',
  cancel: 'Cancel',
  repliesLabel: (author) => `Replies to ${author}`,
  external: 'External',
  externalDescription: (organisation) => `From another organisation: ${organisation}`,
  reactionsLabel: 'Reactions',
  addReaction: 'Add a reaction',
  reactWith: (name) => `React with ${name}`,
  reactionButton: (name, count, mine) =>
    `${name}: ${formatNumber(count, 'en')} ${pluralCategory(count, 'en') === 'one' ? 'reaction' : 'reactions'}${mine ? ', including yours' : ''}`,
  emojiNames: {
    '👍': 'thumbs up',
    '🎉': 'celebration',
    '✅': 'done',
    '❤️': 'heart',
    '👀': 'looking into it',
  },
  announceNewPost: (author, organisation) => `New post from ${author}, ${organisation}`,
  announceNewReply: (author, organisation) => `New reply from ${author}, ${organisation}`,
  announceSendFailed: 'Your message could not be sent.',
  reactionFailed: 'Your reaction was not saved.',
  errorMessage: (code) => {
    switch (code) {
      case 'not_a_member':
      case 'forbidden':
        return 'You are not a member of this group.';
      case 'not_found':
        return 'This item no longer exists.';
      case 'network_error':
        return 'The server could not be reached. Check your connection.';
      case 'body_too_large':
        return 'This message is too long.';
      case 'invalid_request':
        return 'The server did not accept this message.';
      case 'token_unavailable':
      case 'token_missing':
      case 'token_expired':
        return 'Your session has ended. Reload the page to continue.';
      default:
        return code.startsWith('token_') ? 'You could not be signed in to Mutual.' : 'Something went wrong on the server.';
    }
  },
  newPosts: (count) => `${formatNumber(count, 'en')} new ${pluralCategory(count, 'en') === 'one' ? 'post' : 'posts'}`,
  mentionHint: 'Type @ to mention someone.',
  mentionSuggestions: 'People to mention',
  mentionTitle: (id, organisation) => `${id} (${organisation})`,
  invisibleCharacter: (code) => `Invisible character ${code}`,
  linkGoesTo: (destination) => `This link goes to ${destination}`,
  notifications: 'Notifications',
};

/** The feed's strings in every language the widgets speak. */
export const feedCatalogs: LazyCatalogs<FeedStrings> = {
  en,
  // A separate chunk in the bundle: only French pages download it.
  fr: () => import('./strings.fr.js').then((module) => module.fr),
};

