// The cockpit's French strings: a chunk of its own, loaded only where a widget shows French.
import type { CockpitStrings } from './strings.js';

// Intl directly rather than ./format.js: this chunk imports nothing at run time, so the entry stays
// one file.
const numbers = new Intl.NumberFormat('fr', { maximumFractionDigits: 0 });
const plurals = new Intl.PluralRules('fr');
const n = (value: number, _locale: 'fr') => numbers.format(value);
const one = (value: number, _locale: 'fr') => plurals.select(value) === 'one';

/** French typography: a narrow no-break space before `:`. */
const NNBSP = '\u202f';

export const fr: CockpitStrings = {
  locale: 'fr',
  title: 'Cockpit du décideur',
  liveStatus: {
    connecting: 'Connexion…',
    open: 'En direct',
    reconnecting: 'Reconnexion…',
    closed: 'Hors ligne',
  },
  countdown: (days) => {
    if (days === undefined) return { value: undefined, label: 'Aucune date de décision fixée' };
    if (days === 0) return { value: undefined, label: 'Décision attendue aujourd’hui' };
    const count = Math.abs(days);
    const unit = one(count, 'fr') ? 'jour' : 'jours';
    return { value: n(count, 'fr'), label: days > 0 ? `${unit} avant la décision` : `${unit} après la date de décision` };
  },
  decisionDate: (date) => `Date de décision${NNBSP}: ${date}`,

  workstreamsHeading: 'Avancement par chantier',
  workstreamNames: {
    plan: 'Planning d’ensemble',
    proof: 'Preuve',
    implementation: 'Plan de mise en œuvre',
    'success-criteria': 'Indicateurs de succès',
    'business-case': 'Justification économique',
    contract: 'Contrats et conditions',
  },
  progressText: (done, total) => `${n(done, 'fr')} sur ${n(total, 'fr')} ${one(done, 'fr') ? 'terminée' : 'terminées'}`,
  blockedCount: (count) => `${n(count, 'fr')} ${one(count, 'fr') ? 'bloquée' : 'bloquées'}`,
  overdueCount: (count) => `${n(count, 'fr')} en retard`,
  risk: { 'on-track': 'En bonne voie', 'at-risk': 'À risque', 'off-track': 'Hors trajectoire' },
  empty: 'Pas encore de tâches. L’avancement s’affichera ici dès que le plan en comptera.',

  overdueHeading: 'Tâches en retard',
  blockedHeading: 'Tâches bloquées',
  noOverdue: 'Aucune tâche en retard.',
  noBlocked: 'Aucune tâche bloquée.',
  due: (date) => `Échéance${NNBSP}: ${date}`,
  dueLate: (date) => `En retard, échéance${NNBSP}: ${date}`,
  noDue: 'Sans échéance',
  noOwner: 'Sans responsable',
  ownerLabel: `Responsable${NNBSP}:`,
  external: 'Externe',
  externalDescription: (organisation) => `D’une autre organisation${NNBSP}: ${organisation}`,

  milestonesHeading: 'Prochains jalons',
  noMilestones: 'Aucun jalon à venir.',
  waitingOn: 'En attente de',
  nothingWaiting: 'Plus rien en attente.',
  showMore: (count) => `Afficher ${n(count, 'fr')} de plus`,
  showFewer: 'Afficher moins',
  notListed: (count) => `Et ${n(count, 'fr')} de plus dans le plan.`,

  peopleHeading: (days) => `Participation sur les ${n(days, 'fr')} derniers jours`,
  participationNote:
    'Ne compte que les messages et les modifications de tâches dans vos groupes communs — ni les réunions, ni les appels, ni le travail fait ailleurs.',
  engagedHeading: 'Actifs',
  silentHeading: 'Silencieux',
  noEngaged: 'Personne n’a publié ni modifié de tâche.',
  noSilent: 'Tout le monde a participé.',
  activity: (posts, taskChanges) =>
    `${n(posts, 'fr')} ${one(posts, 'fr') ? 'message' : 'messages'} · ${n(taskChanges, 'fr')} ${one(taskChanges, 'fr') ? 'modification de tâche' : 'modifications de tâches'}`,
  lastActive: (relative) => `dernière activité ${relative}`,

  decisionsHeading: 'Décisions récentes',
  noDecisions: 'Aucune décision enregistrée pour l’instant.',
  agreementKind: { milestone: 'Jalon', 'success-criterion': 'Indicateur de succès' },
  signedByBoth: 'Signé par les deux parties',
  notYetSigned: 'Pas encore signé par les deux parties',

  connecting: 'Connexion…',
  loading: 'Chargement des indicateurs…',
  loadFailed: 'Les indicateurs n’ont pas pu être chargés.',
  refreshFailed: 'Les indicateurs n’ont pas pu être mis à jour\u202f; voici les derniers reçus.',
  tryAgain: 'Réessayer',
  forbiddenTitle: 'Ce cockpit est réservé au groupe de pilotage',
  forbiddenBody:
    'Il présente les indicateurs de l’évaluation aux membres de son groupe «\u00a0Pilotage de l’évaluation\u00a0». Si vous devriez les voir, demandez au responsable de l’évaluation de vous y ajouter.',
  notAMember: 'Vous n’êtes pas membre de cette évaluation.',
  errorMessage: (code) => {
    switch (code) {
      case 'network_error':
        return 'Le serveur est injoignable. Vérifiez votre connexion.';
      case 'not_found':
        return 'Cette évaluation n’existe pas.';
      case 'token_unavailable':
      case 'token_missing':
      case 'token_expired':
        return 'Votre session a pris fin. Rechargez la page pour continuer.';
      default:
        return code.startsWith('token_')
          ? 'Vous n’avez pas pu être connecté à Mutual.'
          : 'Une erreur s’est produite sur le serveur.';
    }
  },
};
