import { z } from 'zod';

/**
 * An organisation's domain: the name its people's ids end with (`seller.example`).
 * Lower case, no trailing dot, no port, ASCII only (IDN look-alikes must arrive as punycode).
 */
export const DomainSchema = z
  .string()
  .min(1)
  .max(253)
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/, {
    message: 'a lower-case DNS name without port or trailing dot',
  })
  .meta({ id: 'Domain', example: 'seller.example' });

/** A person: `name@domain`, where domain is their organisation's. */
export const PersonIdSchema = z
  .string()
  .max(320)
  .regex(/^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?@[^@]+$/, { message: 'name@domain, lower case' })
  .refine((id) => DomainSchema.safeParse(id.slice(id.indexOf('@') + 1)).success, {
    message: 'the part after @ must be an organisation domain',
  })
  .meta({ id: 'PersonId', example: 'alice@seller.example' });

export type Domain = z.infer<typeof DomainSchema>;
export type PersonId = z.infer<typeof PersonIdSchema>;

/** The organisation domain a person belongs to. */
export function domainOf(person: PersonId): Domain {
  return person.slice(person.indexOf('@') + 1);
}

export const PersonSchema = z
  .object({
    id: PersonIdSchema,
    name: z.string().min(1).max(120),
    /** Job title as the person's organisation states it, e.g. "Head of operations". */
    title: z.string().max(120).optional(),
    organisation: DomainSchema,
  })
  .meta({ id: 'Person' });

export type Person = z.infer<typeof PersonSchema>;
