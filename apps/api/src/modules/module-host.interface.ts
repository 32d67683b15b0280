import type { ModuleCommand } from '@thymis/domain';
import type { Origin } from '../auth/principal';

/** Configurations and tags both carry modules; the modules routes serve either through this. */
export interface ModuleHost<V extends { modules: unknown[]; version: number }> {
  get(id: string): Promise<V>;
  runModuleCommand(id: string, command: ModuleCommand, origin: Origin, expectedVersion?: number): Promise<V>;
}
