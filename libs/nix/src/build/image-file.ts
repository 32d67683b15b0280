import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Artifact } from '@thymis/domain';

/** An image's extension as builders name them: ".img", ".iso", ".qcow2", ".img.zst" … */
const IMAGE_EXTENSION = /^(\.[a-z0-9]{1,10}){1,2}$/;

/** Where a task's image lives on the controller (written by a worker on its host, or received from a remote one). */
export const artifactFolder = (stateDir: string, taskId: string) => join(stateDir, 'artifacts', taskId);

/** The name users download a configuration's image by: `thymis-image-<config>.<ext>`. */
export const imageFileName = (configId: string, extension: string) => `thymis-image-${configId}${extension}`;

/** Why `name` is not a file name for this configuration's image, or undefined when it is one. */
export function imageFileNameProblem(name: string, configId: string): string | undefined {
  const stem = imageFileName(configId, '');
  if (!name.startsWith(stem) || !IMAGE_EXTENSION.test(name.slice(stem.length)))
    return `must be "${stem}" followed by the image's extension, such as ".img"`;
  return undefined;
}

/** A pipeline step that passes bytes through and, once they have all passed, tells their count and sha256. */
export function hashing() {
  const hash = createHash('sha256');
  let size = 0;
  return {
    step: async function* (this: void, chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        hash.update(chunk);
        size += chunk.length;
        yield chunk;
      }
    },
    digest: (): Omit<Artifact, 'name'> => ({ size, sha256: hash.digest('hex') }),
  };
}

/** Streams `source` into the file `target`, hashing it on the way: the artifact as the download will serve it. */
export async function writeHashed(source: Readable, target: string): Promise<Omit<Artifact, 'name'>> {
  const hashed = hashing();
  await pipeline(source, hashed.step, createWriteStream(target));
  return hashed.digest();
}
