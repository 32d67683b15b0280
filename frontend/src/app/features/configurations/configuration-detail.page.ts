import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';

/** Placeholder until the feature is built: Core Device Configuration: the module editor, and Download Replacement Image. */
@Component({
  selector: 'app-configuration-detail-page',
  imports: [RouterLink],
  template: `
    <header class="page-header">
      <h1>Configuration {{ id() }}</h1>
      <a class="btn" routerLink="/configurations">All configurations</a>
    </header>
    <p class="card">Not built yet: Core Device Configuration: the module editor, and Download Replacement Image.</p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfigurationDetailPage {
  /** The `:id` route parameter. */
  readonly id = input.required<string>();
}
