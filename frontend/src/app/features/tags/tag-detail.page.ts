import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';

/** Placeholder until the feature is built: its priority and its modules, in the same editor as configurations. */
@Component({
  selector: 'app-tag-detail-page',
  imports: [RouterLink],
  template: `
    <header class="page-header">
      <h1>Tag {{ id() }}</h1>
      <a class="btn" routerLink="/tags">All tags</a>
    </header>
    <p class="card">Not built yet: its priority and its modules, in the same editor as configurations.</p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TagDetailPage {
  /** The `:id` route parameter. */
  readonly id = input.required<string>();
}
