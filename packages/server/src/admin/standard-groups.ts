import type { GroupKind } from '@mutual/protocol';

export interface GroupTemplate {
  slug: string;
  kind: GroupKind;
  workstream?: string;
  name: string;
}

/** The groups every new space starts with; the widgets translate names by kind and workstream. */
export const STANDARD_GROUPS: readonly GroupTemplate[] = [
  { slug: 'plan', kind: 'plan', name: 'Overall plan' },
  { slug: 'steering', kind: 'steering', name: 'Steering' },
  { slug: 'proof', kind: 'workstream', workstream: 'proof', name: 'Proof' },
  { slug: 'implementation', kind: 'workstream', workstream: 'implementation', name: 'Implementation plan' },
  { slug: 'success-criteria', kind: 'workstream', workstream: 'success-criteria', name: 'Success criteria' },
  { slug: 'business-case', kind: 'workstream', workstream: 'business-case', name: 'Business case' },
  { slug: 'contract', kind: 'workstream', workstream: 'contract', name: 'Contract & terms' },
  { slug: 'internal', kind: 'internal', name: 'Internal' },
];
