/**
 * Mutual's web components, as one module for a host page:
 * `<script type="module" src=".../mutual-elements.js">` defines every tag.
 */
import './space/space.define.js';
import './feed/feed.define.js';
import './board/board.define.js';
import './cockpit/cockpit.define.js';

export { MutualSpace } from './space/space.js';
export { MutualGroupFeed } from './feed/feed.js';
export { MutualWorkstreamBoard } from './board/board.js';
export { MutualDeciderCockpit } from './cockpit/cockpit.js';

export { MutualPostEvent } from './events/post-event.js';
export { MutualErrorEvent, type MutualOperation } from './events/error-event.js';
export { MutualConnectionChangeEvent } from './events/connection-change-event.js';
export { MutualTaskChangeEvent } from './events/task-change-event.js';
export { MutualRequestTaskMoveEvent, type TaskPlace } from './events/request-task-move-event.js';
export { LocaleController, type Locale } from './i18n/locale-controller.js';

export { MutualConnection, type MutualConnectionOptions } from './connection/connection.js';
export { MutualApiClient, type ReactionsAnswer } from './connection/api-client.js';
export { isQueued, type WriteResult } from './connection/write-result.js';
export { MutualApiError, type MutualApiErrorCode } from './connection/api-error.js';
export { LiveStatus } from './connection/live-stream.js';
export { TokenSource, type Credentials, type TokenProvider } from './connection/token-source.js';
export { connectionContext } from './connection/context.js';
