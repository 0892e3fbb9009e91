import { z } from 'zod';
import { DomainSchema } from './person.js';

/** A company taking part; it runs one Mutual server, reachable at `origin`. */
export const OrganisationSchema = z
  .object({
    domain: DomainSchema,
    name: z.string().min(1).max(120),
    origin: z.url({ protocol: /^https?$/ }),
  })
  .meta({ id: 'Organisation' });

export type Organisation = z.infer<typeof OrganisationSchema>;
