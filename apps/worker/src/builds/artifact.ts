import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Artifact } from '@thymis/domain';

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

/** Copies the image to the artifact folder under the name users download it by, hashing it on the way. */
export async function storeArtifact(image: string, folder: string, config: string): Promise<Artifact> {
  const name = `thymis-image-${config}${extname(image)}`;
  await mkdir(folder, { recursive: true });
  const hash = createHash('sha256');
  await pipeline(
    createReadStream(image),
    async function* (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        hash.update(chunk);
        yield chunk;
      }
    },
    createWriteStream(join(folder, name)),
  );
  const { size } = await stat(join(folder, name));
  return { name, size, sha256: hash.digest('hex') };
}
