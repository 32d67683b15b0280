import { Injectable, inject } from '@angular/core';
import type { ConfigView, HardwareModel, ImageFormat, List, TagView, TaskAccepted, TaskView } from '@thymis/contracts';
import { ApiClient } from '../../core/http/api-client';

export interface ConfigFields {
  displayName: string;
  hardwareModel: HardwareModel;
  imageFormat: ImageFormat;
  tags: string[];
}

export interface NewConfig extends ConfigFields {
  /** Derived from the name by the API when absent. */
  identifier?: string;
}

/** How many of a configuration's image builds its page lists. */
const RECENT_BUILDS = 5;

/** Configurations (the docs' "Devices" before hardware is attached), and what their pages need around them. */
@Injectable({ providedIn: 'root' })
export class ConfigurationsService {
  private readonly api = inject(ApiClient);

  list(): Promise<List<ConfigView>> {
    return this.api.get<List<ConfigView>>('/api/configs');
  }

  get(id: string): Promise<ConfigView> {
    return this.api.get<ConfigView>(this.path(id));
  }

  create(config: NewConfig): Promise<ConfigView> {
    return this.api.post<ConfigView>('/api/configs', config);
  }

  /** Only the fields that changed; `version` is the one the form started from (412 when stale). */
  update(id: string, changes: Partial<ConfigFields>, version: number): Promise<ConfigView> {
    return this.api.patch<ConfigView>(this.path(id), changes, { ifMatch: version });
  }

  delete(id: string, version: number): Promise<void> {
    return this.api.delete(this.path(id), { ifMatch: version });
  }

  /** The tags a configuration can carry. */
  tags(): Promise<List<TagView>> {
    return this.api.get<List<TagView>>('/api/tags');
  }

  /** Download Replacement Image: builds the configuration as it is now. */
  requestImage(id: string): Promise<TaskAccepted> {
    return this.api.post<TaskAccepted>(`${this.path(id)}/image-builds`);
  }

  recentImageBuilds(id: string): Promise<List<TaskView>> {
    return this.api.get<List<TaskView>>('/api/tasks', { type: 'image-build', configId: id, limit: RECENT_BUILDS });
  }

  private path(id: string): string {
    return `/api/configs/${encodeURIComponent(id)}`;
  }
}
