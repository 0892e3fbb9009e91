import { z } from 'zod';
import { GroupSchema, RoleSchema } from '../model/group.js';
import { OrganisationSchema } from '../model/organisation.js';
import { PersonSchema } from '../model/person.js';
import { SpaceSchema } from '../model/space.js';

/** A group as one of its members sees it, with the reader's own role. */
export const MyGroupSchema = GroupSchema.extend({ role: RoleSchema }).meta({ id: 'MyGroup' });
export type MyGroup = z.infer<typeof MyGroupSchema>;

/** A space with only the groups the reader belongs to. */
export const MySpaceSchema = SpaceSchema.extend({ groups: z.array(MyGroupSchema) }).meta({ id: 'MySpace' });
export type MySpace = z.infer<typeof MySpaceSchema>;

export const MySpacesSchema = z.object({ spaces: z.array(MySpaceSchema) }).meta({ id: 'MySpaces' });
export type MySpaces = z.infer<typeof MySpacesSchema>;

export const MeSchema = z
  .object({ person: PersonSchema, organisation: OrganisationSchema })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof MeSchema>;

/** A member of a group, with their role in it. */
export const GroupMemberSchema = PersonSchema.extend({ role: RoleSchema }).meta({ id: 'GroupMember' });
export type GroupMember = z.infer<typeof GroupMemberSchema>;

export const GroupMembersSchema = z
  .object({ members: z.array(GroupMemberSchema) })
  .meta({ id: 'GroupMembers' });
export type GroupMembers = z.infer<typeof GroupMembersSchema>;
