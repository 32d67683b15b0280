import { Inject, Injectable } from '@nestjs/common';
import { dirname, join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '@thymis/config';
import { invalid, type ModuleCommand } from '@thymis/domain';
import { nixCodeSettings, parseNix, validateModuleSettings } from '@thymis/nix';

/** Checks module settings against the catalogue before they are recorded; Nix code is parsed by Nix itself. */
@Injectable()
export class ModuleSettings {
  private readonly nixInstantiate: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // nix-instantiate ships beside nix: NIX_BIN=/opt/nix/bin/nix means /opt/nix/bin/nix-instantiate.
    this.nixInstantiate = config.nix.bin.includes('/')
      ? join(dirname(config.nix.bin), 'nix-instantiate')
      : 'nix-instantiate';
  }

  async check(command: ModuleCommand): Promise<void> {
    if (command.kind === 'remove-module') return;
    validateModuleSettings(command.type, command.settings, command.kind === 'add-module' ? 'complete' : 'patch');
    for (const [name, code] of nixCodeSettings(command.type, command.settings)) {
      const parsed = await parseNix(code, this.nixInstantiate);
      if (!parsed.ok) {
        throw invalid(
          `settings.${name}`,
          `Nix syntax error at line ${parsed.line}, column ${parsed.column}: ${parsed.message}`,
        );
      }
    }
  }
}
