import type { ModuleSpec } from './module-spec';
import { PATTERNS } from './patterns';

export const networkingModule: ModuleSpec = {
  type: 'networking',
  displayName: 'Networking',
  description: 'Wi-Fi, static IPv4 addresses, default gateway and name servers.',
  settings: [
    {
      name: 'wifiSsid',
      type: 'string',
      displayName: 'Wi-Fi SSID',
      description: 'The Wi-Fi network to join; no Wi-Fi when not set.',
      default: null,
      // wpa_supplicant.conf is line-based: a line break would add configuration lines.
      ...PATTERNS.oneLine,
    },
    {
      name: 'wifiPassword',
      type: 'string',
      displayName: 'Wi-Fi password',
      description: 'The pre-shared key of the Wi-Fi network.',
      default: null,
      ...PATTERNS.wpaPassphrase,
    },
    {
      name: 'staticIpv4Addresses',
      type: 'list',
      of: 'string',
      displayName: 'Static IPv4 addresses',
      description: 'Addresses with prefix length, such as 192.168.1.10/24; DHCP only when empty.',
      default: [],
      ...PATTERNS.ipv4WithPrefix,
    },
    {
      name: 'defaultGateway',
      type: 'string',
      displayName: 'Default gateway',
      description: 'The IPv4 address of the default route when addresses are static.',
      default: null,
      ...PATTERNS.ipv4,
    },
    {
      name: 'nameservers',
      type: 'list',
      of: 'string',
      displayName: 'Name servers',
      description: 'DNS servers to use instead of those DHCP offers.',
      default: [],
      ...PATTERNS.ipAddress,
    },
  ],
};
