import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { AuthService } from '../auth/auth.service';

/**
 * A 401 from any API call means the session ended (expired, logged out in another tab, controller restarted with a
 * new password): back to the login page, which returns here afterwards. The auth endpoints answer 401 as part of their
 * normal work (wrong password, nobody logged in yet), so their callers handle it themselves.
 */
export const unauthorizedInterceptor: HttpInterceptorFn = (request, next) => {
  const router = inject(Router);
  const auth = inject(AuthService);
  return next(request).pipe(
    catchError((error: unknown) => {
      const sessionEnded =
        error instanceof HttpErrorResponse && error.status === 401 && !request.url.startsWith('/api/auth/');
      if (sessionEnded && !router.url.startsWith('/login')) {
        auth.forget();
        void router.navigate(['/login'], { queryParams: { returnUrl: router.url } });
      }
      return throwError(() => error);
    }),
  );
};
