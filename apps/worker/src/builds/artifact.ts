import { createReadStream } from 'node:fs';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Artifact } from '@thymis/domain';
import { hashing, imageFileName, writeHashed } from '@thymis/nix';

/** The image in a build's output: its largest file (image builders add small metadata files beside it). */
export async function findImage(outPath: string): Promise<string> {
  let best: { path: string; size: number } | undefined;
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'nix-support') await walk(path);
      else if (entry.isFile()) {
        const { size } = await stat(path);
        if (!best || size > best.size) best = { path, size };
      }
    }
  };
  await walk(outPath);
  if (!best) throw new Error(`the build's output ${outPath} holds no image file`);
  return best.path;
}

/** Copies the image into the controller's artifact folder (a worker on the controller's host shares it). */
export async function storeArtifact(image: string, folder: string, configId: string): Promise<Artifact> {
  const name = imageFileName(configId, extname(image));
  await mkdir(folder, { recursive: true });
  return { name, ...(await writeHashed(createReadStream(image), join(folder, name))) };
}

export interface Controller {
  url: string;
  token: string;
}

/**
 * Sends the image to the controller (PUT /api/tasks/:id/artifact): a worker on another machine has no access to the
 * controller's artifact folder. The controller answers with the size and hash it received, checked against ours.
 */
export async function uploadArtifact(
  image: string,
  controller: Controller,
  taskId: string,
  configId: string,
): Promise<Artifact> {
  const name = imageFileName(configId, extname(image));
  const { size } = await stat(image);
  const url = new URL(`api/tasks/${taskId}/artifact?name=${encodeURIComponent(name)}`, controller.url);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const request = send(url, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${controller.token}`,
      'content-type': 'application/octet-stream',
      'content-length': size,
    },
  });
  const answered = new Promise<IncomingMessage>((resolve, reject) => {
    request.once('response', resolve).once('error', reject);
  });
  const sent = hashing();
  const sending = pipeline(createReadStream(image), sent.step, request).catch((error: Error) => error);
  const response = await answered; // a refusal may come before the whole image was sent
  let body = '';
  for await (const chunk of response) body += String(chunk);
  const sendError = await sending;
  if (response.statusCode !== 201) {
    throw new Error(`the controller refused the image (${response.statusCode}): ${body}`);
  }
  if (sendError) throw sendError;
  const received = JSON.parse(body) as Artifact;
  const local = sent.digest();
  if (received.sha256 !== local.sha256 || received.size !== local.size) {
    throw new Error(`the controller received ${received.size} bytes (sha256 ${received.sha256}), not the image sent`);
  }
  return received;
}
