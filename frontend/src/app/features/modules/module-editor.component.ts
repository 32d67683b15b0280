import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import type { ModuleInstance } from '@thymis/contracts';
import { toApiError, type ApiError } from '../../core/http/api-error';
import { Loader } from '../../core/http/loader';
import { LoadStateComponent } from '../../shared/load-state/load-state.component';
import { AddModuleDialogComponent } from './add-module-dialog.component';
import { ModuleSettingsComponent } from './module-settings.component';
import { ModulesService, type ModuleOwner, type ModuleOwnerKind, type ModuleTarget } from './modules.service';

/**
 * The modules of a configuration or a tag, as the docs' "System Configuration" shows them: the list with a plus
 * button that opens the catalogue search, and the settings pane of the module picked. Writes go out with the owner's
 * version; the owner as each write left it comes back through `changed`.
 */
@Component({
  selector: 'app-module-editor',
  imports: [LoadStateComponent, AddModuleDialogComponent, ModuleSettingsComponent],
  templateUrl: './module-editor.component.html',
  styleUrl: './module-editor.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ModuleEditorComponent {
  private readonly modules = inject(ModulesService);

  readonly kind = input.required<ModuleOwnerKind>();
  readonly ownerId = input.required<string>();
  readonly owner = input.required<ModuleOwner>();
  readonly changed = output<ModuleOwner>();
  /** A write found the owner changed meanwhile (412): the page reloads it. */
  readonly stale = output();

  protected readonly catalogue = new Loader(() => this.modules.catalogue());
  protected readonly target = computed<ModuleTarget>(() => ({
    kind: this.kind(),
    id: this.ownerId(),
    version: this.owner().version,
  }));
  protected readonly present = computed(() => new Set(this.owner().modules.map((module) => module.type)));

  /** The module picked; the first one when none is, or when the one picked is gone. */
  protected readonly selectedType = signal<string | null>(null);
  protected readonly selected = computed(() => {
    const types = this.owner().modules.map((module) => module.type);
    const picked = this.selectedType();
    return picked && types.includes(picked) ? picked : (types[0] ?? null);
  });
  protected readonly selectedModule = computed(() => this.owner().modules.find((m) => m.type === this.selected()));

  protected readonly adding = signal(false);
  protected readonly addBusy = signal(false);
  protected readonly addError = linkedSignal<boolean, ApiError | null>({
    source: this.adding,
    computation: () => null,
  });

  constructor() {
    void this.catalogue.reload();
  }

  protected specOf(type: string) {
    return this.catalogue.value()?.find((spec) => spec.type === type);
  }

  protected setCount(module: ModuleInstance): number {
    return Object.keys(module.settings).length;
  }

  protected async add(type: string): Promise<void> {
    this.addBusy.set(true);
    this.addError.set(null);
    try {
      const owner = await this.modules.add(this.target(), type);
      this.selectedType.set(type);
      this.changed.emit(owner);
      this.adding.set(false);
    } catch (error) {
      const refused = toApiError(error);
      this.addError.set(refused);
      if (refused.statusCode === 412) this.stale.emit();
    } finally {
      this.addBusy.set(false);
    }
  }

  protected closeAdding(): void {
    if (!this.addBusy()) this.adding.set(false);
  }
}
