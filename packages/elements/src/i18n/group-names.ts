import type { Group } from '@mutual/protocol';
import type { Catalogs, Locale } from './locale-controller.js';

/** The names the UI gives to the standard groups of an evaluation (DESIGN.md, "French and English names"). */
export interface GroupNames {
  plan: string;
  steering: string;
  internal: string;
  /** By workstream slug; custom workstreams keep the name they were given. */
  workstreams: Record<string, string>;
}

export const groupNameCatalogs: Catalogs<GroupNames> = {
  en: {
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
  fr: {
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
};

function standardName(names: GroupNames, group: Pick<Group, 'kind' | 'workstream'>): string | undefined {
  switch (group.kind) {
    case 'plan':
    case 'steering':
    case 'internal':
      return names[group.kind];
    case 'workstream':
      return group.workstream ? names.workstreams[group.workstream] : undefined;
  }
}

/**
 * The name to show for a group in `locale`. A standard group still under its standard (English)
 * name is translated; a group someone renamed keeps the name they gave it.
 */
export function groupDisplayName(group: Pick<Group, 'kind' | 'workstream' | 'name'>, locale: Locale): string {
  const english = standardName(groupNameCatalogs.en, group);
  if (english === undefined || group.name !== english) return group.name;
  return standardName(groupNameCatalogs[locale], group) ?? group.name;
}
