import { bashServiceModule } from './bash-service.module-type';
import { customNixModule } from './custom-nix.module-type';
import { deviceModule } from './device.module-type';
import { kioskModule } from './kiosk.module-type';
import { localizationModule } from './localization.module-type';
import type { ModuleSpec } from './module-spec';
import { networkingModule } from './networking.module-type';
import { ociContainersModule } from './oci-containers.module-type';
import { securityModule } from './security.module-type';

/** Every module a configuration or tag can carry, in the order the dashboard lists them. */
export const MODULE_CATALOGUE: ModuleSpec[] = [
  deviceModule,
  networkingModule,
  localizationModule,
  securityModule,
  kioskModule,
  ociContainersModule,
  bashServiceModule,
  customNixModule,
];

const BY_TYPE = new Map(MODULE_CATALOGUE.map((spec) => [spec.type, spec]));

export const findModuleSpec = (type: string): ModuleSpec | undefined => BY_TYPE.get(type);
