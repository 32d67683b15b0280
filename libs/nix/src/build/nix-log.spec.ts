import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NixLogParser, storePathName, type NixBuildProgress } from './nix-log';

// Real Nix 2.8 output (fixtures/capture-logs.ts): build-fixtures' "kiosk" image, once fine, once failing.
const fixture = (name: string) =>
  readFileSync(join(__dirname, 'fixtures', name), 'utf8')
    .trimEnd()
    .split('\n');

const normal = (line: string) => line.replace(/\/\S*?\/store\/[0-9a-z]{32}-/g, '/nix/store/…-'); // hashes vary

function replay(lines: string[]) {
  const parser = new NixLogParser();
  const readable: string[] = [];
  const seen: NixBuildProgress[] = [];
  for (const line of lines) {
    readable.push(...parser.feed(line).map(normal));
    seen.push(parser.progress);
  }
  return {
    parser,
    readable,
    percents: distinct(seen.map((p) => p.percent)),
    activities: distinct(seen.map((p) => p.activity)),
  };
}

const distinct = <T>(values: T[]) => values.filter((v, i) => i === 0 || v !== values[i - 1]);
const at = (id: number, json: object) => `@nix ${JSON.stringify({ id, ...json })}`;
const start = (id: number, type: number, fields: unknown[] = [], text = '', level = 0) =>
  at(id, { action: 'start', type, fields, text, level });
const result = (id: number, type: number, fields: unknown[]) => at(id, { action: 'result', type, fields });
const stop = (id: number) => at(id, { action: 'stop' });
const msg = (level: number, text: string) => `@nix ${JSON.stringify({ action: 'msg', level, msg: text })}`;
const DRV = `/nix/store/${'a'.repeat(32)}-thymis-image-lobby-raw-efi.drv`;

describe('NixLogParser on a real image build', () => {
  const { parser, readable, percents, activities } = replay(fixture('image-build.internal-json.log'));

  it('gives the messages, builds, phases and build log lines, each build line prefixed by its derivation', () => {
    expect(readable).toEqual([
      "warning: creating lock file '/tmp/thymis-build-capture/repo-ok/flake.lock'",
      "building '/nix/store/…-kiosk-assets.drv'",
      'kiosk-assets> Running phase: unpackPhase',
      'kiosk-assets> unpacking 3 assets',
      'kiosk-assets> Running phase: buildPhase',
      'kiosk-assets> asset 1 of 3',
      'kiosk-assets> asset 2 of 3',
      'kiosk-assets> asset 3 of 3',
      'kiosk-assets> Running phase: installPhase',
      "building '/nix/store/…-linux-rpi4.drv'",
      "building '/nix/store/…-nixos-system-kiosk-stand-in.drv'",
      "building '/nix/store/…-thymis-image-kiosk-sd-card-image.drv'",
    ]);
  });

  it('counts four builds up to 100%, which it reaches only when the build has finished', () => {
    expect(percents).toEqual([0, 25, 50, 75, 99, 100]);
    expect(parser.progress).toEqual({
      builds: { done: 4, expected: 4, running: 0, failed: 0 },
      downloads: { done: 0, expected: 0 },
      activity: undefined,
      percent: 100,
    });
    expect(parser.errors).toEqual([]);
  });

  it('names the current build and its phase', () => {
    expect(activities).toEqual([
      undefined,
      'building kiosk-assets',
      'building kiosk-assets (unpackPhase)',
      'building kiosk-assets (buildPhase)',
      'building kiosk-assets (installPhase)',
      undefined,
      'building linux-rpi4',
      undefined,
      'building nixos-system-kiosk-stand-in',
      undefined,
      'building thymis-image-kiosk-sd-card-image',
      undefined,
    ]);
  });
});

describe('NixLogParser on a real failed build', () => {
  const { parser, readable, percents } = replay(fixture('image-build-failed.internal-json.log'));

  it('counts the failed build and never reaches 100%', () => {
    expect(percents).toEqual([0]);
    expect(parser.progress.builds).toEqual({ done: 0, expected: 0, running: 0, failed: 1 });
    parser.end(false);
    expect(parser.progress.percent).toBe(0);
  });

  it('gives the builder output and the errors; the errors carry the failed build log tail', () => {
    expect(readable.slice(-4)).toEqual([
      'kiosk-assets> kiosk assets: missing logo.png',
      "error: builder for '/nix/store/…-kiosk-assets.drv' failed with exit code 3",
      "error: 1 dependencies of derivation '/nix/store/…-nixos-system-kiosk-stand-in.drv' failed to build",
      "error: 1 dependencies of derivation '/nix/store/…-thymis-image-kiosk-sd-card-image.drv' failed to build",
    ]);
    expect(parser.errors.map(normal)).toEqual([
      "error: builder for '/nix/store/…-kiosk-assets.drv' failed with exit code 3",
      'last log lines of kiosk-assets:',
      '> unpacking 3 assets',
      '> asset 1 of 3',
      '> asset 2 of 3',
      '> asset 3 of 3',
      '> kiosk assets: missing logo.png',
      "error: 1 dependencies of derivation '/nix/store/…-nixos-system-kiosk-stand-in.drv' failed to build",
      "error: 1 dependencies of derivation '/nix/store/…-thymis-image-kiosk-sd-card-image.drv' failed to build",
    ]);
  });
});

describe('NixLogParser', () => {
  it('counts a failed build and keeps the error message', () => {
    const parser = new NixLogParser();
    const lines = [
      start(1, 102),
      start(2, 104),
      result(2, 105, [1, 3, 0, 0]),
      start(3, 105, [DRV, '', 1, 1], `building '${DRV}'`, 3),
      result(3, 104, ['buildPhase']),
      result(3, 101, ['dd: no space left on device']),
      result(2, 105, [1, 2, 0, 1]),
      msg(0, `\u001b[31;1merror:\u001b[0m builder for '${DRV}' failed with exit code 1`),
      stop(3),
      stop(2),
      stop(1),
    ].flatMap((line) => parser.feed(line));
    expect(lines).toEqual([
      `building '${DRV}'`,
      'thymis-image-lobby-raw-efi> Running phase: buildPhase',
      'thymis-image-lobby-raw-efi> dd: no space left on device',
      `error: builder for '${DRV}' failed with exit code 1`,
    ]);
    expect(parser.progress).toEqual({
      builds: { done: 1, expected: 2, running: 0, failed: 1 },
      downloads: { done: 0, expected: 0 },
      activity: undefined,
      percent: 50,
    });
    expect(parser.errors).toEqual([
      `error: builder for '${DRV}' failed with exit code 1`,
      'last log lines of thymis-image-lobby-raw-efi:',
      '> dd: no space left on device',
    ]);
  });

  it('counts downloads and names the path being downloaded', () => {
    const parser = new NixLogParser();
    const hello = `/nix/store/${'b'.repeat(32)}-hello-2.12.1`;
    const text = `copying path '${hello}' from 'https://cache.nixos.org'`;
    const lines = [
      start(1, 102),
      start(2, 103),
      result(2, 105, [1, 3, 1, 0]),
      start(3, 108, [hello, 'https://cache.nixos.org'], text, 3),
      start(4, 101, ['https://cache.nixos.org/nar/x.nar.xz'], '', 4),
    ].flatMap((line) => parser.feed(line));
    expect(lines).toEqual([text]);
    expect(parser.progress.downloads).toEqual({ done: 1, expected: 3 });
    expect(parser.progress.activity).toBe('downloading hello-2.12.1');
    parser.feed(stop(3));
    expect(parser.progress.activity).toBeUndefined();
  });

  it('passes plain lines through and leaves out what is more verbose than info', () => {
    const parser = new NixLogParser();
    expect(parser.feed('\u001b[31;1merror:\u001b[0m unrecognised flag')).toEqual(['error: unrecognised flag']);
    expect(parser.feed('@nix {not json')).toEqual(['@nix {not json']);
    expect(parser.feed('')).toEqual(['']);
    expect(parser.feed(msg(4, "evaluating file '/x/flake.nix'"))).toEqual([]);
    expect(parser.feed(start(9, 0, [], 'querying info about missing paths', 6))).toEqual([]);
    expect(parser.feed(msg(0, 'error: Failed assertions:\n- format\n'))).toEqual([
      'error: Failed assertions:',
      '- format',
    ]);
    expect(parser.feed(result(77, 101, ['a line of an unknown build']))).toEqual(['a line of an unknown build']);
  });

  it('prefixes post-build hook lines and tells 99% from finished', () => {
    const parser = new NixLogParser();
    [start(1, 102), start(2, 104), result(2, 105, [1, 1, 0, 0]), start(3, 105, [DRV, '', 1, 1])].forEach((line) =>
      parser.feed(line),
    );
    expect(parser.feed(result(3, 107, ['uploading']))).toEqual(['thymis-image-lobby-raw-efi> uploading']);
    expect(parser.progress.percent).toBe(99);
    parser.end(true);
    expect(parser.progress).toMatchObject({ percent: 100, activity: undefined });
  });

  it('names store paths without store directory, hash or .drv', () => {
    expect([storePathName(DRV), storePathName('/other/x-y')]).toEqual(['thymis-image-lobby-raw-efi', 'x-y']);
  });
});
