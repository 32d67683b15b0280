import type { ModuleSpec } from './module-spec';
import { PATTERNS } from './patterns';

export const ociContainersModule: ModuleSpec = {
  type: 'oci-containers',
  displayName: 'OCI containers',
  description: 'Containers the device pulls and keeps running.',
  settings: [
    {
      name: 'containers',
      type: 'list',
      displayName: 'Containers',
      description: 'One entry per container.',
      default: [],
      of: {
        fields: [
          {
            name: 'name',
            type: 'string',
            displayName: 'Name',
            description: 'The container and its systemd unit are named after it; no two containers share one.',
            default: null,
            ...PATTERNS.containerName,
            unique: true,
          },
          {
            name: 'image',
            type: 'string',
            displayName: 'Image',
            description: 'An image reference such as docker.io/library/nginx:1.27.',
            default: null,
          },
          {
            name: 'ports',
            type: 'list',
            of: 'string',
            displayName: 'Ports',
            description: 'Published ports as [ip:]host:container[/protocol], such as 8080:80.',
            default: [],
            ...PATTERNS.publishedPort,
          },
          {
            name: 'environment',
            type: 'list',
            of: 'string',
            displayName: 'Environment',
            description: 'Variables as KEY=value.',
            default: [],
            ...PATTERNS.environmentVariable,
          },
          {
            name: 'volumes',
            type: 'list',
            of: 'string',
            displayName: 'Volumes',
            description: 'Mounts as host-path:container-path.',
            default: [],
          },
        ],
      },
    },
  ],
};
