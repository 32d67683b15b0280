import { ChangeDetectionStrategy, Component } from '@angular/core';

/** Placeholder until the feature is built: the list with priorities, and creating a tag. */
@Component({
  selector: 'app-tag-list-page',
  template: `
    <header class="page-header"><h1>Tags</h1></header>
    <p class="card">Not built yet: the list with priorities, and creating a tag.</p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TagListPage {}
