import type {
  FeedPage,
  FeedPost,
  FeedReply,
  GroupMembers,
  Me,
  Milestone,
  MilestoneChanges,
  MilestoneList,
  MySpace,
  MySpaces,
  NewMilestone,
  NewPost,
  NewReply,
  NewTask,
  QueuedEntries,
  QueuedWrite,
  ReactionCount,
  ReactionRequest,
  RefusedWrites,
  SpaceTasks,
  Task,
  TaskChanges,
  TaskList,
} from '@mutual/protocol';
import { isAbortError, MutualApiError, problemError } from './api-error.js';
import { TokenUnavailableError, type TokenSource } from './token-source.js';
import { toQueuedWrite, type WriteResult } from './write-result.js';

export interface ApiClientOptions {
  /** The organisation's Mutual server, e.g. `https://mutual.seller.example`. */
  server: string;
  tokens: TokenSource;
  /** Defaults to the global `fetch`, looked up on every call so that wrappers installed later apply. */
  fetch?: typeof fetch;
}

export interface RequestOptions {
  signal?: AbortSignal | undefined;
}

export interface PageOptions extends RequestOptions {
  /** The `next` cursor of the previous page. */
  before?: string | undefined;
  limit?: number | undefined;
}

export interface StreamOptions extends RequestOptions {
  lastEventId?: string | undefined;
}

/** The answer to a reaction: the reactions of that post or reply, as the caller now sees them. */
export interface ReactionsAnswer {
  reactions: ReactionCount[];
}

const segment = encodeURIComponent;

/**
 * Calls the client API of one Mutual server (docs/client-api.md) as one person. Every request
 * carries the embed token as a bearer token, never in the URL. A `401 token_expired` makes it ask
 * the token source for a new token and try once more. Failures are {@link MutualApiError}s.
 */
export class MutualApiClient {
  readonly server: string;
  readonly #tokens: TokenSource;
  readonly #fetch: typeof fetch;

  constructor(options: ApiClientOptions) {
    this.server = options.server.replace(/\/+$/, '');
    this.#tokens = options.tokens;
    const custom = options.fetch;
    this.#fetch = custom ?? ((input, init) => globalThis.fetch(input, init));
  }

  me(options?: RequestOptions): Promise<Me> {
    return this.#json('GET', '/api/me', undefined, options);
  }

  spaces(options?: RequestOptions): Promise<MySpaces> {
    return this.#json('GET', '/api/spaces', undefined, options);
  }

  space(space: string, options?: RequestOptions): Promise<MySpace> {
    return this.#json('GET', `/api/spaces/${segment(space)}`, undefined, options);
  }

  /** The caller's posts and replies in a group still waiting for its home server, oldest first. */
  queuedEntries(group: string, options?: RequestOptions): Promise<QueuedEntries> {
    return this.#json('GET', `/api/groups/${segment(group)}/queued`, undefined, options);
  }

  /** Which of these queued writes (the `event` of each `202`, at most 50) their home server refused. */
  refusedWrites(space: string, events: readonly string[], options?: RequestOptions): Promise<RefusedWrites> {
    return this.#json('GET', `/api/spaces/${segment(space)}/refused?events=${events.map(segment).join(',')}`, undefined, options);
  }

  members(group: string, options?: RequestOptions): Promise<GroupMembers> {
    return this.#json('GET', `/api/groups/${segment(group)}/members`, undefined, options);
  }

  /** One page of a group's feed, newest first. */
  posts(group: string, options: PageOptions = {}): Promise<FeedPage> {
    const query = new URLSearchParams();
    if (options.before !== undefined) query.set('before', options.before);
    if (options.limit !== undefined) query.set('limit', String(options.limit));
    const search = query.toString();
    const path = `/api/groups/${segment(group)}/posts${search ? `?${search}` : ''}`;
    return this.#json('GET', path, undefined, options);
  }

  /** The post as stored (`201`), or a {@link QueuedWrite} (`202`) in a group homed elsewhere. */
  createPost(group: string, post: NewPost, options?: RequestOptions): Promise<WriteResult<FeedPost>> {
    return this.#write('POST', `/api/groups/${segment(group)}/posts`, post, options);
  }

  /** The reply as stored (`201`), or a {@link QueuedWrite} (`202`) in a group homed elsewhere. */
  createReply(group: string, post: string, reply: NewReply, options?: RequestOptions): Promise<WriteResult<FeedReply>> {
    return this.#write('POST', `/api/groups/${segment(group)}/posts/${segment(post)}/replies`, reply, options);
  }

  /**
   * Adds (`on: true`) or takes back a reaction on a post or a reply. In a group homed elsewhere the
   * answer is a {@link QueuedWrite} (`202`) without the reactions.
   */
  react(
    group: string,
    entry: string,
    reaction: ReactionRequest,
    options?: RequestOptions,
  ): Promise<WriteResult<ReactionsAnswer>> {
    return this.#write('POST', `/api/groups/${segment(group)}/posts/${segment(entry)}/reactions`, reaction, options);
  }

  tasks(group: string, options?: RequestOptions): Promise<TaskList> {
    return this.#json('GET', `/api/groups/${segment(group)}/tasks`, undefined, options);
  }

  /** The task (`201`), or a {@link QueuedWrite} whose `ref` is the new task's id (`202`). */
  createTask(group: string, task: NewTask, options?: RequestOptions): Promise<WriteResult<Task>> {
    return this.#write('POST', `/api/groups/${segment(group)}/tasks`, task, options);
  }

  updateTask(group: string, task: string, changes: TaskChanges, options?: RequestOptions): Promise<WriteResult<Task>> {
    return this.#write('PATCH', `/api/groups/${segment(group)}/tasks/${segment(task)}`, changes, options);
  }

  milestones(group: string, options?: RequestOptions): Promise<MilestoneList> {
    return this.#json('GET', `/api/groups/${segment(group)}/milestones`, undefined, options);
  }

  /** The milestone (`201`), or a {@link QueuedWrite} whose `ref` is the new milestone's id (`202`). */
  createMilestone(group: string, milestone: NewMilestone, options?: RequestOptions): Promise<WriteResult<Milestone>> {
    return this.#write('POST', `/api/groups/${segment(group)}/milestones`, milestone, options);
  }

  updateMilestone(
    group: string,
    milestone: string,
    changes: MilestoneChanges,
    options?: RequestOptions,
  ): Promise<WriteResult<Milestone>> {
    return this.#write('PATCH', `/api/groups/${segment(group)}/milestones/${segment(milestone)}`, changes, options);
  }

  /** Every task and milestone of the groups the viewer is in, across the space: the mutual action plan. */
  spaceTasks(space: string, options?: RequestOptions): Promise<SpaceTasks> {
    return this.#json('GET', `/api/spaces/${segment(space)}/tasks`, undefined, options);
  }

  /**
   * Opens a space's live stream and resolves once the headers arrived; the caller reads the body.
   * `lastEventId` resumes after the last message seen.
   */
  openStream(space: string, options: StreamOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    if (options.lastEventId) headers['Last-Event-ID'] = options.lastEventId;
    return this.#request('GET', `/api/spaces/${segment(space)}/stream`, { headers, signal: options.signal });
  }

  /**
   * The decider cockpit's figures for a space, computed by the server from the caller's groups only.
   * `403 forbidden` when the caller is not in the space's steering group.
   */
  cockpit(space: string, options?: RequestOptions): Promise<import('@mutual/protocol').Cockpit> {
    return this.#json('GET', `/api/spaces/${segment(space)}/cockpit`, undefined, options);
  }

  async #json<T>(method: string, path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
    return this.#read<T>(await this.#send(method, path, body, options));
  }

  /** A write: `202 Accepted` means queued for the group's home server, anything else is the result. */
  async #write<T>(method: string, path: string, body: unknown, options: RequestOptions = {}): Promise<WriteResult<T>> {
    const response = await this.#send(method, path, body, options);
    if (response.status !== 202) return this.#read<T>(response);
    const queued = toQueuedWrite(await this.#read<unknown>(response));
    if (!queued) throw new MutualApiError({ status: 202, code: 'invalid_response', title: 'The answer was not a queued write' });
    return queued;
  }

  #send(method: string, path: string, body: unknown, options: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return this.#request(method, path, {
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
    });
  }

  async #read<T>(response: Response): Promise<T> {
    try {
      return (await response.json()) as T;
    } catch (cause) {
      if (isAbortError(cause)) throw cause;
      throw new MutualApiError({ status: response.status, code: 'invalid_response', title: 'The answer was not JSON', cause });
    }
  }

  async #request(
    method: string,
    path: string,
    init: { headers: Record<string, string>; body?: string | undefined; signal?: AbortSignal | undefined },
    retryExpired = true,
  ): Promise<Response> {
    let token: string;
    try {
      token = await this.#tokens.getToken();
    } catch (cause) {
      throw new MutualApiError({ status: 0, code: 'token_unavailable', title: 'No embed token is available', cause });
    }
    let response: Response;
    try {
      response = await this.#fetch(`${this.server}${path}`, {
        method,
        headers: { ...init.headers, Authorization: `Bearer ${token}` },
        body: init.body ?? null,
        signal: init.signal ?? null,
        mode: 'cors',
        // The bearer token is the only credential: never send the host page's cookies along.
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (cause) {
      if (isAbortError(cause)) throw cause;
      throw new MutualApiError({ status: 0, code: 'network_error', title: 'The Mutual server could not be reached', cause });
    }
    if (response.ok) return response;
    const error = await problemError(response);
    if (error.status === 401 && error.code === 'token_expired' && retryExpired && this.#tokens.canRefresh) {
      try {
        await this.#tokens.refresh();
      } catch (cause) {
        if (cause instanceof TokenUnavailableError) throw new MutualApiError({ status: 401, code: 'token_unavailable', title: cause.message, cause });
        throw cause;
      }
      return this.#request(method, path, init, false);
    }
    throw error;
  }
}
