import { Injectable, inject } from '@angular/core';
import type { ConfigView, List, TagView } from '@thymis/contracts';
import { ApiClient } from '../../core/http/api-client';

export interface TagFields {
  displayName: string;
  /** 0–1000; lower wins when tags set the same module. */
  priority: number;
}

export interface NewTag extends TagFields {
  /** Derived from the name by the API when absent. */
  identifier?: string;
}

/** The priority the API gives a tag created without one. */
export const DEFAULT_PRIORITY = 90;

/** Tags: groups of configurations that share modules. */
@Injectable({ providedIn: 'root' })
export class TagsService {
  private readonly api = inject(ApiClient);

  list(): Promise<List<TagView>> {
    return this.api.get<List<TagView>>('/api/tags');
  }

  get(id: string): Promise<TagView> {
    return this.api.get<TagView>(this.path(id));
  }

  create(tag: NewTag): Promise<TagView> {
    return this.api.post<TagView>('/api/tags', tag);
  }

  update(id: string, changes: Partial<TagFields>, version: number): Promise<TagView> {
    return this.api.patch<TagView>(this.path(id), changes, { ifMatch: version });
  }

  delete(id: string, version: number): Promise<void> {
    return this.api.delete(this.path(id), { ifMatch: version });
  }

  /** The configurations carrying the tag. */
  async configsWith(id: string): Promise<ConfigView[]> {
    const { items } = await this.api.get<List<ConfigView>>('/api/configs');
    return items.filter((config) => config.tags.includes(id));
  }

  private path(id: string): string {
    return `/api/tags/${encodeURIComponent(id)}`;
  }
}
