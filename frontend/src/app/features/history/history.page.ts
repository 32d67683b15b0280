import { ChangeDetectionStrategy, Component } from '@angular/core';

/** Placeholder until the feature is built: commits with author and message, a commit's diff, revert. */
@Component({
  selector: 'app-history-page',
  template: `
    <header class="page-header"><h1>History</h1></header>
    <p class="card">Not built yet: the commits with author and message, the diff of any commit, and revert.</p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HistoryPage {}
