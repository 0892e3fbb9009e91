import { expect, waitUntil } from '@open-wc/testing';
import type { EventType, LiveMessage } from '@mutual/protocol';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MutualConnection } from '../connection/connection.js';
import { LiveStatus } from '../connection/live-stream.js';
import { SpaceEventsController } from './space-events-controller.js';

// Pure: a stand-in connection that routes by group like the real one, and a bare host.

class FakeConnection {
  readonly status = LiveStatus.open;
  readonly listeners = new Map<string, Set<(message: LiveMessage) => void>>();

  subscribe(group: string, listener: (message: LiveMessage) => void): () => void {
    const set = this.listeners.get(group) ?? new Set();
    this.listeners.set(group, set.add(listener));
    return () => set.delete(listener);
  }

  onStatusChange(): () => void {
    return () => {};
  }

  emit(group: string, type: EventType): void {
    const message = { event: { type, group }, author: {} } as unknown as LiveMessage;
    for (const listener of this.listeners.get(group) ?? []) listener(message);
  }

  count(): number {
    return [...this.listeners.values()].reduce((total, set) => total + set.size, 0);
  }
}

function fakeHost(): ReactiveControllerHost & HTMLElement & { controllers: ReactiveController[] } {
  const controllers: ReactiveController[] = [];
  return {
    controllers,
    isConnected: true,
    addController: (controller: ReactiveController) => controllers.push(controller),
    removeController: () => {},
    requestUpdate: () => {},
    updateComplete: Promise.resolve(true),
  } as unknown as ReactiveControllerHost & HTMLElement & { controllers: ReactiveController[] };
}

describe('SpaceEventsController', () => {
  let connection: FakeConnection;
  let current: FakeConnection | undefined;
  let changes: number;
  let controller: SpaceEventsController;

  beforeEach(() => {
    connection = new FakeConnection();
    current = connection;
    changes = 0;
    controller = new SpaceEventsController(fakeHost(), {
      connection: () => current as unknown as MutualConnection,
      onChange: () => changes++,
      delayMs: 20,
    });
    controller.follow(connection as unknown as MutualConnection, ['s.plan', 's.proof']);
  });

  afterEach(() => controller.hostDisconnected());

  it('turns a burst of events from several groups into one call', async () => {
    connection.emit('s.plan', 'post');
    connection.emit('s.proof', 'task.updated');
    connection.emit('s.plan', 'milestone.set');
    expect(controller.pending).to.equal(true);
    expect(changes, 'not at once').to.equal(0);
    await waitUntil(() => changes > 0, 'no call');
    expect(changes).to.equal(1);
    expect(controller.pending, 'nothing else scheduled').to.equal(false);
  });

  it('ignores events that change no figure, and groups it does not follow', () => {
    connection.emit('s.plan', 'reaction');
    connection.emit('s.plan', 'group.changed');
    connection.emit('s.internal', 'task.created');
    expect(controller.pending).to.equal(false);
  });

  it('subscribes once per group, again only when the groups change', () => {
    expect(connection.count()).to.equal(2);
    controller.follow(connection as unknown as MutualConnection, ['s.proof', 's.plan']);
    expect(connection.count()).to.equal(2);
    controller.follow(connection as unknown as MutualConnection, ['s.plan', 's.proof', 's.steering']);
    expect(connection.count()).to.equal(3);
  });

  it('lets go when the host leaves, and resumes when it is back with the same connection', () => {
    connection.emit('s.plan', 'post');
    controller.hostDisconnected();
    expect(connection.count()).to.equal(0);
    expect(controller.pending, 'the scheduled call is cancelled').to.equal(false);
    controller.hostUpdate();
    expect(connection.count(), 'moved in the page: following again').to.equal(2);
  });

  it('stops following a connection the host no longer uses', () => {
    current = new FakeConnection();
    controller.hostUpdate();
    expect(connection.count()).to.equal(0);
    expect(controller.status).to.equal(LiveStatus.closed);
    controller.hostUpdate();
    expect(connection.count(), 'and does not come back to it').to.equal(0);
  });
});
