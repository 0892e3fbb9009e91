// The board's French strings: a chunk of its own, loaded only where a widget shows French.
import type { BoardStrings } from './strings.js';

const pluriel = (count: number, one: string, other: string) => `${count} ${count <= 1 ? one : other}`;

export const fr: BoardStrings = {
  locale: 'fr',
  title: 'Plan d’action mutuel',
  liveStatus: { connecting: 'Connexion…', open: 'En direct', reconnecting: 'Reconnexion…', closed: 'Hors ligne' },
  status: { todo: 'À faire', doing: 'En cours', blocked: 'Bloqué', done: 'Terminé' },
  connecting: 'Connexion…',
  loading: 'Chargement du plan…',
  loadFailed: 'Le plan n’a pas pu être chargé.',
  tryAgain: 'Réessayer',
  empty: 'Le plan ne compte encore aucune étape. Ajoutez la première\u00a0: qui fait quoi, pour quand.',
  noMatch: 'Aucune tâche ne correspond à ces filtres.',
  clearFilters: 'Effacer les filtres',
  newTask: 'Nouvelle tâche',
  addTaskTo: (lane) => `Ajouter une tâche dans «\u00a0${lane}\u00a0»`,
  filtersLabel: 'Filtres',
  filterMine: 'Les miennes',
  filterOverdue: 'En retard',
  filterOrganisation: 'Organisation',
  allOrganisations: 'Toutes les organisations',
  organisationOption: (domain, mine) => (mine ? `${domain} (la vôtre)` : domain),
  filterWorkstream: 'Chantier',
  allWorkstreams: 'Tous les chantiers',
  shown: (shown, total) =>
    shown === total ? pluriel(total, 'tâche', 'tâches') : `${shown} sur ${pluriel(total, 'tâche', 'tâches')}`,
  boardLabel: 'Tâches par chantier et par statut',
  cellLabel: (lane, status, count) => `${lane}, ${status}\u00a0: ${pluriel(count, 'tâche', 'tâches')}`,
  taskCount: (count) => pluriel(count, 'tâche', 'tâches'),
  instructions:
    'Appuyez sur Entrée pour modifier une tâche. Pour la déplacer, appuyez sur Espace, choisissez son statut et son chantier avec les flèches, puis appuyez de nouveau sur Espace pour la déposer ou sur Échap pour annuler.',
  noOwner: 'Sans responsable',
  owner: 'Responsable\u00a0:',
  external: 'Externe',
  externalDescription: (organisation) => `D’une autre organisation\u00a0: ${organisation}`,
  due: 'Échéance\u00a0:',
  overdue: 'En retard',
  overdueBy: (days) => `En retard de ${pluriel(days, 'jour', 'jours')}`,
  deliverable: 'Livrable\u00a0:',
  visibleTo: (group) => `Uniquement dans ${group}`,
  saving: 'Enregistrement…',
  queued: (home) =>
    home ? `En attente pour ${home} — apparaîtra une fois transmis.` : 'En attente — apparaîtra une fois transmis.',
  pickedUp: (task, lane, status) =>
    `Tâche «\u00a0${task}\u00a0» saisie, dans ${lane}, ${status}. Les flèches la déplacent, Espace la dépose, Échap annule.`,
  over: (lane, status) => `${lane}, ${status}.`,
  moved: (task, lane, status) => `Tâche «\u00a0${task}\u00a0» déplacée vers ${lane}, ${status}.`,
  unchanged: (task) => `Tâche «\u00a0${task}\u00a0» remise à sa place.`,
  cancelled: (task, lane, status) => `Déplacement annulé. La tâche «\u00a0${task}\u00a0» est revenue dans ${lane}, ${status}.`,
  vetoed: (task) => `La tâche «\u00a0${task}\u00a0» ne peut pas être déplacée ici.`,
  moveFailed: (task) => `La tâche «\u00a0${task}\u00a0» n’a pas pu être déplacée et a repris sa place.`,
  changeRefused: (task, home) => `${home ?? 'Le serveur d’origine du groupe'} a refusé la modification de «\u00a0${task}\u00a0»\u00a0: elle est annulée.`,
  earlierChangeRefused: (task, home) => `${home ?? 'Le serveur d’origine du groupe'} a refusé une modification antérieure de «\u00a0${task}\u00a0».`,
  newTaskRefused: (task, home) => `${home ?? 'Le serveur d’origine du groupe'} a refusé la nouvelle tâche «\u00a0${task}\u00a0».`,
  dismiss: 'Fermer',
  created: (task) => `Tâche créée\u00a0: «\u00a0${task}\u00a0».`,
  updated: (task) => `Tâche enregistrée\u00a0: «\u00a0${task}\u00a0».`,
  liveCreated: (author, organisation, task) => `${author}, ${organisation}, a ajouté «\u00a0${task}\u00a0».`,
  liveMoved: (author, organisation, task, status) =>
    `${author}, ${organisation}, a passé «\u00a0${task}\u00a0» à l’état «\u00a0${status}\u00a0».`,
  liveUpdated: (author, organisation, task) => `${author}, ${organisation}, a modifié «\u00a0${task}\u00a0».`,
  dialogCreate: 'Nouvelle tâche',
  dialogEdit: 'Modifier la tâche',
  fields: {
    title: 'Intitulé',
    group: 'Groupe',
    workstream: 'Chantier',
    owner: 'Responsable',
    due: 'Échéance',
    status: 'Statut',
    deliverable: 'Livrable',
  },
  groupHint: 'Seuls les membres de ce groupe verront la tâche.',
  ownerOption: (name, organisation, external) => `${name} — ${organisation}${external ? ' (externe)' : ''}`,
  requiredMark: '(obligatoire)',
  create: 'Créer la tâche',
  save: 'Enregistrer',
  cancel: 'Annuler',
  savingChanges: 'Enregistrement…',
  saveFailed: 'La tâche n’a pas pu être enregistrée.',
  problem: (field, problem) => {
    switch (problem) {
      case 'required':
        return `Le champ «\u00a0${field}\u00a0» est obligatoire.`;
      case 'too-long':
        return `Le champ «\u00a0${field}\u00a0» est trop long.`;
      case 'invalid-date':
        return 'Saisissez une date, par exemple 2027-03-31.';
    }
  },
  timelineTitle: 'Jalons jusqu’à la décision',
  today: 'Aujourd’hui',
  decision: (date) => `Décision\u00a0: ${date}`,
  daysToDecision: (days) =>
    days > 0 ? `dans ${pluriel(days, 'jour', 'jours')}` : days === 0 ? 'aujourd’hui' : `il y a ${pluriel(-days, 'jour', 'jours')}`,
  noDecisionDate: 'Pas de date de décision',
  noMilestones: 'Aucun jalon pour l’instant.',
  milestoneState: { done: 'atteint', late: 'en retard', upcoming: 'à venir' },
  afterDecision: 'après la date de décision',
  longPlan: (open) =>
    `Ce plan compte ${open} étapes ouvertes. Les plans trop longs ont tendance à déraper\u00a0: pensez à regrouper les étapes proches en quelques étapes plus larges.`,
  errorMessage: (code) => {
    switch (code) {
      case 'not_a_member':
      case 'forbidden':
        return 'Vous ne pouvez pas modifier les tâches de ce groupe.';
      case 'not_found':
        return 'Cette tâche n’existe plus.';
      case 'network_error':
        return 'Le serveur est injoignable. Vérifiez votre connexion.';
      case 'invalid_request':
        return 'Le serveur n’a pas accepté cette modification.';
      case 'token_unavailable':
      case 'token_missing':
      case 'token_expired':
        return 'Votre session a pris fin. Rechargez la page pour continuer.';
      default:
        return code.startsWith('token_')
          ? 'Votre connexion à Mutual a échoué.'
          : 'Une erreur s’est produite sur le serveur.';
    }
  },
  loadErrorMessage: (code) => {
    switch (code) {
      case 'not_a_member':
      case 'forbidden':
        return 'Vous ne faites partie d’aucun groupe de cette évaluation.';
      case 'not_found':
        return 'Cette évaluation n’existe pas.';
      default:
        return fr.errorMessage(code);
    }
  },
};
