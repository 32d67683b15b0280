import type { ConfigState } from '@thymis/domain';
import { CONFIG_PRIORITY, GENERATED_HEADER } from './module-file';
import { nixString } from './nix-value';

type ConfigFields = Pick<ConfigState, 'identifier' | 'hardwareModel' | 'imageFormat' | 'modules'>;

/**
 * hosts/<config>/default.nix: what every configuration has whatever its modules, at the configuration's priority.
 * The hostname falls back to the identifier (a valid host name by construction) unless the configuration's own device
 * module sets one: two definitions at the same priority would conflict.
 */
export function renderConfigDefault(config: ConfigFields): string {
  const set = (name: string, value: string) =>
    `  thymis.device.${name} = lib.mkOverride ${CONFIG_PRIORITY} ${nixString(value)};\n`;
  const device = config.modules.find((m) => m.type === 'device');
  const hostname = device?.settings.hostname;
  const ownHostname = hostname !== undefined && hostname !== null;
  return (
    `${GENERATED_HEADER}{ lib, ... }:\n{\n` +
    set('hardwareModel', config.hardwareModel) +
    set('imageFormat', config.imageFormat) +
    (ownHostname ? '' : set('hostname', config.identifier)) +
    '}\n'
  );
}
