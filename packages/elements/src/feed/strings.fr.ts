// The feed's French strings: a chunk of its own, loaded only where a widget shows French.
import type { MutualApiErrorCode } from '../connection/api-error.js';
import type { FeedStrings } from './strings.js';

// Intl directly rather than the shared helpers: this chunk imports nothing at run time, so the
// entry stays one file.
const numbers = new Intl.NumberFormat('fr');
const plurals = new Intl.PluralRules('fr');

// French: "vous", typographic apostrophes, a no-break space before ":".
export const fr: FeedStrings = {
  locale: 'fr',
  defaultTitle: 'Fil',
  postsLabel: 'Publications',
  liveStatus: {
    connecting: 'Connexion…',
    open: 'En direct',
    reconnecting: 'Reconnexion…',
    closed: 'Hors ligne',
  },
  composerLabel: 'Écrire une publication',
  composerPlaceholder: 'Partagez une nouvelle avec le groupe…',
  sendHint: (onMac) => (onMac ? '⌘ Entrée pour publier' : 'Ctrl+Entrée pour publier'),
  send: 'Publier',
  sending: 'Envoi…',
  queued: (home) =>
    home
      ? `En file d’attente pour ${home} — s’affichera une fois remis.`
      : 'En file d’attente — s’affichera une fois remis.',
  notSent: 'Non envoyé.',
  refusedBy: (home) => (home ? `Refusé par ${home}.` : 'Refusé par le serveur d’origine du groupe.'),
  retry: 'Réessayer',
  tryAgain: 'Réessayer',
  connecting: 'Connexion…',
  loading: 'Chargement des publications…',
  loadFailed: 'Les publications n’ont pas pu être chargées.',
  empty: 'Aucune publication pour l’instant. Lancez la conversation.',
  loadOlder: 'Afficher les publications plus anciennes',
  loadingOlder: 'Chargement des publications plus anciennes…',
  loadOlderFailed: 'Les publications plus anciennes n’ont pas pu être chargées.',
  reply: 'Répondre',
  replyLabel: (author) => `Répondre à ${author}`,
  replyPlaceholder: 'Écrivez une réponse…',
  sendReply: 'Envoyer la réponse',
  cancel: 'Annuler',
  repliesLabel: (author) => `Réponses à ${author}`,
  external: 'Externe',
  externalDescription: (organisation) => `D’une autre organisation\u00A0: ${organisation}`,
  reactionsLabel: 'Réactions',
  addReaction: 'Ajouter une réaction',
  reactWith: (name) => `Réagir avec ${name}`,
  reactionButton: (name, count, mine) =>
    `${name}\u00A0: ${numbers.format(count)} ${plurals.select(count) === 'one' ? 'réaction' : 'réactions'}${mine ? ', dont la vôtre' : ''}`,
  emojiNames: {
    '👍': 'pouce levé',
    '🎉': 'fête',
    '✅': 'fait',
    '❤️': 'cœur',
    '👀': 'je regarde',
  },
  announceNewPost: (author, organisation) => `Nouvelle publication de ${author}, ${organisation}`,
  announceNewReply: (author, organisation) => `Nouvelle réponse de ${author}, ${organisation}`,
  announceSendFailed: 'Votre message n’a pas pu être envoyé.',
  reactionFailed: 'Votre réaction n’a pas été enregistrée.',
  errorMessage: (code) => {
    switch (code) {
      case 'not_a_member':
      case 'forbidden':
        return 'Vous n’êtes pas membre de ce groupe.';
      case 'not_found':
        return 'Cet élément n’existe plus.';
      case 'network_error':
        return 'Le serveur est injoignable. Vérifiez votre connexion.';
      case 'body_too_large':
        return 'Ce message est trop long.';
      case 'invalid_request':
        return 'Le serveur n’a pas accepté ce message.';
      case 'token_unavailable':
      case 'token_missing':
      case 'token_expired':
        return 'Votre session a pris fin. Rechargez la page pour continuer.';
      default:
        return code.startsWith('token_') ? 'Votre connexion à Mutual a échoué.' : 'Une erreur s’est produite sur le serveur.';
    }
  },
  newPosts: (count) =>
    plurals.select(count) === 'one'
      ? `${numbers.format(count)} nouvelle publication`
      : `${numbers.format(count)} nouvelles publications`,
  mentionHint: 'Tapez @ pour mentionner quelqu’un.',
  mentionSuggestions: 'Personnes à mentionner',
  mentionTitle: (id, organisation) => `${id} (${organisation})`,
  invisibleCharacter: (code) => `Caractère invisible ${code}`,
  linkGoesTo: (destination) => `Ce lien mène à ${destination}`,
  notifications: 'Notifications',
};
