import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter } from 'rxjs';
import { AuthService } from '../core/auth/auth.service';
import { LiveService } from '../core/live/live.service';

interface NavEntry {
  label: string;
  /** Absent: a page that comes later, shown disabled so the sidebar already has its final shape. */
  path?: string;
}

/** The sidebar of the docs' screens. The docs' "Devices" are configurations until hardware is attached. */
const NAV: NavEntry[] = [
  { label: 'Overview', path: '/overview' },
  { label: 'Configurations', path: '/configurations' },
  { label: 'Tags', path: '/tags' },
  { label: 'Tasks', path: '/tasks' },
  { label: 'History', path: '/history' },
];
const LATER: NavEntry[] = [{ label: 'Devices' }, { label: 'Terminal' }, { label: 'VNC' }];

/** Every page behind login: sidebar (a menu button on narrow screens), the user, logout, and the page itself. */
@Component({
  selector: 'app-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive],
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.css',
  host: { '(document:keydown.escape)': 'menuOpen.set(false)' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShellComponent {
  private readonly auth = inject(AuthService);
  private readonly live = inject(LiveService);
  private readonly router = inject(Router);

  protected readonly nav = NAV;
  protected readonly later = LATER;
  protected readonly user = this.auth.user;
  protected readonly menuOpen = signal(false);
  protected readonly loggingOut = signal(false);

  constructor() {
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.menuOpen.set(false));
  }

  protected async logout(): Promise<void> {
    this.loggingOut.set(true);
    try {
      await this.auth.logout();
    } catch {
      // Logged out locally all the same; the session cookie ends with its expiry.
    } finally {
      this.live.disconnect();
      this.loggingOut.set(false);
      await this.router.navigate(['/login']);
    }
  }
}
