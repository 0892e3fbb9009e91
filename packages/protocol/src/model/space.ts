import { z } from 'zod';
import { DateOnlySchema, IdSchema } from './ids.js';
import { DomainSchema } from './person.js';

export const SPACE_STAGES = ['discovery', 'evaluation', 'proposal', 'negotiation', 'won', 'lost'] as const;
export const SpaceStageSchema = z.enum(SPACE_STAGES).meta({ id: 'SpaceStage' });
export type SpaceStage = z.infer<typeof SpaceStageSchema>;

/** One evaluation: one opportunity between a seller and a buyer. */
export const SpaceSchema = z
  .object({
    id: IdSchema,
    name: z.string().min(1).max(160),
    seller: DomainSchema,
    buyer: DomainSchema,
    decisionDate: DateOnlySchema.optional(),
    stage: SpaceStageSchema,
  })
  .meta({ id: 'Space' });

export type Space = z.infer<typeof SpaceSchema>;
