import { effect, inject, linkedSignal, signal, untracked, type Signal, type WritableSignal } from '@angular/core';
import { Router } from '@angular/router';
import { toApiError, type ApiError } from '../../core/http/api-error';
import { Loader } from '../../core/http/loader';
import { refetchOnChange, STATE_REFETCH_MS } from '../../core/live/refetch-on-change';

/** What a detail page shows and edits: a configuration or a tag, as the API answers with it. */
export interface VersionedView {
  identifier: string;
  displayName: string;
  version: number;
}

export interface EditableResourceOptions<T> {
  /** The `:id` route parameter: fetched again whenever it changes. */
  id: Signal<string>;
  /** Its feature's service; `delete` sends the version as If-Match. */
  service: { get(id: string): Promise<T>; delete(id: string, version: number): Promise<void> };
  /** Where the page goes once it is deleted: its list. */
  listPath: string;
  /** What else the page shows, fetched again with it. */
  alongside?: readonly { reload(): Promise<void> }[];
}

/**
 * The thing a detail page is about (a configuration, a tag): fetched for its `:id` and again on every live change, the
 * newest version the page knows, and deleting it on confirmation. Create it in a field initializer (it injects, and
 * watches `id` with an effect); ResourceHeaderComponent shows its title, load state and delete dialog.
 */
export class EditableResource<T extends VersionedView> {
  private readonly router = inject(Router);

  readonly id: Signal<string>;
  readonly loader: Loader<T>;
  /** The newest the page knows: the last fetch, or the answer of its own last write, whichever came later. */
  readonly current: WritableSignal<T | undefined>;
  readonly confirmDelete = signal(false);
  readonly deleting = signal(false);
  readonly deleteError = signal<ApiError | null>(null);

  constructor(private readonly options: EditableResourceOptions<T>) {
    this.id = options.id;
    this.loader = new Loader(() => options.service.get(untracked(options.id)));
    this.current = linkedSignal<T | undefined, T | undefined>({
      source: () => (this.loader.error()?.statusCode === 404 ? undefined : this.loader.value()),
      computation: newestVersion,
    });
    effect(() => {
      options.id();
      untracked(() => this.refresh());
    });
    refetchOnChange('state', STATE_REFETCH_MS, () => this.refresh());
  }

  refresh(): void {
    void this.loader.reload();
    for (const loader of this.options.alongside ?? []) void loader.reload();
  }

  /** A 412 means it changed meanwhile: the page shows why and fetches the newer version to decide on. */
  async delete(item: T): Promise<void> {
    this.deleting.set(true);
    this.deleteError.set(null);
    try {
      await this.options.service.delete(item.identifier, item.version);
      await this.router.navigate([this.options.listPath]);
    } catch (error) {
      const refused = toApiError(error);
      this.deleteError.set(refused);
      if (refused.statusCode === 412) this.refresh();
    } finally {
      this.deleting.set(false);
      this.confirmDelete.set(false);
    }
  }
}

/**
 * What was fetched, unless the page's own write already gave a newer version (a fetch that started before the write
 * can answer after it). Gone (404) is undefined.
 */
function newestVersion<T extends VersionedView>(
  fetched: T | undefined,
  previous: { value: T | undefined } | undefined,
): T | undefined {
  const known = previous?.value;
  return fetched && known && known.identifier === fetched.identifier && known.version > fetched.version
    ? known
    : fetched;
}
