/**
 * Where to go after logging in: a path of this dashboard only — never another site (`//evil.example`, `/\evil`), a
 * URL with a scheme, or the login page itself.
 */
export function safeReturnUrl(url: string | null | undefined): string {
  if (!url || !url.startsWith('/') || url.startsWith('//') || url.startsWith('/\\')) return '/';
  return url === '/login' || url.startsWith('/login?') || url.startsWith('/login/') ? '/' : url;
}
