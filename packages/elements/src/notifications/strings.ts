import type { Catalogs } from '../i18n/locale-controller.js';

export type NotificationModeName = 'immediate' | 'daily' | 'off';

export interface NotificationSettingsStrings {
  title: string;
  modesLegend: string;
  modes: Record<NotificationModeName, { label: string; hint: string }>;
  language: string;
  languages: { en: string; fr: string };
  sentTo: (email: string) => string;
  noEmail: string;
  saving: string;
  saved: string;
  loading: string;
  failed: string;
  retry: string;
  calendarTitle: string;
  calendarHint: string;
  calendarActive: (date: string) => string;
  calendarCreate: string;
  calendarReplace: string;
  calendarRevoke: string;
  calendarRevoked: string;
  calendarUrl: string;
  calendarCopyHint: string;
}

/** Small enough to ship both languages in the element's own bundle. */
export const notificationSettingsCatalogs: Catalogs<NotificationSettingsStrings> = {
  en: {
    title: 'E-mail notifications',
    modesLegend: 'Send me e-mails',
    modes: {
      immediate: { label: 'Right away', hint: 'When I am mentioned, given a task, or a task of mine is due — plus a daily digest.' },
      daily: { label: 'Once a day', hint: 'Everything in one daily digest.' },
      off: { label: 'Never', hint: 'No e-mail from Mutual.' },
    },
    language: 'Language of my e-mails and calendar',
    languages: { en: 'English', fr: 'Français' },
    sentTo: (email) => `Sent to ${email}, the address your organisation gave.`,
    noEmail: 'Your organisation has not given Mutual an e-mail address for you yet: nothing is sent until it does.',
    saving: 'Saving…',
    saved: 'Saved.',
    loading: 'Loading your settings…',
    failed: 'Your settings could not be loaded or saved.',
    retry: 'Try again',
    calendarTitle: 'Calendar',
    calendarHint: 'Subscribe to your due dates, milestones and decision dates in your calendar app. The link is private: anyone who has it can read that calendar, so keep it to yourself and revoke it if it leaks.',
    calendarActive: (date) => `You have a calendar link, made on ${date}.`,
    calendarCreate: 'Create my calendar link',
    calendarReplace: 'Replace my calendar link',
    calendarRevoke: 'Revoke my calendar link',
    calendarRevoked: 'Your calendar link is revoked.',
    calendarUrl: 'Your private calendar link',
    calendarCopyHint: 'Copy it now into your calendar app: it is shown only once.',
  },
  fr: {
    title: 'Notifications par e-mail',
    modesLegend: 'M’envoyer des e-mails',
    modes: {
      immediate: { label: 'Immédiatement', hint: 'Quand on me mentionne, me confie une tâche ou qu’une de mes tâches arrive à échéance — et un résumé quotidien.' },
      daily: { label: 'Une fois par jour', hint: 'Tout dans un résumé quotidien.' },
      off: { label: 'Jamais', hint: 'Aucun e-mail de Mutual.' },
    },
    language: 'Langue de mes e-mails et de mon agenda',
    languages: { en: 'English', fr: 'Français' },
    sentTo: (email) => `Envoyés à ${email}, l’adresse donnée par votre organisation.`,
    noEmail: 'Votre organisation n’a pas encore donné d’adresse e-mail à Mutual pour vous\u202f: rien n’est envoyé d’ici là.',
    saving: 'Enregistrement…',
    saved: 'Enregistré.',
    loading: 'Chargement de vos préférences…',
    failed: 'Vos préférences n’ont pas pu être chargées ou enregistrées.',
    retry: 'Réessayer',
    calendarTitle: 'Agenda',
    calendarHint: 'Abonnez votre agenda à vos échéances, jalons et dates de décision. Le lien est privé\u202f: quiconque le possède peut lire cet agenda\u202f; gardez-le pour vous et révoquez-le s’il fuite.',
    calendarActive: (date) => `Vous avez un lien d’agenda, créé le ${date}.`,
    calendarCreate: 'Créer mon lien d’agenda',
    calendarReplace: 'Remplacer mon lien d’agenda',
    calendarRevoke: 'Révoquer mon lien d’agenda',
    calendarRevoked: 'Votre lien d’agenda est révoqué.',
    calendarUrl: 'Votre lien d’agenda privé',
    calendarCopyHint: 'Copiez-le maintenant dans votre agenda\u202f: il n’est affiché qu’une fois.',
  },
};
