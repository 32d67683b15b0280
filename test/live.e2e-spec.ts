import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { LiveFeed } from '../apps/api/src/live/live-feed.service';
import type { ServerMessage } from '../apps/api/src/live/live-protocol';
import { LiveGateway } from '../apps/api/src/live/live.gateway';
import { startApi, type ApiHarness } from './api-harness';

/** A real WebSocket client that queues what it receives, so a test can await messages one by one. */
class LiveClient {
  private readonly received: ServerMessage[] = [];
  private readonly waiting: ((message: ServerMessage) => void)[] = [];
  readonly pings: Buffer[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as ServerMessage;
      const waiter = this.waiting.shift();
      if (waiter) waiter(message);
      else this.received.push(message);
    });
    socket.on('ping', (data) => this.pings.push(data));
    this.closed = new Promise((resolve) =>
      socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
  }

  static connect(url: string, options: WebSocket.ClientOptions = {}): Promise<LiveClient> {
    const client = new LiveClient(new WebSocket(url, options));
    clients.push(client);
    return new Promise((resolve, reject) => {
      client.socket.once('open', () => resolve(client));
      client.socket.once('error', reject);
    });
  }

  /** The next message, failing after a second. */
  next(): Promise<ServerMessage> {
    const queued = this.received.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no message within 1 s')), 1000);
      this.waiting.push((message) => {
        clearTimeout(timer);
        resolve(message);
      });
    });
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** Sends a request and returns every message up to and including its answer. */
  async request(message: unknown): Promise<ServerMessage[]> {
    this.send(message);
    const messages: ServerMessage[] = [];
    for (;;) {
      const reply = await this.next();
      messages.push(reply);
      if (reply.type !== 'event') return messages;
    }
  }

  /**
   * Every message received so far, in order. The server writes an event frame while publish() runs, so a request
   * sent afterwards is answered behind it: its answer marks the end of what publishing delivered.
   */
  async drain(): Promise<ServerMessage[]> {
    const messages = await this.request({ type: 'unsubscribe', topics: ['task:drain'] });
    expect(messages.pop()).toEqual({ type: 'unsubscribed', topics: ['task:drain'] });
    return messages;
  }
}

let clients: LiveClient[] = [];

describe('live updates over /api/ws', () => {
  let api: ApiHarness;
  let url: string;
  let sessionCookie: string;
  let token: { id: string; token: string };
  let feed: LiveFeed;
  let gateway: LiveGateway;

  const withSession = (cookie = sessionCookie) => LiveClient.connect(url, { headers: { Cookie: cookie } });
  const withToken = (secret = token.token) =>
    LiveClient.connect(url, { headers: { Authorization: `Bearer ${secret}` } });
  const subscribed = async (client: LiveClient, ...topics: string[]) => {
    expect(await client.request({ type: 'subscribe', topics })).toEqual([{ type: 'subscribed', topics }]);
    return client;
  };
  const login = async () => {
    const response = await api
      .anonymous()
      .post('/api/auth/login')
      .send({ username: api.config.auth.username, password: await api.password() })
      .expect(200);
    return (response.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
  };

  beforeAll(async () => {
    api = await startApi();
    await api.app.listen(0, '127.0.0.1');
    url = `ws://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}/api/ws`;
    sessionCookie = await login();
    token = (await api.user.post('/api/tokens').send({ name: 'live updates' }).expect(201)).body;
    feed = api.app.get(LiveFeed);
    gateway = api.app.get(LiveGateway);
  });
  afterEach(async () => {
    for (const client of clients) client.socket.terminate();
    await Promise.all(clients.map((client) => client.closed));
    clients = [];
  });
  afterAll(() => api.close());

  it('closes a connection without credentials with 4401 before answering anything', async () => {
    const client = await LiveClient.connect(url);
    client.send({ type: 'subscribe', topics: ['state'] });
    expect(await client.closed).toEqual({ code: 4401, reason: 'unauthorized' });
    await expect(client.next()).rejects.toThrow('no message');
  });

  it('closes a connection with an unknown session or a wrong token with 4401', async () => {
    const session = await withSession('thymis_session=not-a-session');
    const bearer = await withToken('not-a-token');
    expect(await session.closed).toEqual({ code: 4401, reason: 'unauthorized' });
    expect(await bearer.closed).toEqual({ code: 4401, reason: 'unauthorized' });
  });

  it('accepts a session cookie and answers a subscription sent right after opening', async () => {
    const client = await withSession();
    await subscribed(client, 'state', 'tasks');
    expect(client.socket.readyState).toBe(WebSocket.OPEN);
  });

  it('accepts an API token as a bearer token', async () => {
    await subscribed(await withToken(), 'tasks');
  });

  it('delivers what is published to the subscribers of that topic only', async () => {
    const dashboard = await subscribed(await withSession(), 'state', 'task:abc');
    const taskList = await subscribed(await withToken(), 'tasks');

    feed.publish('tasks', { id: 'abc', status: 'running' });
    feed.publish('task:abc', { progress: 0.5, log: ['building'] });
    feed.publish('task:other', { progress: 0.9 });
    feed.publish('state', { changed: 'config', id: 'kiosk' });

    expect(await dashboard.drain()).toEqual([
      { type: 'event', topic: 'task:abc', message: { progress: 0.5, log: ['building'] } },
      { type: 'event', topic: 'state', message: { changed: 'config', id: 'kiosk' } },
    ]);
    expect(await taskList.drain()).toEqual([
      { type: 'event', topic: 'tasks', message: { id: 'abc', status: 'running' } },
    ]);
  });

  it('announces on state a change made over HTTP, once reads show it', async () => {
    const dashboard = await subscribed(await withSession(), 'state');
    await api.user
      .post('/api/configs')
      .send({ displayName: 'Live kiosk', hardwareModel: 'generic-x86_64' })
      .expect(201);
    expect(await dashboard.next()).toEqual({
      type: 'event',
      topic: 'state',
      message: { position: expect.any(Number) },
    });
    await api.user.get('/api/configs/live-kiosk').expect(200);
  });

  it('announces a task on tasks and on its own topic as its status changes', async () => {
    const watcher = await subscribed(await withSession(), 'tasks');
    const { taskId } = (await api.user.post('/api/tasks/probe').expect(202)).body as { taskId: string };
    expect(await watcher.next()).toEqual({
      type: 'event',
      topic: 'tasks',
      message: { taskId, type: 'task.requested', data: { type: 'probe' }, at: expect.any(String) },
    });
  });

  it('stops delivering a topic once it is unsubscribed, and keeps delivering the others', async () => {
    const client = await subscribed(await withSession(), 'state', 'tasks');
    expect(await client.request({ type: 'unsubscribe', topics: ['state'] })).toEqual([
      { type: 'unsubscribed', topics: ['state'] },
    ]);

    feed.publish('state', { changed: 'tag' });
    feed.publish('tasks', { id: 't1', status: 'queued' });

    expect(await client.drain()).toEqual([{ type: 'event', topic: 'tasks', message: { id: 't1', status: 'queued' } }]);
  });

  it('answers a bad message with an error naming what is wrong, and stays open', async () => {
    const client = await withSession();
    const refusal = async (message: unknown) => {
      const [reply, ...more] = await client.request(message);
      expect(more).toEqual([]);
      if (reply.type !== 'error') throw new Error(`expected an error, got ${JSON.stringify(reply)}`);
      return reply.message;
    };

    expect(await refusal('{"type": "subscribe",')).toMatch(/not valid JSON/);
    expect(await refusal([1, 2])).toMatch(/JSON object/);
    expect(await refusal({ type: 'listen', topics: ['state'] })).toMatch(/^type: .*"listen"/);
    expect(await refusal({ type: 'subscribe' })).toMatch(/^topics: /);
    expect(await refusal({ type: 'subscribe', topics: ['state', 'devices', 'task:'] })).toBe(
      'topics: unknown topic "devices", "task:" (known: "state", "tasks", "task:<id>")',
    );
    client.socket.send(Buffer.from('{}'), { binary: true });
    expect(await client.next()).toEqual({ type: 'error', message: 'messages must be JSON text frames' });

    // The refused subscription subscribed nothing, not even its valid part.
    feed.publish('state', { changed: 'config' });
    expect(await client.drain()).toEqual([]);
    expect(client.socket.readyState).toBe(WebSocket.OPEN);
    await subscribed(client, 'state');
    feed.publish('state', { changed: 'config' });
    expect(await client.next()).toEqual({ type: 'event', topic: 'state', message: { changed: 'config' } });
  });

  it('forgets the subscriptions of a connection that closed', async () => {
    const client = await subscribed(await withSession(), 'task:gone');
    expect(gateway.listeners('task:gone')).toBe(1);
    client.socket.close();
    await client.closed;
    await new Promise((resolve) => setImmediate(resolve));
    expect(gateway.listeners('task:gone')).toBe(0);
    expect(() => feed.publish('task:gone', { status: 'failed' })).not.toThrow();
  });

  it('pings every connection and ends one that stopped answering', async () => {
    const answering = await subscribed(await withSession(), 'state');
    const silent = await subscribed(
      await LiveClient.connect(url, { headers: { Cookie: sessionCookie }, autoPong: false }),
      'state',
    );

    await gateway.heartbeat();
    await answering.drain(); // the pong travels back before the request's answer does
    expect(answering.pings).toHaveLength(1);
    expect(silent.pings).toHaveLength(1);

    await gateway.heartbeat();
    expect((await silent.closed).code).toBe(1006); // terminated, no closing handshake
    await answering.drain();
    expect(answering.pings).toHaveLength(2);
    expect(answering.socket.readyState).toBe(WebSocket.OPEN);
  });

  it('closes with 4401 at the next ping once the token is revoked or the session logged out', async () => {
    const revokedToken = (await api.user.post('/api/tokens').send({ name: 'to revoke' }).expect(201)).body;
    const cookie = await login();
    const byToken = await subscribed(await withToken(revokedToken.token), 'tasks');
    const bySession = await subscribed(await withSession(cookie), 'tasks');
    const unaffected = await subscribed(await withSession(), 'tasks');

    await api.user.delete(`/api/tokens/${revokedToken.id}`).expect(204);
    await api.anonymous().post('/api/auth/logout').set('Cookie', cookie).expect(204);
    await gateway.heartbeat();

    expect(await byToken.closed).toEqual({ code: 4401, reason: 'unauthorized' });
    expect(await bySession.closed).toEqual({ code: 4401, reason: 'unauthorized' });
    feed.publish('tasks', { id: 't2', status: 'succeeded' });
    expect(await unaffected.next()).toEqual({
      type: 'event',
      topic: 'tasks',
      message: { id: 't2', status: 'succeeded' },
    });
  });
});
