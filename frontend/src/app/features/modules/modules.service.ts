import { Injectable, inject } from '@angular/core';
import type { ModuleInstance, ModuleTypeView, SettingValue } from '@thymis/contracts';
import { ApiClient } from '../../core/http/api-client';

/** What carries modules: the path segment of its routes (`/api/configs/:id/modules`, `/api/tags/:id/modules`). */
export type ModuleOwnerKind = 'configs' | 'tags';

/** A configuration or a tag as far as its modules go; every module write answers with the whole owner. */
export interface ModuleOwner {
  modules: ModuleInstance[];
  version: number;
}

/** Which owner a write goes to, and the version the page last read (sent as If-Match: 412 when stale). */
export interface ModuleTarget {
  kind: ModuleOwnerKind;
  id: string;
  version: number;
}

/** The module catalogue and the module routes of configurations and tags, which answer alike. */
@Injectable({ providedIn: 'root' })
export class ModulesService {
  private readonly api = inject(ApiClient);
  /** The catalogue is fixed while the controller runs: fetched once, retried after a failure. */
  private catalogueRequest?: Promise<ModuleTypeView[]>;

  catalogue(): Promise<ModuleTypeView[]> {
    this.catalogueRequest ??= this.api.get<ModuleTypeView[]>('/api/modules').catch((error: unknown) => {
      this.catalogueRequest = undefined;
      throw error;
    });
    return this.catalogueRequest;
  }

  add<T extends ModuleOwner>(target: ModuleTarget, type: string): Promise<T> {
    return this.api.post<T>(this.path(target), { type }, { ifMatch: target.version });
  }

  /** `null` returns a setting to its default. */
  update<T extends ModuleOwner>(
    target: ModuleTarget,
    type: string,
    settings: Record<string, SettingValue>,
  ): Promise<T> {
    return this.api.patch<T>(
      `${this.path(target)}/${encodeURIComponent(type)}`,
      { settings },
      { ifMatch: target.version },
    );
  }

  remove<T extends ModuleOwner>(target: ModuleTarget, type: string): Promise<T> {
    return this.api.delete<T>(`${this.path(target)}/${encodeURIComponent(type)}`, { ifMatch: target.version });
  }

  private path(target: ModuleTarget): string {
    return `/api/${target.kind}/${encodeURIComponent(target.id)}/modules`;
  }
}
