/**
 * Rendering the configuration repository at fleet size: 1,000 configurations × 5 modules + 50 tags (2 modules each,
 * every configuration carries 2 tags).
 *
 * Measures, each as the median of a few runs after a warm-up (the first, cold run is printed too):
 *   - renderRepository of the whole state. Target: < 1 s;
 *   - renderChanged for one change (one configuration's kiosk URL), with the files it gives back. Target: only that
 *     configuration's own files + state.json;
 *   - one change to a commit, as RepositoryProjection does it: the new state document, renderChanged and
 *     GitRepository.commit on a temporary repository that already holds the full render in its first commit.
 *
 * Prints figures, asserts nothing. The temporary repository is removed at the end, also on error or Ctrl-C.
 * BENCH_RUNS sets the number of measured runs (default 5).
 */
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  HARDWARE_MODELS,
  IMAGE_FORMATS,
  stateDocument,
  type ConfigState,
  type StateDocument,
  type TagState,
} from '@thymis/domain';
import { GitRepository } from '@thymis/git';
import { renderChanged, renderRepository, type FlakeInputs } from '@thymis/nix';

const CONFIGS = 1000;
const TAGS = 50;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const INPUTS: FlakeInputs = { nixpkgs: 'github:NixOS/nixpkgs/nixos-25.05', thymis: 'github:thymis-io/thymis-ts' };
const person = (name: string) => ({ name, email: `${name}@thymis` });

const pad = (n: number, width = 4) => String(n).padStart(width, '0');

function config(i: number): ConfigState {
  const hardwareModel = HARDWARE_MODELS[i % HARDWARE_MODELS.length];
  return {
    displayName: `Kiosk ${i}`,
    identifier: `kiosk-${pad(i)}`,
    hardwareModel,
    imageFormat: IMAGE_FORMATS[hardwareModel][0],
    tags: [`site-${pad(i % TAGS, 2)}`, `site-${pad((i + 7) % TAGS, 2)}`],
    modules: [
      { type: 'device', settings: { hostname: `kiosk-${i}`, controllerUrl: 'https://thymis.example' } },
      { type: 'networking', settings: { staticIpv4Addresses: [`10.${i >> 8}.${i & 255}.10/16`] } },
      { type: 'kiosk', settings: { url: `https://dashboard.example/screen/${i}?q="\${x}"`, enableVnc: true } },
      {
        type: 'oci-containers',
        settings: { containers: [{ name: 'web', image: 'nginx:1.27', ports: ['8080:80'], environment: [`N=${i}`] }] },
      },
      {
        type: 'bash-service',
        settings: { script: `echo 'screen ${i}'\ncurl -s https://x.example`, packages: ['curl'] },
      },
    ],
  };
}

const tag = (i: number): TagState => ({
  displayName: `Site ${i}`,
  identifier: `site-${pad(i, 2)}`,
  priority: 100 + i,
  modules: [
    { type: 'localization', settings: { timeZone: 'Europe/Berlin', ntpServers: [`ntp${i}.example`] } },
    { type: 'security', settings: { authorizedKeys: [`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${i} site${i}`] } },
  ],
});

const state: StateDocument = stateDocument(
  Array.from({ length: CONFIGS }, (_, i) => config(i)),
  Array.from({ length: TAGS }, (_, i) => tag(i)),
);

/** The state after change number n: configuration 500's kiosk URL set to something new. */
function changed(before: StateDocument, n: number): StateDocument {
  const configs = before.configs.map((c, i) =>
    i !== 500
      ? c
      : {
          ...c,
          modules: c.modules.map((m) => (m.type === 'kiosk' ? { ...m, settings: { url: `https://new/${n}` } } : m)),
        },
  );
  return { ...before, configs };
}

const time = <T>(action: () => T): [T, number] => {
  const start = performance.now();
  const result = action();
  return [result, performance.now() - start];
};
const timeAsync = async <T>(action: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const result = await action();
  return [result, performance.now() - start];
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(10);
const line = (label: string, value: string, note = '') => console.log(`${label.padEnd(48)}${value}  ${note}`.trimEnd());

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'thymis-render-bench-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  process.once('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  try {
    console.log(`${CONFIGS} configurations × 5 modules, ${TAGS} tags × 2 modules; median of ${RUNS} runs\n`);

    const [files, cold] = time(() => renderRepository(state, INPUTS));
    const full = median(Array.from({ length: RUNS }, () => time(() => renderRepository(state, INPUTS))[1]));
    const bytes = [...files.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    line('full render (renderRepository), cold', ms(cold));
    line('full render (renderRepository)', ms(full), `target < 1 s: ${full < 1000 ? 'met' : 'NOT met'}`);
    line('  files, size', `${files.size}`.padStart(10), `${(bytes / 1024 / 1024).toFixed(1)} MiB`);

    const after = changed(state, 0);
    const [changes] = time(() => renderChanged(state, after, INPUTS));
    const partial = median(Array.from({ length: RUNS }, () => time(() => renderChanged(state, after, INPUTS))[1]));
    line('one change re-rendered (renderChanged)', ms(partial));
    line('  files written', `${changes.write.size}`.padStart(10), [...changes.write.keys()].join(', '));
    line('  files removed', `${changes.remove.length}`.padStart(10), changes.remove.join(', '));
    const own = [...changes.write.keys()].every((p) => p === 'state.json' || p.startsWith('hosts/kiosk-0500/'));
    console.log(`  target: only its own files + state.json: ${own ? 'met' : 'NOT met'}\n`);

    const repo = await GitRepository.openOrInit(join(dir, 'repo'));
    const request = (n: number) => ({
      author: person('alice'),
      committer: person('thymis'),
      message: `Change ${n}`,
      time: new Date(Date.UTC(2025, 0, 1, 0, n)),
    });
    const [, initial] = await timeAsync(() => repo.commit({ write: files, remove: [] }, request(0)));
    line('first commit of the full render (info)', ms(initial), `${files.size} files`);

    // As RepositoryProjection.handle: configurations by identifier, a new document per command, render, commit.
    const configs = new Map(state.configs.map((c) => [c.identifier, c]));
    const steps: { render: number; commit: number }[] = [];
    let before = state;
    let written = 0;
    for (let n = 1; n <= RUNS + 1; n++) {
      const target = changed(before, n).configs[500];
      const start = performance.now();
      configs.set(target.identifier, target);
      const next = stateDocument([...configs.values()], state.tags);
      const step = renderChanged(before, next, INPUTS);
      const rendered = performance.now();
      await repo.commit(step, request(n));
      if (n > 1) steps.push({ render: rendered - start, commit: performance.now() - rendered }); // n = 1 warms up
      written = step.write.size + step.remove.length;
      before = next;
    }
    const total = steps.map((s) => s.render + s.commit);
    line('one change to a commit (document+render+commit)', ms(median(total)), `max ${ms(Math.max(...total)).trim()}`);
    line('  of which document + renderChanged', ms(median(steps.map((s) => s.render))));
    line('  of which GitRepository.commit', ms(median(steps.map((s) => s.commit))));
    line('  files written per commit', `${written}`.padStart(10));
    line('  commits in the repository', `${(await repo.log(100)).length}`.padStart(10));
  } finally {
    cleanup();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
