import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { readdir } from 'node:fs/promises';
import { connect, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { BuildStack, until } from './build-stack';

// A worker "on another machine": a state folder of its own, so it cannot drop images into the controller's; it sends
// them over HTTP with an API token instead (THYMIS_CONTROLLER_URL, THYMIS_WORKER_TOKEN).

const IMAGE = 'application/octet-stream';

describe('a remote worker sends the images it builds to the controller', () => {
  let stack: BuildStack;
  let port: number;
  let workerState: string;
  beforeAll(async () => {
    stack = await BuildStack.start({ concurrency: 1 });
    await stack.api.app.listen(0, '127.0.0.1');
    port = (stack.api.app.getHttpServer().address() as AddressInfo).port;
    const { token } = (await stack.user.post('/api/tokens').send({ name: 'remote worker' }).expect(201)).body;
    workerState = join(stack.tmp, 'remote-state');
    await stack.startWorker({
      THYMIS_STATE_DIR: workerState,
      THYMIS_CONTROLLER_URL: `http://127.0.0.1:${port}`,
      THYMIS_WORKER_TOKEN: token as string,
    });
  }, 60_000);
  afterAll(() => stack?.close(), 30_000);

  const artifacts = (id: string) => join(stack.api.config.stateDir, 'artifacts', id);
  const upload = (id: string, name: string, body = Buffer.from('image')) =>
    stack.user.put(`/api/tasks/${id}/artifact`).query({ name }).set('content-type', IMAGE).send(body);

  it('builds, uploads, and the download is byte for byte the store output', async () => {
    await stack.createConfig('remote');
    const id = await stack.requestBuild('remote');
    const task = await stack.waitFor(id, 'succeeded');
    expect(task.artifact).toEqual({ name: 'thymis-image-remote.img', size: 64 * 1024, sha256: expect.any(String) });

    const download = await stack.user.get(`/api/tasks/${id}/artifact`).buffer(true).expect(200);
    const image = download.body as Buffer;
    expect(image.equals(await stack.storeImage(id, 'remote'))).toBe(true);
    expect(createHash('sha256').update(image).digest('hex')).toBe(task.artifact?.sha256);
    expect(await readdir(artifacts(id))).toEqual(['thymis-image-remote.img']);
    expect(existsSync(join(workerState, 'artifacts'))).toBe(false);
  });

  it('takes an image only for a running build, by its name, whole, and refuses the rest without writing', async () => {
    const gate = await stack.gate('held');
    await stack.createConfig('held', [gate.module]);
    const id = await stack.requestBuild('held');
    await stack.waitFor(id, 'running');
    const { refused } = stack.api;

    expect((await refused(() => upload(id, 'thymis-image-other.img'))).body.message).toMatch(/^name: must be/);
    expect((await refused(() => upload(id, 'thymis-image-held.img').set('content-type', 'text/plain'))).status).toBe(
      415,
    );
    const unnamed = await refused(() => stack.user.put(`/api/tasks/${id}/artifact`).set('content-type', IMAGE));
    expect(unnamed.body.message).toMatch(/^name: /);
    expect((await refused(() => stack.api.anonymous().put(`/api/tasks/${id}/artifact`))).status).toBe(401);
    expect((await refused(() => upload(randomUUID(), 'thymis-image-held.img'))).status).toBe(404);
    expect((await refused(() => upload('not-a-uuid', 'thymis-image-held.img'))).status).toBe(404);
    const chunked = await sendChunked(id, 'thymis-image-held.img');
    expect([chunked.status, chunked.body.code]).toEqual([411, 'length_required']);

    // Cut off mid-way: nothing lands.
    await cutOffUpload(id, 'thymis-image-held.img');
    await until(
      () => readdir(artifacts(id)).catch(() => []),
      (files) => files.length === 0,
      5_000,
    );

    await gate.open();
    const task = await stack.waitFor(id, 'succeeded');
    expect(await readdir(artifacts(id))).toEqual(['thymis-image-held.img']);
    // Ended: the image is final.
    expect((await refused(() => upload(id, 'thymis-image-held.img'))).status).toBe(409);
    const download = await stack.user.get(`/api/tasks/${id}/artifact`).buffer(true).expect(200);
    expect(
      createHash('sha256')
        .update(download.body as Buffer)
        .digest('hex'),
    ).toBe(task.artifact?.sha256);

    const probe = (await stack.user.post('/api/tasks/probe').expect(202)).body.taskId as string;
    expect((await refused(() => upload(probe, 'thymis-image-held.img'))).body.message).toMatch(/builds no image/);
  });

  /** Sends the body in chunks, without a Content-Length (node's http client does so when none is set). */
  async function sendChunked(id: string, name: string): Promise<{ status: number; body: { code?: string } }> {
    const cookie = (await stack.user.get('/api/auth/me')).request.cookies;
    const request = httpRequest({
      port,
      host: '127.0.0.1',
      method: 'PUT',
      path: `/api/tasks/${id}/artifact?name=${name}`,
      headers: { cookie, 'content-type': IMAGE },
    });
    const response = new Promise<IncomingMessage>((resolve, reject) =>
      request.on('response', resolve).on('error', reject),
    );
    request.write('chunk one');
    request.end('chunk two');
    const answer = await response;
    let text = '';
    for await (const chunk of answer) text += String(chunk);
    return { status: answer.statusCode!, body: JSON.parse(text) };
  }

  /** Announces 1 MiB, sends a few bytes, and hangs up: what a worker that dies mid-upload does. */
  async function cutOffUpload(id: string, name: string): Promise<void> {
    const cookie = (await stack.user.get('/api/auth/me')).request.cookies;
    const socket = connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      `PUT /api/tasks/${id}/artifact?name=${name} HTTP/1.1\r\nHost: x\r\nCookie: ${cookie}\r\n` +
        `Content-Type: ${IMAGE}\r\nContent-Length: ${1024 * 1024}\r\n\r\npartial image`,
    );
    await until(
      () => readdir(artifacts(id)).catch(() => []),
      (files) => files.some((file) => file.startsWith('.receiving-')),
      5_000,
    );
    socket.destroy();
  }
});
