import type { ModuleSpec } from './module-spec';
import { PATTERNS } from './patterns';

/** Rotation uses xrandr's names, so the device side passes the value through unchanged. */
export const KIOSK_ROTATIONS = ['normal', 'left', 'right', 'inverted'];

export const kioskModule: ModuleSpec = {
  type: 'kiosk',
  displayName: 'Kiosk',
  description: 'A full-screen browser showing one page, optionally shared over VNC.',
  settings: [
    { name: 'url', type: 'string', displayName: 'URL', description: 'The page the kiosk shows.', default: null },
    {
      name: 'rotation',
      type: 'select',
      choices: KIOSK_ROTATIONS,
      displayName: 'Screen rotation',
      description: 'normal; left = 90° counter-clockwise; right = 90° clockwise; inverted = 180°.',
      default: 'normal',
    },
    {
      name: 'enableVnc',
      type: 'bool',
      displayName: 'Enable VNC',
      description: 'Share the screen with a VNC server.',
      default: false,
    },
    {
      name: 'vncPassword',
      type: 'string',
      displayName: 'VNC password',
      description: 'The password VNC clients must give; none when not set.',
      default: null,
      ...PATTERNS.oneLine,
    },
    {
      name: 'vncPort',
      type: 'int',
      min: 1,
      max: 65535,
      displayName: 'VNC port',
      description: 'The TCP port the VNC server listens on.',
      default: 5900,
    },
  ],
};
