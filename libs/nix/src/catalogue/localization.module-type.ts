import type { ModuleSpec } from './module-spec';
import { PATTERNS } from './patterns';

export const localizationModule: ModuleSpec = {
  type: 'localization',
  displayName: 'Localization & Time',
  description: 'Time zone and the NTP servers the clock follows.',
  settings: [
    {
      name: 'timeZone',
      type: 'string',
      displayName: 'Time zone',
      description: 'An IANA time zone such as Europe/Berlin.',
      default: 'UTC',
      ...PATTERNS.timeZone,
    },
    {
      name: 'ntpServers',
      type: 'list',
      of: 'string',
      displayName: 'NTP servers',
      description: "Time servers to use instead of NixOS' defaults.",
      default: [],
      ...PATTERNS.hostOrAddress,
    },
  ],
};
