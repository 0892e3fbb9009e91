import { randomUUID } from 'node:crypto';

/** This server process, among the several that may share one PostgreSQL. */
export const PROCESS_ID = randomUUID();
