import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { DatePipe } from '@angular/common';
import { Router, RouterLink } from '@angular/router';
import type { HistoryEntry } from '@thymis/contracts';
import type { ApiError } from '../../core/http/api-error';
import { Loader } from '../../core/http/loader';
import { refetchOnChange } from '../../core/live/refetch-on-change';
import { ConfirmDialogComponent } from '../../shared/confirm-dialog/confirm-dialog.component';
import { LoadStateComponent } from '../../shared/load-state/load-state.component';
import { CommitDiffComponent } from './commit-diff.component';
import { HistoryService } from './history.service';
import { commitDetails, commitSubject } from './unified-diff';

const PAGE_SIZE = 25;
/**
 * The feed says the read models changed; the repository commits its own projection of the same events a moment
 * later. Waiting a second also folds a burst of changes into one refetch.
 */
const REFETCH_AFTER_MS = 1000;

/**
 * The configuration repository's history, newest first: who changed what and when, the diff of the commit opened
 * (its sha in the URL), and going back to the state of any commit, which is a new commit (nothing is rewritten).
 */
@Component({
  selector: 'app-history-page',
  imports: [DatePipe, RouterLink, CommitDiffComponent, ConfirmDialogComponent, LoadStateComponent],
  templateUrl: './history.page.html',
  styleUrl: './history.page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HistoryPage {
  private readonly history = inject(HistoryService);
  private readonly router = inject(Router);

  /** Query parameters: the commit opened, and the page. */
  readonly sha = input<string>();
  readonly page = input<string>();

  protected readonly subject = commitSubject;
  protected readonly details = commitDetails;
  protected readonly pageNumber = computed(() => Math.max(1, Math.floor(Number(this.page()) || 1)));
  protected readonly commits = new Loader(() =>
    this.history.list(PAGE_SIZE, (untracked(this.pageNumber) - 1) * PAGE_SIZE),
  );
  protected readonly hasOlder = computed(() => this.commits.value()?.items.length === PAGE_SIZE);
  /** The newest commit is the state as it is: nothing to go back to. */
  protected readonly head = computed(() => (this.pageNumber() === 1 ? this.commits.value()?.items[0]?.sha : undefined));

  protected readonly toRevert = signal<HistoryEntry | null>(null);
  protected readonly confirming = signal(false);
  protected readonly reverting = signal(false);
  protected readonly revertError = signal<ApiError | null>(null);
  protected readonly reverted = signal<{ from: HistoryEntry; to: HistoryEntry } | null>(null);

  constructor() {
    effect(() => {
      this.pageNumber();
      untracked(() => void this.commits.reload());
    });
    refetchOnChange('state', REFETCH_AFTER_MS, () => void this.commits.reload());
  }

  /** Links may name a commit by a short sha, as git does. */
  protected isOpen(commit: HistoryEntry): boolean {
    const wanted = this.sha();
    return !!wanted && wanted.length >= 7 && commit.sha.startsWith(wanted);
  }

  protected toggle(commit: HistoryEntry): void {
    const sha = this.isOpen(commit) ? null : commit.sha;
    void this.router.navigate([], { queryParams: { sha }, queryParamsHandling: 'merge', replaceUrl: true });
  }

  protected askRevert(commit: HistoryEntry): void {
    this.revertError.set(null);
    this.toRevert.set(commit);
    this.confirming.set(true);
  }

  protected async revert(): Promise<void> {
    const commit = this.toRevert();
    if (!commit) return;
    this.reverting.set(true);
    this.revertError.set(null);
    try {
      const created = await this.history.revert(commit.sha);
      this.reverted.set({ from: commit, to: created });
      this.confirming.set(false);
      // The revert is the newest commit now: show it, and what it changed.
      await this.router.navigate([], { queryParams: { sha: created.sha, page: null }, queryParamsHandling: 'merge' });
      await this.commits.reload();
    } catch (error) {
      this.revertError.set(error as ApiError);
    } finally {
      this.reverting.set(false);
    }
  }
}
