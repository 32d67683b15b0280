import { MODULE_CATALOGUE } from '../catalogue/catalogue';
import { filledSettings } from '../testing/filled-settings';
import { HOSTILE_STRINGS } from '../testing/hostile-strings';
import { renderModuleFile } from './module-file';

/** A double-quoted Nix string as the Nix lexer reads it: escape pairs, or anything but `"`, `\` and `${`. */
const NIX_STRING = /"(?:\\[^]|\$(?!\{)|[^"\\$])*"/g;
/** The file with every string literal emptied: its structure, which no text may change. */
const skeleton = (text: string) => text.replace(NIX_STRING, '""');

const textModules = MODULE_CATALOGUE.filter((spec) => spec.type !== 'custom-nix');

describe('hostile strings in every text setting', () => {
  describe.each(textModules.map((spec) => [spec.type, spec] as const))('%s', (type, spec) => {
    const plain = renderModuleFile({ type, settings: filledSettings(spec, 'x') }, 80);

    it.each(HOSTILE_STRINGS)('leaves the structure of the file as it is for %j', (hostile) => {
      const rendered = renderModuleFile({ type, settings: filledSettings(spec, hostile) }, 80);

      expect(skeleton(rendered)).toBe(skeleton(plain));
    });

    it('sets every setting it was given, so the comparison above covers them all', () => {
      for (const setting of spec.settings) expect(plain).toContain(`thymis.${type}.${setting.name} =`);
    });
  });

  it('a skeleton comparison catches a string that escapes its quotes', () => {
    const broken = (s: string) => `x = "${s}";`;
    expect(skeleton(broken('"; y = 1; "'))).not.toBe(skeleton(broken('x')));
    expect(skeleton(broken('${y}'))).not.toBe(skeleton(broken('x')));
  });
});
