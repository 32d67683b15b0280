import { ChangeDetectionStrategy, Component, inject, input, linkedSignal, output, signal } from '@angular/core';
import type { ModuleInstance, ModuleTypeView, SettingValue } from '@thymis/contracts';
import { toApiError, type ApiError } from '../../core/http/api-error';
import { ConfirmDialogComponent } from '../../shared/confirm-dialog/confirm-dialog.component';
import { ModulesService, type ModuleOwner, type ModuleTarget } from './modules.service';
import { SettingFieldComponent } from './setting-field.component';
import { isSet } from './setting-values';

/** The middle pane of the docs' configuration screen: every setting of one module, and removing the module. */
@Component({
  selector: 'app-module-settings',
  imports: [SettingFieldComponent, ConfirmDialogComponent],
  template: `
    <header class="head">
      <div>
        <h3>{{ spec().displayName }}</h3>
        <p class="muted">{{ spec().description }}</p>
      </div>
      <button type="button" class="btn" (click)="confirmRemove.set(true)">Remove module</button>
    </header>
    @if (notice(); as message) {
      <div class="alert" role="alert">
        <span>{{ message }}</span>
        <button type="button" class="btn" (click)="notice.set(null)">Dismiss</button>
      </div>
    }
    @for (setting of spec().settings; track setting.name) {
      <app-setting-field
        [setting]="setting"
        [stored]="storedOf(setting.name)"
        [scope]="spec().type"
        [busy]="writing() !== null"
        [saving]="writing() === setting.name"
        [error]="failure()?.name === setting.name ? failure()!.error : null"
        (save)="write(setting.name, $event)"
        (clear)="write(setting.name, null)"
      />
    }
    <app-confirm-dialog
      [(open)]="confirmRemove"
      [heading]="'Remove ' + spec().displayName + '?'"
      confirmLabel="Remove"
      danger
      [busy]="removing()"
      (confirmed)="remove()"
    >
      Its settings go with it; the history keeps them.
    </app-confirm-dialog>
  `,
  styles: `
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      justify-content: space-between;
      gap: var(--space-3);
      padding-bottom: var(--space-3);
      border-bottom: 1px solid var(--border);
    }
    .head > div {
      flex: 1 1 16rem;
    }
    h3 {
      margin: 0;
      font-size: 1.1rem;
    }
    .head p {
      margin: var(--space-1) 0 0;
    }
    .alert {
      margin: var(--space-3) 0 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ModuleSettingsComponent {
  private readonly modules = inject(ModulesService);

  readonly module = input.required<ModuleInstance>();
  readonly spec = input.required<ModuleTypeView>();
  readonly target = input.required<ModuleTarget>();
  /** The owner as a write left it. */
  readonly saved = output<ModuleOwner>();
  /** A write found the owner changed meanwhile (412): the page reloads it. */
  readonly stale = output();

  /** The setting being written: one at a time, since each write needs the version the one before left. */
  protected readonly writing = signal<string | null>(null);
  /** Errors belong to the module shown: another module starts without them. */
  protected readonly failure = linkedSignal<string, { name: string; error: ApiError } | null>({
    source: () => this.spec().type,
    computation: () => null,
  });
  protected readonly notice = linkedSignal<string, string | null>({
    source: () => this.spec().type,
    computation: () => null,
  });
  protected readonly confirmRemove = signal(false);
  protected readonly removing = signal(false);

  protected storedOf(name: string): SettingValue | undefined {
    const settings = this.module().settings;
    return isSet(settings, name) ? settings[name] : undefined;
  }

  /** `null` clears the setting: back to its default. */
  protected async write(name: string, value: SettingValue): Promise<void> {
    if (this.writing()) return;
    this.writing.set(name);
    this.failure.set(null);
    try {
      this.saved.emit(await this.modules.update(this.target(), this.spec().type, { [name]: value }));
    } catch (error) {
      this.refused(toApiError(error), name);
    } finally {
      this.writing.set(null);
    }
  }

  protected async remove(): Promise<void> {
    this.removing.set(true);
    try {
      this.saved.emit(await this.modules.remove(this.target(), this.spec().type));
    } catch (error) {
      this.refused(toApiError(error));
    } finally {
      this.removing.set(false);
      this.confirmRemove.set(false);
    }
  }

  private refused(error: ApiError, name?: string): void {
    if (error.statusCode === 412) {
      this.notice.set('Someone changed this meanwhile. It has been reloaded: check it and try again.');
      this.stale.emit();
    } else if (name) {
      this.failure.set({ name, error });
    } else {
      this.notice.set(error.message);
    }
  }
}
