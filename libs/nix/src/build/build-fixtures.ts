import type { StateDocument } from '@thymis/domain';
import { config, state } from '../testing/states';

/**
 * For the build specs: a state with one configuration, "kiosk", whose Custom Nix adds a derivation to its system,
 * so that its image build has a build that logs and reports phases (the stand-in nixpkgs' own builders are silent),
 * one more that fails with a reason, or one that takes long.
 */
export type AssetsMode = 'ok' | 'fail' | 'slow';

/** The slow builder's sleep, to find it among processes: this process's own, should two test runs overlap. */
export const SLOW_SLEEP = `${1000 + (process.pid % 9000)}.654`;

const STEP: Record<AssetsMode, string> = {
  ok: '',
  fail: 'echo "kiosk assets: missing logo.png" >&2; exit 3',
  slow: `sleep ${SLOW_SLEEP}`,
};

export const assetsNix = (mode: AssetsMode) => `{ pkgs, ... }:
{
  environment.etc."kiosk-assets".source = pkgs.runCommand "kiosk-assets" { } ''
    phase() { echo "@nix {\\"action\\":\\"setPhase\\",\\"phase\\":\\"$1\\"}" >&2; }
    phase unpackPhase
    echo "unpacking 3 assets"
    phase buildPhase
    for i in 1 2 3; do echo "asset $i of 3"; done
    ${STEP[mode]}
    phase installPhase
    mkdir -p "$out"
    echo ok > "$out/assets"
  '';
}
`;

export const kioskState = (mode: AssetsMode): StateDocument =>
  state([
    config(
      'kiosk',
      [],
      [
        { type: 'device', settings: {} },
        { type: 'custom-nix', settings: { code: assetsNix(mode) } },
      ],
    ),
  ]);
