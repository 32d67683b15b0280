import { safeReturnUrl } from './return-url';

describe(safeReturnUrl.name, () => {
  it.each(['/tasks/0b9d', '/configurations?tag=kiosk', '/'])('returns to the dashboard page %s', (url) => {
    expect(safeReturnUrl(url)).toBe(url);
  });

  it.each([undefined, null, '', 'https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)'])(
    'goes to the overview instead of %p, which is not a page of this dashboard',
    (url) => {
      expect(safeReturnUrl(url)).toBe('/');
    },
  );

  it('does not return to the login page itself', () => {
    expect(safeReturnUrl('/login?returnUrl=%2Ftasks')).toBe('/');
  });
});
