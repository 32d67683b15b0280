import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret for sessions, tokens and generated passwords: 32 bytes, URL-safe. */
export const newSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Secrets are high-entropy, so a plain SHA-256 is enough to store them without keeping them. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** Compares two strings in time that does not depend on where they differ. */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}
