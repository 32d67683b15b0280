import { computed, signal } from '@angular/core';
import { ApiError, toApiError } from './api-error';

/**
 * One thing a page reads from the API, as signals: `value`, `error`, `loading`. A reload keeps showing the last value
 * until the new one arrives, and when loads overlap (a live update during a slow fetch) the newest one wins.
 *
 *   readonly configs = new Loader(() => this.api.get<List<ConfigView>>('/api/configs'));
 *   constructor() { void this.configs.reload(); }
 */
export class Loader<T> {
  private readonly state = signal<{ value?: T; error: ApiError | null; loading: boolean }>({
    error: null,
    loading: false,
  });
  private latest = 0;

  readonly value = computed(() => this.state().value);
  readonly error = computed(() => this.state().error);
  readonly loading = computed(() => this.state().loading);
  /** Nothing to show yet: the first load runs. Pages show their loading state for this, not for every reload. */
  readonly pending = computed(() => this.state().loading && this.state().value === undefined && !this.state().error);

  constructor(private readonly fetch: () => Promise<T>) {}

  async reload(): Promise<void> {
    const load = ++this.latest;
    this.state.update((state) => ({ ...state, loading: true }));
    try {
      const value = await this.fetch();
      if (load === this.latest) this.state.set({ value, error: null, loading: false });
    } catch (error) {
      if (load === this.latest) this.state.update((state) => ({ ...state, error: toApiError(error), loading: false }));
    }
  }
}
