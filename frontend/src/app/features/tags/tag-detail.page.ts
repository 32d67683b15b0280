import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import type { TagView } from '@thymis/contracts';
import { auditTime } from 'rxjs';
import { toApiError, type ApiError } from '../../core/http/api-error';
import { Loader } from '../../core/http/loader';
import { LiveService } from '../../core/live/live.service';
import { ConfirmDialogComponent } from '../../shared/confirm-dialog/confirm-dialog.component';
import { LoadStateComponent } from '../../shared/load-state/load-state.component';
import { ModuleEditorComponent } from '../modules/module-editor.component';
import { newestOwner, type ModuleOwner } from '../modules/modules.service';
import { TagFormComponent } from './tag-form.component';
import { TagsService } from './tags.service';

const STATE_REFETCH_MS = 200;

/** One tag: its name and priority, the configurations carrying it, its modules, and deleting it. */
@Component({
  selector: 'app-tag-detail-page',
  imports: [RouterLink, LoadStateComponent, ConfirmDialogComponent, TagFormComponent, ModuleEditorComponent],
  templateUrl: './tag-detail.page.html',
  styleUrl: './tag-detail.page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TagDetailPage {
  private readonly service = inject(TagsService);
  private readonly router = inject(Router);

  /** The `:id` route parameter: the tag's identifier. */
  readonly id = input.required<string>();

  protected readonly tag = new Loader(() => this.service.get(untracked(this.id)));
  protected readonly configs = new Loader(() => this.service.configsWith(untracked(this.id)));
  /** The newest the page knows: the last fetch, or the answer of its own last write, whichever came later. */
  protected readonly current = linkedSignal<TagView | undefined, TagView | undefined>({
    source: () => (this.tag.error()?.statusCode === 404 ? undefined : this.tag.value()),
    computation: newestOwner,
  });
  protected readonly confirmDelete = signal(false);
  protected readonly deleting = signal(false);
  protected readonly deleteError = signal<ApiError | null>(null);

  constructor() {
    effect(() => {
      this.id();
      untracked(() => this.refresh());
    });
    inject(LiveService)
      .on('state')
      .pipe(auditTime(STATE_REFETCH_MS), takeUntilDestroyed())
      .subscribe(() => this.refresh());
  }

  protected refresh(): void {
    void this.tag.reload();
    void this.configs.reload();
  }

  /** The module routes answer with the whole tag. */
  protected moduleChanged(owner: ModuleOwner): void {
    this.current.set(owner as TagView);
  }

  protected async delete(tag: TagView): Promise<void> {
    this.deleting.set(true);
    this.deleteError.set(null);
    try {
      await this.service.delete(tag.identifier, tag.version);
      await this.router.navigate(['/tags']);
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
