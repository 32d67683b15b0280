import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { TagView } from '@thymis/contracts';
import { FieldComponent, FieldControlDirective } from '../../shared/forms/field.component';
import { FormAlertComponent } from '../../shared/forms/form-alert.component';
import { FormRequest } from '../../shared/forms/form-request';
import { SaveActionsComponent } from '../../shared/forms/save-actions.component';
import { VersionedForm } from '../../shared/forms/versioned-form';
import { PriorityFieldComponent } from './priority-field.component';
import { DEFAULT_PRIORITY, TagsService } from './tags.service';

/**
 * A tag's name and priority, saved with the version the form started from: a change someone else made to them
 * meanwhile is a 412 to reload, not overwritten. Module edits (a newer version, same fields) move the version along.
 */
@Component({
  selector: 'app-tag-form',
  imports: [
    ReactiveFormsModule,
    FieldComponent,
    FieldControlDirective,
    FormAlertComponent,
    PriorityFieldComponent,
    SaveActionsComponent,
  ],
  template: `
    <form [formGroup]="form" (ngSubmit)="edit.submit()" novalidate>
      <app-form-alert [message]="request.general()" [stale]="edit.stale()" noun="tag" (reload)="edit.reload()" />
      <div class="grid">
        <div class="field" [appField]="request.forField('displayName')">
          <label for="tag-name">Name</label>
          <input id="tag-name" appFieldControl formControlName="displayName" required />
        </div>
        <app-priority-field inputId="tag-priority" [error]="request.forField('priority')" />
      </div>
      <app-save-actions
        [dirty]="form.dirty"
        [invalid]="form.invalid"
        [busy]="request.busy()"
        (discard)="edit.reload()"
      />
    </form>
  `,
  styles: `
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
      gap: 0 var(--space-4);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TagFormComponent {
  private readonly tags = inject(TagsService);

  readonly tag = input.required<TagView>();
  readonly saved = output<TagView>();
  /** A save found the tag changed meanwhile: the page fetches it again. */
  readonly staleFound = output();

  protected readonly form = inject(NonNullableFormBuilder).group({
    displayName: ['', Validators.required],
    priority: [DEFAULT_PRIORITY, Validators.required],
  });
  protected readonly request = new FormRequest(['displayName', 'priority']);
  protected readonly edit = new VersionedForm({
    form: this.form,
    request: this.request,
    view: this.tag,
    fieldsOf: (tag) => ({ displayName: tag.displayName, priority: tag.priority }),
    save: (changes, version) => this.tags.update(this.tag().identifier, changes, version),
    saved: (tag) => this.saved.emit(tag),
    staleFound: () => this.staleFound.emit(),
  });
}
