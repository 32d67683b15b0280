import type { Routes } from '@angular/router';
import { authGuard, guestGuard } from './core/auth/auth.guard';
import { ShellComponent } from './layout/shell.component';

/**
 * One lazy chunk per feature: `features/<name>/<name>.routes.ts` default-exports its routes (list, `:id` detail);
 * route and query parameters reach page components as inputs. Everything but the login page is behind the guard.
 */
export const routes: Routes = [
  {
    path: 'login',
    title: 'Log in',
    canActivate: [guestGuard],
    loadComponent: () => import('./login/login.page').then((m) => m.LoginPage),
  },
  {
    path: '',
    component: ShellComponent,
    canActivate: [authGuard],
    canActivateChild: [authGuard],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'overview' },
      { path: 'overview', loadChildren: () => import('./features/overview/overview.routes') },
      { path: 'configurations', loadChildren: () => import('./features/configurations/configurations.routes') },
      { path: 'tags', loadChildren: () => import('./features/tags/tags.routes') },
      { path: 'tasks', loadChildren: () => import('./features/tasks/tasks.routes') },
      { path: 'history', loadChildren: () => import('./features/history/history.routes') },
      {
        path: '**',
        title: 'Not found',
        loadComponent: () => import('./layout/not-found.page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
