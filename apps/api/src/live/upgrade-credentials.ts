import type { IncomingMessage } from 'node:http';
import { SESSION_COOKIE } from '../auth/auth.guard';

/**
 * The session cookie and bearer token of a WebSocket upgrade request. Upgrades bypass Express, so cookie-parser has
 * not run: the Cookie header is read here, the same way (first cookie of that name wins, values URI-decoded).
 */
export function upgradeCredentials(request: IncomingMessage): { session?: string; bearer?: string } {
  const authorization = request.headers.authorization;
  const bearer = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : undefined;
  return { session: cookie(request.headers.cookie, SESSION_COOKIE), bearer: bearer || undefined };
}

function cookie(header: string | undefined, name: string): string | undefined {
  for (const pair of header?.split(';') ?? []) {
    const split = pair.indexOf('=');
    if (split < 0 || pair.slice(0, split).trim() !== name) continue;
    let value = pair.slice(split + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}
