import { effect, signal, untracked, type Signal } from '@angular/core';
import type { FormRequest } from './form-request';
import { changedFields, sameFields, type SameValue } from './form-values';

/** What VersionedForm needs of the form: Angular's FormGroup fits. */
export interface EditedForm<F> {
  readonly dirty: boolean;
  readonly invalid: boolean;
  getRawValue(): F;
  reset(value: NoInfer<F>): void;
}

export interface VersionedFormOptions<V extends { version: number }, F> {
  form: EditedForm<F>;
  /** Its fields are the ones compared and sent. */
  request: FormRequest<keyof F & string>;
  /** What the page knows of the thing edited; it changes with live updates and the page's own writes. */
  view: Signal<V>;
  fieldsOf: (view: V) => F;
  same?: SameValue<F>;
  /** Sends the changed fields with If-Match: `version`. */
  save: (changes: Partial<F>, version: number) => Promise<V>;
  saved: (view: V) => void;
  /** A save found it changed meanwhile (412): the page fetches it again. */
  staleFound: () => void;
}

/**
 * An edit form saved with the version it started from, so that a change someone else made meanwhile is a 412 to reload
 * (`stale`) rather than overwritten. Create it in a field initializer: it follows `view` with an effect.
 */
export class VersionedForm<V extends { version: number }, F> {
  readonly stale = signal(false);
  /** What the form started from, and the version to send: see follow(). */
  private base?: { fields: F; version: number };

  constructor(private readonly options: VersionedFormOptions<V, F>) {
    effect(() => {
      const view = options.view();
      untracked(() => this.follow(view));
    });
  }

  /** Back to the newest the page knows, dropping the user's edits. */
  reload(): void {
    this.stale.set(false);
    this.options.request.error.set(null);
    this.reset(this.options.view());
  }

  async submit(): Promise<void> {
    const { form, request, same } = this.options;
    if (!this.base || form.invalid || request.busy()) return;
    const { fields, version } = this.base;
    const changes = changedFields(request.fields, fields, form.getRawValue(), same);
    const saved = await request.send(() => this.options.save(changes, version));
    if (saved) {
      this.reset(saved);
      this.options.saved(saved);
      return;
    }
    const refusedAsStale = request.error()?.statusCode === 412;
    this.stale.set(refusedAsStale);
    if (refusedAsStale) this.options.staleFound();
  }

  /**
   * A newer version arrived (live, or by a module edit). Untouched, the form shows it. Being edited, it keeps the
   * user's edits; if only other parts changed (its modules) it moves its version along (no conflict with these
   * fields), else it keeps the old version, so that saving is refused with 412 instead of overwriting the other change.
   */
  private follow(view: V): void {
    const { form, request, fieldsOf, same } = this.options;
    const fields = fieldsOf(view);
    if (this.base && sameFields(request.fields, fields, this.base.fields, same)) {
      this.base = { fields, version: view.version };
    } else if (!form.dirty) this.reset(view);
  }

  private reset(view: V): void {
    const fields = this.options.fieldsOf(view);
    this.base = { fields, version: view.version };
    this.options.form.reset(fields);
  }
}
