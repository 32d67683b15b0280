import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import { AuthService } from './auth.service';

/** Pages behind login: without a session, to the login page, which comes back to the page asked for. */
export const authGuard: CanActivateFn = async (_route, state) => {
  const [auth, router] = [inject(AuthService), inject(Router)];
  if (await auth.whoAmI()) return true;
  return router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

/** The login page: someone already logged in goes to the overview instead. */
export const guestGuard: CanActivateFn = async () => {
  const [auth, router] = [inject(AuthService), inject(Router)];
  return (await auth.whoAmI()) ? router.createUrlTree(['/']) : true;
};
