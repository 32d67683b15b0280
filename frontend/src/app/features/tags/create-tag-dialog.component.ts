import { ChangeDetectionStrategy, Component, inject, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { TagView } from '@thymis/contracts';
import { CreateActionsComponent } from '../../shared/forms/create-actions.component';
import { FormAlertComponent } from '../../shared/forms/form-alert.component';
import { FormRequest } from '../../shared/forms/form-request';
import { withTypedIdentifier } from '../../shared/forms/form-values';
import { NameFieldsComponent } from '../../shared/forms/name-fields.component';
import { ModalDialogComponent } from '../../shared/modal-dialog/modal-dialog.component';
import { PriorityFieldComponent } from './priority-field.component';
import { DEFAULT_PRIORITY, TagsService } from './tags.service';

/** Name, optional identifier and priority; the API's errors beside each field. */
@Component({
  selector: 'app-create-tag-dialog',
  imports: [
    ReactiveFormsModule,
    ModalDialogComponent,
    FormAlertComponent,
    NameFieldsComponent,
    PriorityFieldComponent,
    CreateActionsComponent,
  ],
  template: `
    <app-modal-dialog heading="Create tag" (closed)="closed.emit()">
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <app-form-alert [message]="request.general()" />
        <app-name-fields idPrefix="new-tag" placeholder="Lobby screens" [request]="request" />
        <app-priority-field inputId="new-tag-priority" [error]="request.forField('priority')" />
        <app-create-actions [invalid]="form.invalid" [busy]="request.busy()" (cancel)="closed.emit()" />
      </form>
    </app-modal-dialog>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CreateTagDialogComponent {
  private readonly tags = inject(TagsService);

  readonly created = output<TagView>();
  readonly closed = output();

  protected readonly form = inject(NonNullableFormBuilder).group({
    displayName: ['', Validators.required],
    identifier: [''],
    priority: [DEFAULT_PRIORITY, Validators.required],
  });
  protected readonly request = new FormRequest(
    ['displayName', 'identifier', 'priority'],
    () => this.form.controls.identifier.value.trim() !== '',
  );

  protected async submit(): Promise<void> {
    if (this.form.invalid) return;
    const tag = await this.request.send(() => this.tags.create(withTypedIdentifier(this.form.getRawValue())));
    if (tag) this.created.emit(tag);
  }
}
