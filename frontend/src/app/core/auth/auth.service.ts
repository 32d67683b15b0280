import { Injectable, computed, inject, signal } from '@angular/core';
import type { Me } from '@thymis/contracts';
import { ApiClient } from '../http/api-client';

/** Who is logged in. `undefined` until the controller has been asked, `null` when nobody is. */
type Known = Me | null | undefined;

@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly api = inject(ApiClient);
  private readonly current = signal<Known>(undefined);
  private asking?: Promise<Me | null>;

  readonly user = computed(() => this.current() ?? null);
  readonly loggedIn = computed(() => !!this.current());

  /** Who is logged in, asking the controller only the first time (the guard calls this on every navigation). */
  whoAmI(): Promise<Me | null> {
    const known = this.current();
    if (known !== undefined) return Promise.resolve(known);
    this.asking ??= this.api
      .get<Me>('/api/auth/me')
      .then(
        (me) => {
          this.current.set(me);
          return me;
        },
        // Unreachable or 401 alike: show the login page. Only a 401 is remembered, so the next navigation asks again.
        (error: { statusCode: number }) => {
          if (error.statusCode === 401) this.current.set(null);
          return null;
        },
      )
      .finally(() => (this.asking = undefined));
    return this.asking;
  }

  /** Rejects with an ApiError: 401 for a wrong name or password, 429 after too many attempts. */
  async login(username: string, password: string): Promise<Me> {
    const me = await this.api.post<Me>('/api/auth/login', { username, password });
    this.current.set(me);
    return me;
  }

  async logout(): Promise<void> {
    try {
      await this.api.post('/api/auth/logout');
    } finally {
      this.current.set(null);
    }
  }

  /** The session ended on the controller's side: the next guard check sends the user to log in. */
  forget(): void {
    this.current.set(null);
  }
}
