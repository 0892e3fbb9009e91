import { createContext } from '@lit/context';
import type { MutualConnection } from './connection.js';

/**
 * The connection `<mutual-space>` provides to the widgets inside it. Keyed by a global symbol so
 * that two copies of this bundle on one page still find each other's space.
 */
export const connectionContext = createContext<MutualConnection | undefined>(Symbol.for('mutual-connection'));
