import { isIP } from 'node:net';
import { resolve } from 'node:path';

/**
 * Which proxies in front of the controller to believe about the client's address (X-Forwarded-For), in Express's
 * "trust proxy" terms: false for none, a hop count, or a comma-separated list of addresses, subnets and the names
 * loopback, linklocal, uniquelocal.
 */
export type TrustProxy = false | number | string;

/** The controller's whole configuration, read once at boot. Typed slices so each part asks only for what it needs. */
export interface AppConfig {
  database: { url: string };
  redis: { url: string; prefix: string };
  stateDir: string;
  repoPath: string;
  baseUrl: string;
  auth: { username: string; passwordFile: string; sessionTtlSeconds: number };
  /** trustProxy decides the client address the login limiter counts by. */
  listen: { host: string; port: number; trustProxy: TrustProxy };
  /** The generated flake's inputs: point them at mirrors or local paths on sites without internet. */
  nix: { bin: string; nixpkgsUrl: string; deviceModulesUrl: string };
  /**
   * lockMs: how long a job's lock lasts without renewal; a worker gone that long has its job taken up again.
   * controller: where a worker on another machine sends the images it builds, with an API token; without it, the
   * worker writes them into stateDir, which it then shares with the controller.
   */
  worker: { concurrency: number; lockMs: number; controller?: { url: string; token: string } };
  /** The built dashboard (`npm run build:frontend`) the API serves at `/`. */
  dashboardDir: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
  }
}

type Env = Record<string, string | undefined>;

/** Builds the configuration from the environment, failing with every bad key listed at once. */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const text = (key: string, fallback: string) => {
    const value = env[key]?.trim();
    return value ? value : fallback;
  };
  const url = (key: string, fallback: string, protocols: string[]) => {
    const value = text(key, fallback);
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol))
        problems.push(`${key}: protocol must be one of ${protocols.join(', ')}`);
    } catch {
      problems.push(`${key}: not a valid URL`);
    }
    return value;
  };
  const int = (key: string, fallback: number, min: number, max: number) => {
    const raw = env[key]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${key}: must be a whole number from ${min} to ${max}`);
    }
    return value;
  };

  const trustProxy = (key: string): TrustProxy => {
    const raw = env[key]?.trim();
    if (!raw) return false;
    if (/^\d+$/.test(raw)) return int(key, 0, 0, 100);
    const entries = raw.split(',').map((entry) => entry.trim());
    if (!entries.every(isProxyEntry)) {
      problems.push(
        `${key}: must be a hop count, or a comma-separated list of addresses, subnets, loopback, linklocal or uniquelocal`,
      );
    }
    return entries.join(',');
  };

  const listenHost = text('LISTEN_HOST', '127.0.0.1');
  const listenPort = int('LISTEN_PORT', 8000, 1, 65535);
  const stateDir = resolve(text('THYMIS_STATE_DIR', './var'));
  const config: AppConfig = {
    database: { url: url('DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/thymis', ['postgres:', 'postgresql:']) },
    redis: {
      url: url('REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
      prefix: text('THYMIS_REDIS_PREFIX', 'thymis'),
    },
    stateDir,
    repoPath: resolve(text('THYMIS_REPO_PATH', `${stateDir}/repository`)),
    // Without THYMIS_BASE_URL the controller is reached where it listens.
    baseUrl: env.THYMIS_BASE_URL?.trim()
      ? url('THYMIS_BASE_URL', '', ['http:', 'https:'])
      : `http://${listenHost.includes(':') ? `[${listenHost}]` : listenHost}:${listenPort}/`,
    auth: {
      username: text('THYMIS_AUTH_BASIC_USERNAME', 'admin'),
      passwordFile: resolve(text('THYMIS_AUTH_BASIC_PASSWORD_FILE', `${stateDir}/auth-basic-password`)),
      sessionTtlSeconds: int('THYMIS_SESSION_TTL_SECONDS', 12 * 3600, 60, 30 * 24 * 3600),
    },
    listen: { host: listenHost, port: listenPort, trustProxy: trustProxy('THYMIS_TRUST_PROXY') },
    nix: {
      bin: text('NIX_BIN', 'nix'),
      nixpkgsUrl: text('THYMIS_NIXPKGS_URL', 'github:NixOS/nixpkgs/nixos-25.05'),
      // The device-side modules ship with the controller: by default this very checkout (its tracked files).
      deviceModulesUrl: text('THYMIS_DEVICE_MODULES_URL', `git+file://${resolve('.')}`),
    },
    worker: {
      concurrency: int('THYMIS_WORKER_CONCURRENCY', 2, 1, 256),
      lockMs: int('THYMIS_WORKER_LOCK_MS', 30_000, 1_000, 3_600_000),
      controller: controllerOf(env, problems, url),
    },
    dashboardDir: resolve(text('THYMIS_DASHBOARD_DIR', './frontend/dist')),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** THYMIS_CONTROLLER_URL and THYMIS_WORKER_TOKEN: both or neither. */
function controllerOf(
  env: Env,
  problems: string[],
  url: (key: string, fallback: string, protocols: string[]) => string,
): AppConfig['worker']['controller'] {
  const [address, token] = [env.THYMIS_CONTROLLER_URL?.trim(), env.THYMIS_WORKER_TOKEN?.trim()];
  if (!address && !token) return undefined;
  if (!address || !token) {
    problems.push('THYMIS_CONTROLLER_URL and THYMIS_WORKER_TOKEN: set both (a remote worker) or neither');
    return undefined;
  }
  // Relative API paths resolve under the controller's own path, as THYMIS_BASE_URL does.
  const base = url('THYMIS_CONTROLLER_URL', '', ['http:', 'https:']);
  return { url: base.endsWith('/') ? base : `${base}/`, token };
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyEntry(entry: string): boolean {
  if (PROXY_NAMES.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** Injection token under which apps provide their AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
