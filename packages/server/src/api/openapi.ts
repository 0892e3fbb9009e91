import { ProblemSchema, QueuedWriteSchema } from '@mutual/protocol';
import type { z } from 'zod';

/** Small helpers so each route reads as what it takes and gives. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

export const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

const problem = (description: string) => ({
  content: { 'application/problem+json': { schema: ProblemSchema } },
  description,
});

/** Answers every authenticated route may give besides its own. */
export const problems = {
  400: problem('The request does not match its schema (`invalid_request`).'),
  401: problem('No embed token, or one that fails a check (`token_*`).'),
  403: problem('The caller is not a member of the group (`not_a_member`) or may not write (`forbidden`).'),
  404: problem('No such post, task or milestone in this group (`not_found`).'),
  409: problem('The change conflicts with the current state (`conflict`).'),
  413: problem('The body is larger than allowed (`body_too_large`).'),
} as const;

export const security = [{ embedToken: [] }];

/** The answer to a write in a group homed on another organisation's server. */
export const queued = {
  202: json(QueuedWriteSchema, "Accepted: queued durably for the group's home server; it arrives on the live stream once placed."),
};
