import type { NotificationLocale } from './tables.js';

/** Everything a notification e-mail says, in each language Mutual speaks. */
export interface NotificationStrings {
  mentionSubject: (author: string, group: string) => string;
  mentionLead: (author: string, group: string, space: string) => string;
  assignedSubject: (task: string) => string;
  assignedLead: (author: string, task: string, group: string, space: string) => string;
  dueSubject: (task: string) => string;
  dueLead: (task: string, date: string, group: string, space: string) => string;
  overdueSubject: (task: string) => string;
  overdueLead: (task: string, date: string, group: string, space: string) => string;
  digestSubject: (count: number) => string;
  digestLead: string;
  forYou: string;
  open: string;
  more: (count: number) => string;
  footer: string;
  /** One line of the digest per kind of change. */
  change: {
    post: (author: string, excerpt: string) => string;
    reply: (author: string, excerpt: string) => string;
    taskCreated: (author: string, task: string) => string;
    taskUpdated: (author: string, task: string, what: string) => string;
    milestoneSet: (author: string, milestone: string, date: string) => string;
    memberAdded: (person: string) => string;
    memberRemoved: (person: string) => string;
    groupRenamed: (name: string) => string;
    agreementProposed: (author: string, title: string) => string;
    agreementCountersigned: (author: string, title: string) => string;
  };
  fields: { title: string; owner: string; due: string; status: string; deliverable: string; workstream: string };
  statuses: Record<string, string>;
  groups: { plan: string; steering: string; internal: string; workstreams: Record<string, string> };
  calendar: { name: (space: string) => string; decision: (space: string) => string; task: (task: string) => string; milestone: (title: string) => string };
}

export const notificationStrings: Record<NotificationLocale, NotificationStrings> = {
  en: {
    mentionSubject: (author, group) => `${author} mentioned you in ${group}`,
    mentionLead: (author, group, space) => `${author} mentioned you in ${group} (${space}):`,
    assignedSubject: (task) => `New task for you: ${task}`,
    assignedLead: (author, task, group, space) => `${author} made you the owner of “${task}” in ${group} (${space}).`,
    dueSubject: (task) => `Due today: ${task}`,
    dueLead: (task, date, group, space) => `Your task “${task}” in ${group} (${space}) is due today, ${date}.`,
    overdueSubject: (task) => `Overdue: ${task}`,
    overdueLead: (task, date, group, space) => `Your task “${task}” in ${group} (${space}) was due on ${date} and is not done.`,
    digestSubject: (count) => `Mutual: ${count} ${count === 1 ? 'change' : 'changes'} in your evaluations`,
    digestLead: 'What changed since the last digest, newest first.',
    forYou: 'For you',
    open: 'Open',
    more: (count) => `…and ${count} more`,
    footer: 'You receive this because of your Mutual notification settings; change them in the notification settings of your intranet or portal.',
    change: {
      post: (author, excerpt) => `${author} posted: “${excerpt}”`,
      reply: (author, excerpt) => `${author} replied: “${excerpt}”`,
      taskCreated: (author, task) => `${author} added the task “${task}”`,
      taskUpdated: (author, task, what) => `${author} changed the task “${task}”: ${what}`,
      milestoneSet: (author, milestone, date) => `${author} set the milestone “${milestone}” (${date})`,
      memberAdded: (person) => `${person} joined the group`,
      memberRemoved: (person) => `${person} left the group`,
      groupRenamed: (name) => `The group is now called “${name}”`,
      agreementProposed: (author, title) => `${author} proposed “${title}”`,
      agreementCountersigned: (author, title) => `${author} countersigned “${title}”`,
    },
    fields: { title: 'title', owner: 'owner', due: 'due date', status: 'status', deliverable: 'deliverable', workstream: 'workstream' },
    statuses: { todo: 'to do', doing: 'in progress', blocked: 'blocked', done: 'done' },
    groups: {
      plan: 'Overall plan',
      steering: 'Steering',
      internal: 'Internal',
      workstreams: {
        proof: 'Proof',
        implementation: 'Implementation plan',
        'success-criteria': 'Success criteria',
        'business-case': 'Business case',
        contract: 'Contract & terms',
      },
    },
    calendar: {
      name: (space) => `Mutual: ${space}`,
      decision: (space) => `Decision date: ${space}`,
      task: (task) => `Due: ${task}`,
      milestone: (title) => `Milestone: ${title}`,
    },
  },
  fr: {
    mentionSubject: (author, group) => `${author} vous a mentionné dans ${group}`,
    mentionLead: (author, group, space) => `${author} vous a mentionné dans ${group} (${space}) :`,
    assignedSubject: (task) => `Nouvelle tâche pour vous : ${task}`,
    assignedLead: (author, task, group, space) => `${author} vous a confié « ${task} » dans ${group} (${space}).`,
    dueSubject: (task) => `Échéance aujourd’hui : ${task}`,
    dueLead: (task, date, group, space) => `Votre tâche « ${task} » dans ${group} (${space}) arrive à échéance aujourd’hui, le ${date}.`,
    overdueSubject: (task) => `En retard : ${task}`,
    overdueLead: (task, date, group, space) => `Votre tâche « ${task} » dans ${group} (${space}) était due le ${date} et n’est pas terminée.`,
    digestSubject: (count) => `Mutual : ${count} ${count === 1 ? 'nouveauté' : 'nouveautés'} dans vos évaluations`,
    digestLead: 'Ce qui a changé depuis le dernier résumé, du plus récent au plus ancien.',
    forYou: 'Pour vous',
    open: 'Ouvrir',
    more: (count) => `…et ${count} de plus`,
    footer: 'Vous recevez ce message selon vos préférences de notification Mutual ; modifiez-les dans les préférences de notification de votre intranet ou portail.',
    change: {
      post: (author, excerpt) => `${author} a publié : « ${excerpt} »`,
      reply: (author, excerpt) => `${author} a répondu : « ${excerpt} »`,
      taskCreated: (author, task) => `${author} a ajouté la tâche « ${task} »`,
      taskUpdated: (author, task, what) => `${author} a modifié la tâche « ${task} » : ${what}`,
      milestoneSet: (author, milestone, date) => `${author} a fixé le jalon « ${milestone} » (${date})`,
      memberAdded: (person) => `${person} a rejoint le groupe`,
      memberRemoved: (person) => `${person} a quitté le groupe`,
      groupRenamed: (name) => `Le groupe s’appelle désormais « ${name} »`,
      agreementProposed: (author, title) => `${author} a proposé « ${title} »`,
      agreementCountersigned: (author, title) => `${author} a contresigné « ${title} »`,
    },
    fields: { title: 'titre', owner: 'responsable', due: 'échéance', status: 'statut', deliverable: 'livrable', workstream: 'chantier' },
    statuses: { todo: 'à faire', doing: 'en cours', blocked: 'bloquée', done: 'terminée' },
    groups: {
      plan: 'Planning d’ensemble',
      steering: 'Pilotage de l’évaluation',
      internal: 'Interne',
      workstreams: {
        proof: 'Preuve',
        implementation: 'Plan de mise en œuvre',
        'success-criteria': 'Indicateurs de succès',
        'business-case': 'Justification économique',
        contract: 'Contrats et conditions',
      },
    },
    calendar: {
      name: (space) => `Mutual : ${space}`,
      decision: (space) => `Date de décision : ${space}`,
      task: (task) => `Échéance : ${task}`,
      milestone: (title) => `Jalon : ${title}`,
    },
  },
};

/** A group's name as the person's language says it (standard groups are translated). */
export function groupName(strings: NotificationStrings, group: { kind: string; workstream?: string | null | undefined; name: string }): string {
  if (group.kind === 'plan') return strings.groups.plan;
  if (group.kind === 'steering') return strings.groups.steering;
  if (group.kind === 'internal') return strings.groups.internal;
  if (group.kind === 'workstream' && group.workstream && strings.groups.workstreams[group.workstream]) {
    // A renamed workstream keeps its own name.
    const english = notificationStrings.en.groups.workstreams[group.workstream];
    return group.name === english ? strings.groups.workstreams[group.workstream]! : group.name;
  }
  return group.name;
}

/** `2027-03-31` as the person reads a date. */
export function formatDate(locale: NotificationLocale, date: string): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(parsed);
}

/** The first words of a post, on one line. */
export function excerpt(text: string, max = 160): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
