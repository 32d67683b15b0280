import type { ModuleSpec } from './module-spec';
import { PATTERNS } from './patterns';

/** Hardware model and image format are fields of the configuration itself, rendered into hosts/<config>/default.nix. */
export const deviceModule: ModuleSpec = {
  type: 'device',
  displayName: 'Device',
  description: 'Core identity of the device: host name, NixOS release and the controller it reports to.',
  settings: [
    {
      name: 'hostname',
      type: 'string',
      displayName: 'Hostname',
      description: "The device's host name; the configuration's identifier when not set.",
      default: null,
      ...PATTERNS.hostname,
    },
    {
      name: 'nixosStateVersion',
      type: 'string',
      displayName: 'NixOS state version',
      description: 'The NixOS release whose stateful defaults the device keeps (system.stateVersion).',
      default: '25.05',
    },
    {
      name: 'controllerUrl',
      type: 'string',
      displayName: 'Controller URL',
      description: 'Where the device reaches the Thymis controller.',
      default: null,
    },
  ],
};
