import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom, type Observable } from 'rxjs';
import { toApiError } from './api-error';

/** Query parameters; undefined ones are left out, so filters can pass what the user left empty. */
export type Query = Record<string, string | number | boolean | undefined>;

export interface WriteOptions {
  /** The version the page last read (`version` of a ConfigView or TagView): the API answers 412 when it is stale. */
  ifMatch?: number;
}

/**
 * The dashboard's one way to the REST API: same-origin `/api/...` URLs (the session cookie goes along by itself),
 * answers as promises, and every failure rejected as an ApiError. Feature services build on it.
 */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly http = inject(HttpClient);

  get<T>(url: string, query?: Query): Promise<T> {
    return this.send(this.http.get<T>(url, { params: params(query) }));
  }

  post<T = void>(url: string, body?: unknown, options?: WriteOptions): Promise<T> {
    return this.send(this.http.post<T>(url, body ?? null, { headers: headers(options) }));
  }

  patch<T = void>(url: string, body: unknown, options?: WriteOptions): Promise<T> {
    return this.send(this.http.patch<T>(url, body, { headers: headers(options) }));
  }

  put<T = void>(url: string, body: unknown, options?: WriteOptions): Promise<T> {
    return this.send(this.http.put<T>(url, body, { headers: headers(options) }));
  }

  delete<T = void>(url: string, options?: WriteOptions): Promise<T> {
    return this.send(this.http.delete<T>(url, { headers: headers(options) }));
  }

  private send<T>(request: Observable<T>): Promise<T> {
    return firstValueFrom(request).catch((error: unknown) => Promise.reject(toApiError(error)));
  }
}

function params(query: Query = {}): HttpParams {
  const defined = Object.entries(query).filter((entry): entry is [string, string | number | boolean] => {
    return entry[1] !== undefined;
  });
  return new HttpParams({ fromObject: Object.fromEntries(defined) });
}

const headers = (options?: WriteOptions) =>
  new HttpHeaders(options?.ifMatch === undefined ? {} : { 'If-Match': `"${options.ifMatch}"` });
