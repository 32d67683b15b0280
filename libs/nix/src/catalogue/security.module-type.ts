import type { ModuleSpec } from './module-spec';
import { PATTERNS } from './patterns';

export const securityModule: ModuleSpec = {
  type: 'security',
  displayName: 'Security & Access',
  description: 'Who may log in as root: SSH keys and a password hash.',
  settings: [
    {
      name: 'authorizedKeys',
      type: 'list',
      of: 'string',
      displayName: 'Authorized SSH keys',
      description: 'Public keys (one per entry, e.g. "ssh-ed25519 AAAA… alice") that may log in as root.',
      default: [],
      ...PATTERNS.sshPublicKey,
    },
    {
      name: 'rootPasswordHash',
      type: 'string',
      displayName: 'Root password hash',
      description: 'A crypt(3) hash as mkpasswd prints it; password login stays disabled when not set.',
      default: null,
      ...PATTERNS.passwordHash,
    },
  ],
};
