import type { ModuleSpec } from './module-spec';
import { PATTERNS } from './patterns';

export const bashServiceModule: ModuleSpec = {
  type: 'bash-service',
  displayName: 'Bash service',
  description: 'A bash script run as a systemd service, at boot or on a timer.',
  settings: [
    {
      name: 'script',
      type: 'textarea',
      displayName: 'Script',
      description: 'The bash script the service runs.',
      default: '',
    },
    {
      name: 'packages',
      type: 'list',
      of: 'string',
      displayName: 'Packages',
      description: 'Attribute names in nixpkgs (such as curl or jq) put on the script’s PATH.',
      default: [],
      ...PATTERNS.nixpkgsAttributePath,
    },
    {
      name: 'timer',
      type: 'string',
      displayName: 'Timer',
      description: 'A systemd OnCalendar expression such as "*-*-* 03:00:00"; runs once at boot when not set.',
      default: null,
      ...PATTERNS.oneLine,
    },
  ],
};
