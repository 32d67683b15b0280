import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { LiveService } from '../../core/live/live.service';

/** "Live" with a green dot while the live feed is connected, else "Not live": what the page shows may be out of date. */
@Component({
  selector: 'app-live-indicator',
  host: { '[class.on]': 'live.connected()' },
  template: `{{ live.connected() ? 'Live' : 'Not live' }}`,
  styles: `
    :host {
      color: var(--text-muted);
      font-size: 0.85rem;
    }
    :host::before {
      content: '';
      display: inline-block;
      width: 0.5rem;
      height: 0.5rem;
      margin-right: var(--space-1);
      border-radius: 50%;
      background: var(--border);
    }
    :host(.on)::before {
      background: var(--success);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LiveIndicatorComponent {
  protected readonly live = inject(LiveService);
}
