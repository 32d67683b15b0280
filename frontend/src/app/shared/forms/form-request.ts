import { computed, signal } from '@angular/core';
import { toApiError, type ApiError } from '../../core/http/api-error';
import { identifierClash } from '../../core/http/identifier-clash';

/**
 * A form's requests to the API: `busy` while one runs, and what the API refused, beside the field it names
 * (`forField`) or, naming none of the form's fields, above them (`general`).
 *
 *   protected readonly request = new FormRequest(['displayName', 'priority']);
 *   const tag = await this.request.send(() => this.tags.create(...));
 */
export class FormRequest<F extends string> {
  readonly busy = signal(false);
  readonly error = signal<ApiError | null>(null);
  readonly general = computed(() => {
    const error = this.error();
    return error && !this.fields.some((field) => this.forField(field)) ? error.message : undefined;
  });

  constructor(
    readonly fields: readonly F[],
    /** Create forms with an optional identifier: whether one was typed, to place a duplicate (see identifierClash). */
    private readonly identifierTyped?: () => boolean,
  ) {}

  forField(field: F): string | undefined {
    const error = this.error();
    if (error?.code === 'already_exists' && this.identifierTyped) {
      return identifierClash(error, field, this.identifierTyped());
    }
    return error?.forField(field);
  }

  /** Runs `request` unless one runs already. Resolves to its answer, or to undefined when skipped or refused. */
  async send<T>(request: () => Promise<T>): Promise<T | undefined> {
    if (this.busy()) return undefined;
    this.busy.set(true);
    this.error.set(null);
    try {
      return await request();
    } catch (error) {
      this.error.set(toApiError(error));
      return undefined;
    } finally {
      this.busy.set(false);
    }
  }
}
