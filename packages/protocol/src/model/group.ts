import { z } from 'zod';
import { IdSchema } from './ids.js';
import { DomainSchema, PersonIdSchema } from './person.js';

export const GROUP_KINDS = ['plan', 'steering', 'workstream', 'internal'] as const;
export const GroupKindSchema = z.enum(GROUP_KINDS).meta({ id: 'GroupKind' });
export type GroupKind = z.infer<typeof GroupKindSchema>;

/** The standard workstreams; a space may add custom ones (any slug). */
export const STANDARD_WORKSTREAMS = [
  'proof',
  'implementation',
  'success-criteria',
  'business-case',
  'contract',
] as const;
export type StandardWorkstream = (typeof STANDARD_WORKSTREAMS)[number];

/**
 * Workstreams in the order of an evaluation: the overall plan (`'plan'`, the lane of tasks in no
 * workstream), the standard workstreams in the order above, then any other by name. The board's
 * lanes (`lanesOf` in the elements, which bundle no protocol code), the cockpit's figures and the
 * example hosts' tabs all follow it.
 */
export function compareWorkstreams(a: string, b: string): number {
  const rank = (workstream: string) => {
    if (workstream === 'plan') return -1;
    const index = (STANDARD_WORKSTREAMS as readonly string[]).indexOf(workstream);
    return index === -1 ? STANDARD_WORKSTREAMS.length : index;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

export const WorkstreamSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'a lower-case slug' })
  .meta({ id: 'Workstream', example: 'proof' });

export const GroupSchema = z
  .object({
    id: IdSchema,
    space: IdSchema,
    kind: GroupKindSchema,
    /** Set for workstream groups only. */
    workstream: WorkstreamSchema.optional(),
    name: z.string().min(1).max(120),
    /** The organisation whose server created the group and orders its events. */
    home: DomainSchema,
  })
  .meta({ id: 'Group' });

export type Group = z.infer<typeof GroupSchema>;

export const ROLES = ['lead', 'member', 'observer'] as const;
export const RoleSchema = z.enum(ROLES).meta({ id: 'Role' });
export type Role = z.infer<typeof RoleSchema>;

export const MembershipSchema = z
  .object({ group: IdSchema, person: PersonIdSchema, role: RoleSchema })
  .meta({ id: 'Membership' });

export type Membership = z.infer<typeof MembershipSchema>;

/** Observers read; leads and members write. */
export function canWrite(role: Role): boolean {
  return role !== 'observer';
}
