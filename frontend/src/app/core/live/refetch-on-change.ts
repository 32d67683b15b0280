import { inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { LiveTopic } from '@thymis/contracts';
import { auditTime, merge } from 'rxjs';
import { LiveService } from './live.service';

/** State changes come in bursts (a revert touches many configurations): one refetch for each burst. */
export const STATE_REFETCH_MS = 200;

/**
 * Calls `refetch` when something changes on `topics`, and after each (re)subscription too, since the feed does not
 * replay what happened while it was away; at most once per `auditMs`. Stops with the component that calls it, so call
 * it where `inject` works (a constructor or a field initializer).
 */
export function refetchOnChange(topics: LiveTopic | readonly LiveTopic[], auditMs: number, refetch: () => void): void {
  const live = inject(LiveService);
  const changes = (typeof topics === 'string' ? [topics] : topics).map((topic) => live.on(topic));
  merge(...changes)
    .pipe(auditTime(auditMs), takeUntilDestroyed())
    .subscribe(() => refetch());
}
