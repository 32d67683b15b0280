import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { List } from '@thymis/contracts';
import type { Loader } from '../../core/http/loader';
import { LoadStateComponent } from '../load-state/load-state.component';

/**
 * The top of a list page (configurations, tags): its title, the button that opens its create dialog, and the load
 * state of the list, empty included, so the page's own template holds only its table.
 */
@Component({
  selector: 'app-list-header',
  imports: [LoadStateComponent],
  template: `
    <header class="page-header">
      <h1>{{ heading() }}</h1>
      <button type="button" class="btn btn-primary" (click)="create.emit()">{{ createLabel() }}</button>
    </header>
    <app-load-state
      [loading]="list().pending()"
      [error]="list().error()"
      [empty]="list().value()?.items?.length === 0"
      [emptyText]="emptyText()"
      (retry)="list().reload()"
    />
  `,
  // As if its parts stood in the page itself.
  styles: ':host { display: contents; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ListHeaderComponent {
  readonly heading = input.required<string>();
  readonly createLabel = input.required<string>();
  readonly list = input.required<Loader<List<unknown>>>();
  readonly emptyText = input.required<string>();
  readonly create = output();
}
