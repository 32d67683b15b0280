import { ChangeDetectionStrategy, Component } from '@angular/core';

/** Placeholder until the feature is built: the list with hardware model and tags, and the Create New Device dialog. */
@Component({
  selector: 'app-configuration-list-page',
  template: `
    <header class="page-header"><h1>Configurations</h1></header>
    <p class="card">Not built yet: the list with hardware model and tags, and the Create New Device dialog.</p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfigurationListPage {}
