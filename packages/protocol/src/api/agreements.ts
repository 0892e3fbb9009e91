import { z } from 'zod';
import { IdSchema } from '../model/ids.js';

export const NewAgreementSchema = z
  .object({
    kind: z.enum(['milestone', 'success-criterion']),
    title: z.string().trim().min(1).max(200),
    date: z.iso.date().optional(),
    measure: z.string().max(500).optional(),
  })
  .meta({ id: 'NewAgreement' });
export type NewAgreement = z.infer<typeof NewAgreementSchema>;

const Signature = z.object({ by: z.string(), signature: z.string() });

/** A milestone or success criterion both organisations signed (or one has, so far). */
export const AgreementSchema = z
  .object({
    id: IdSchema,
    group: IdSchema,
    kind: z.enum(['milestone', 'success-criterion']),
    title: z.string(),
    date: z.string().optional(),
    measure: z.string().optional(),
    parties: z.array(z.string()),
    signatures: z.array(Signature),
    /** Both parties have signed exactly these terms, and both signatures verify here. */
    committed: z.boolean(),
  })
  .meta({ id: 'Agreement' });
export type AgreementView = z.infer<typeof AgreementSchema>;

export const AgreementListSchema = z.object({ agreements: z.array(AgreementSchema) }).meta({ id: 'AgreementList' });
