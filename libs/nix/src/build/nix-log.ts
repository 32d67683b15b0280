/**
 * Reads what `nix build --log-format internal-json` writes to stderr: one `@nix {json}` per line (other lines are
 * plain text), each starting or stopping an activity, reporting a result of one, or a message. The parser keeps
 * the counters Nix's own progress bar shows and turns the log into readable lines.
 * Numbers are Nix's (src/libutil/logging.hh), unchanged since 2.3.
 */

/** The activity types this parser reads (others: copyPath 100, fileTransfer 101, optimiseStore 106, …). */
export const ActivityType = { realise: 102, copyPaths: 103, builds: 104, build: 105, substitute: 108 } as const;

/** The result types this parser reads (others: fileLinked 100, setExpected 106, …). */
export const ResultType = { buildLogLine: 101, setPhase: 104, progress: 105, postBuildLogLine: 107 } as const;

/** Nix's verbosity: error 0, warn 1, notice 2, info 3, talkative 4, chatty 5, debug 6, vomit 7. */
const LEVEL_INFO = 3;
/** How many of a build's last log lines a failure names. */
const FAILURE_TAIL = 10;

export interface NixBuildProgress {
  /** Derivations to build: done and expected as Nix counts them (expected drops as dependents of a failure go). */
  builds: { done: number; expected: number; running: number; failed: number };
  /** Store paths fetched from substituters. */
  downloads: { done: number; expected: number };
  /** What runs now, e.g. "building thymis-image-kiosk-raw-efi (installPhase)"; undefined when nothing does. */
  activity: string | undefined;
  /** 0–100 from builds done/expected; 100 only once the build has finished without failure. */
  percent: number;
}

interface Activity {
  type: number;
  /** The derivation or store path's name (no store directory, hash or .drv). */
  name: string;
  /** A build's derivation path. */
  drvPath?: string;
  phase?: string;
  tail: string[];
}

type Counts = [done: number, expected: number, running: number, failed: number];

interface NixLogEntry {
  action?: string;
  id?: number;
  type?: number;
  level?: number;
  text?: string;
  msg?: string;
  fields?: unknown[];
}

const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g; // eslint-disable-line no-control-regex
const BUILDER_FAILED = /^error: builder for '([^']+)' failed/;
const stripAnsi = (text: string) => text.replace(ANSI, '');
const asText = (field: unknown) => (typeof field === 'string' ? field : '');

/** `/nix/store/<hash>-thymis-image-kiosk.drv` → `thymis-image-kiosk`. */
export function storePathName(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base.replace(/^[0-9a-z]{32}-/, '').replace(/\.drv$/, '');
}

export class NixLogParser {
  private readonly active = new Map<number, Activity>();
  private readonly buildCounts = new Map<number, Counts>();
  private readonly downloadCounts = new Map<number, Counts>();
  private finished = false;
  private readonly failure: string[] = [];

  /** Takes one line of stderr (without its newline); answers the readable lines it makes, often none. */
  feed(line: string): string[] {
    const entry = line.startsWith('@nix ') ? parseEntry(line.slice(5)) : undefined;
    if (!entry) return [stripAnsi(line).replace(/\r$/, '')];
    switch (entry.action) {
      case 'start':
        return this.start(entry);
      case 'stop':
        this.stop(entry.id);
        return [];
      case 'result':
        return this.result(entry);
      case 'msg':
        return this.message(entry);
      default:
        return [];
    }
  }

  /** The runner tells how the process ended: with success the build is finished (100%), either way nothing runs. */
  end(succeeded: boolean): void {
    this.active.clear();
    this.finished = succeeded && this.progress.builds.failed === 0;
  }

  get progress(): NixBuildProgress {
    const [done, expected, running, failed] = sum(this.buildCounts);
    const [downloaded, toDownload] = sum(this.downloadCounts);
    const percent = this.finished ? 100 : expected > 0 ? Math.min(99, Math.floor((done * 100) / expected)) : 0;
    return {
      builds: { done, expected, running, failed },
      downloads: { done: downloaded, expected: toDownload },
      activity: this.currentActivity(),
      percent,
    };
  }

  /** The error messages so far; a failed builder's is followed by that build's last log lines. */
  get errors(): string[] {
    return [...this.failure];
  }

  private start(entry: NixLogEntry): string[] {
    if (entry.id === undefined) return [];
    const first = typeof entry.fields?.[0] === 'string' ? entry.fields[0] : undefined;
    const type = entry.type ?? 0;
    if (type === ActivityType.realise) this.finished = false;
    this.active.set(entry.id, {
      type,
      name: first ? storePathName(first) : '',
      drvPath: type === ActivityType.build ? first : undefined,
      tail: [],
    });
    const text = stripAnsi(entry.text ?? '');
    return text !== '' && (entry.level ?? 0) <= LEVEL_INFO ? [text] : [];
  }

  private stop(id: number | undefined): void {
    const activity = this.active.get(id ?? -1);
    this.active.delete(id ?? -1);
    if (activity?.type !== ActivityType.realise) return;
    const realising = [...this.active.values()].some((a) => a.type === ActivityType.realise);
    this.finished = !realising && this.failure.length === 0 && this.progress.builds.failed === 0;
  }

  private result(entry: NixLogEntry): string[] {
    const activity = entry.id === undefined ? undefined : this.active.get(entry.id);
    const fields = entry.fields ?? [];
    switch (entry.type) {
      case ResultType.buildLogLine:
      case ResultType.postBuildLogLine: {
        const text = stripAnsi(asText(fields[0]));
        if (!activity) return [text];
        activity.tail = [...activity.tail, text].slice(-FAILURE_TAIL);
        return [`${activity.name}> ${text}`];
      }
      case ResultType.setPhase:
        if (!activity) return [];
        activity.phase = asText(fields[0]);
        return [`${activity.name}> Running phase: ${activity.phase}`];
      case ResultType.progress:
        if (activity?.type === ActivityType.builds) this.buildCounts.set(entry.id!, counts(fields));
        if (activity?.type === ActivityType.copyPaths) this.downloadCounts.set(entry.id!, counts(fields));
        return [];
      default:
        return [];
    }
  }

  private message(entry: NixLogEntry): string[] {
    if ((entry.level ?? 0) > LEVEL_INFO) return [];
    const lines = stripAnsi(entry.msg ?? '')
      .replace(/\n+$/, '')
      .split('\n');
    if (entry.level === 0) {
      this.failure.push(...lines);
      const failed = BUILDER_FAILED.exec(lines[0]);
      const build = failed && [...this.active.values()].find((a) => a.drvPath === failed[1]);
      if (build && build.tail.length > 0) {
        this.failure.push(`last log lines of ${build.name}:`, ...build.tail.map((line) => `> ${line}`));
      }
    }
    return lines;
  }

  private currentActivity(): string | undefined {
    const running = [...this.active.values()];
    const build = running.reverse().find((a) => a.type === ActivityType.build);
    if (build) return `building ${build.name}${build.phase ? ` (${build.phase})` : ''}`;
    const download = running.find((a) => a.type === ActivityType.substitute);
    return download ? `downloading ${download.name}` : undefined;
  }
}

function parseEntry(json: string): NixLogEntry | undefined {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const counts = (fields: unknown[]): Counts => [0, 1, 2, 3].map((i) => Number(fields[i]) || 0) as Counts;

function sum(all: Map<number, Counts>): Counts {
  const total: Counts = [0, 0, 0, 0];
  for (const c of all.values()) for (let i = 0; i < 4; i += 1) total[i] += c[i];
  return total;
}
