import type { Clock } from '@mutual/protocol';
import type { EmbedAuthVariables } from '../auth/embed-auth.js';
import type { ResolvedConfig } from '../config/config.js';
import type { LiveHub } from '../live/hub.js';
import type { EventWriter } from '../log/event-writer.js';
import type { Store } from '../store/store.js';

/** What every route handler can reach. */
export interface AppDeps {
  config: ResolvedConfig;
  store: Store;
  hub: LiveHub;
  writer: EventWriter;
  clock: Clock;
}

export type AppEnv = { Variables: EmbedAuthVariables };
