import { Injectable, inject } from '@angular/core';
import type { HistoryDiff, HistoryEntry, List } from '@thymis/contracts';
import { ApiClient } from '../../core/http/api-client';

/** The configuration repository's commits: list, one commit's diff, and going back to one. */
@Injectable({ providedIn: 'root' })
export class HistoryService {
  private readonly api = inject(ApiClient);

  list(limit: number, offset: number): Promise<List<HistoryEntry>> {
    return this.api.get('/api/history', { limit, offset });
  }

  diff(sha: string): Promise<HistoryDiff> {
    return this.api.get(`/api/history/${encodeURIComponent(sha)}/diff`);
  }

  /** Restores the state of `sha` with new events; answers the commit that records it. */
  revert(sha: string): Promise<HistoryEntry> {
    return this.api.post(`/api/history/${encodeURIComponent(sha)}/revert`);
  }
}
