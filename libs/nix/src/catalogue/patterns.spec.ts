import { isIPv4, isIPv6 } from 'node:net';
import { PATTERNS } from './patterns';

const matches = (pattern: { pattern: string }, value: string) => new RegExp(pattern.pattern, 'u').test(value);

/** A small deterministic random source, so that a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const int = (n: number) => Math.floor(next() * n);
  const pick = (text: string) => text[int(text.length)];
  return { next, int, pick };
}

/**
 * Address-like strings: IPv4, or IPv6 with random group widths, a random run of groups replaced by "::" and maybe a
 * dotted IPv4 tail, then often damaged by a random edit, so that about half are addresses and the rest nearly so.
 */
function* addressLike(count: number): Generator<string> {
  const { next, int, pick } = random(7);
  const octet = () => String([int(10), int(100), int(256), 255, 256, int(1000)][int(6)]);
  const ipv4 = () => Array.from({ length: 4 }, octet).join('.');
  const group = () => Array.from({ length: 1 + int(5) }, () => pick('0f1a')).join('');
  for (let i = 0; i < count; i++) {
    let text: string;
    if (next() < 0.3) text = ipv4();
    else {
      const tail = next() < 0.3;
      const groups = Array.from({ length: (tail ? 6 : 8) + int(3) - 1 }, group);
      if (next() < 0.7) {
        const start = int(groups.length + 1);
        groups.splice(start, int(groups.length - start + 1), '');
        if (start === 0) groups.unshift('');
        if (groups.at(-1) === '' && !tail) groups.push('');
      }
      text = groups.join(':') + (tail ? `:${ipv4()}` : '');
    }
    if (next() < 0.4) {
      const at = int(text.length + 1);
      text = text.slice(0, at) + (next() < 0.5 ? pick('0f:.g') : '') + text.slice(at + int(2));
    }
    yield text;
  }
}

describe('PATTERNS', () => {
  it.each(Object.entries(PATTERNS))('%s compiles with the u and v flags and is anchored', (_name, pattern) => {
    expect(() => new RegExp(pattern.pattern, 'u')).not.toThrow();
    expect(() => new RegExp(pattern.pattern, 'v')).not.toThrow();
    expect(pattern.pattern).toMatch(/^\^[^]*\$$/);
    expect(pattern.patternDescription).not.toBe('');
  });

  it('takes IPv4 and IPv6 addresses exactly as Node does', () => {
    let valid = 0;
    for (const value of addressLike(10_000)) {
      expect([value, matches(PATTERNS.ipAddress, value)]).toStrictEqual([value, isIPv4(value) || isIPv6(value)]);
      expect([value, matches(PATTERNS.ipv4, value)]).toStrictEqual([value, isIPv4(value)]);
      if (isIPv4(value) || isIPv6(value)) valid++;
    }
    expect(valid).toBeGreaterThan(1_000);
    const samples = [
      '::',
      '::1',
      '1::',
      'fe80::1',
      '2001:db8::8a2e:370:7334',
      '2001:0db8:0000:0000:0000:ff00:0042:8329',
      '1:2:3:4:5:6:7::',
      '::2:3:4:5:6:7:8',
      '1:2:3:4:5:6:7:8:9',
      '1::2::3',
      '::ffff:192.0.2.1',
      '64:ff9b::192.0.2.33',
      '1:2:3:4:5:6:192.0.2.1',
      '1:2:3:4:5:6:7:192.0.2.1',
      '::ffff:256.0.0.1',
      '12345::',
      'g::1',
      '01.2.3.4',
      '255.255.255.255',
      '1.2.3',
    ];
    for (const value of samples) {
      expect([value, matches(PATTERNS.ipAddress, value)]).toStrictEqual([value, isIPv4(value) || isIPv6(value)]);
    }
  });

  it.each([
    [
      'hostname',
      ['lobby', 'a', 'kiosk-2', 'A1', 'x'.repeat(63)],
      ['', '-a', 'a-', 'a.b', 'a_b', 'x'.repeat(64), 'a b'],
    ],
    [
      'timeZone',
      ['UTC', 'Europe/Berlin', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5', 'Etc/GMT-14', 'EST5EDT'],
      ['', 'Europe/ Berlin', 'Europe Berlin', '/UTC', 'Europe//Berlin', '../etc/passwd', 'UTC\n'],
    ],
    [
      'nixpkgsAttributePath',
      ['curl', 'python3Packages.requests', '_1password', "hello'", 'gst_all_1.gstreamer'],
      ['', '1curl', 'a..b', '.a', 'a.', 'curl jq', 'pkgs.${x}', 'a.1b'],
    ],
    ['oneLine', ['', '*-*-* 03:00:00', 'pass word $x'], ['a\nb', 'a\r', '\n']],
    [
      'wpaPassphrase',
      ['12345678', 'correct horse "battery" $ {x}', 'x'.repeat(63)],
      ['1234567', 'x'.repeat(64), 'pässword', 'pass\tword'],
    ],
    ['passwordHash', ['$6$salt$hash', '!', ''], ['$6$a:b', 'a\nb']],
    [
      'containerName',
      ['web', 'my_app.v2', '1db', 'a-b'],
      ['', '-web', '.web', 'web app', 'a/b', 'a@b', 'x'.repeat(129)],
    ],
    [
      'publishedPort',
      [
        '80',
        '8080:80',
        '127.0.0.1:8080:80/tcp',
        '127.0.0.1::80',
        '8000-8010:8000-8010',
        '[::1]:53:53/udp',
        '53:53/sctp',
      ],
      ['', ':80', '0:80', '8080:65536', '8080:80/icmp', 'localhost:8080:80', '8080:80\n', '1.2.3.4:80', '::1:53:53'],
    ],
    [
      'environmentVariable',
      ['A=1', 'TZ=Europe/Berlin', '_X=', 'B=x=y', 'MULTI=line\none'],
      ['A', '=1', '1A=x', 'A-B=1', ' A=1'],
    ],
    [
      'ipv4WithPrefix',
      ['192.168.1.10/24', '10.0.0.1/8', '0.0.0.0/0', '1.2.3.4/32'],
      ['192.168.1.10', '1.2.3.4/33', '1.2.3.4/024'],
    ],
    ['ipv4', ['192.168.1.1', '0.0.0.0'], ['192.168.1.256', '192.168.1', '192.168.1.1/24', '::1', ' 1.1.1.1']],
    [
      'hostOrAddress',
      ['pool.ntp.org', '0.nixos.pool.ntp.org', 'ntp', 'time.example.', '192.0.2.1', '2001:db8::1'],
      ['', 'ntp server', 'a..b', '-a.org', '300.1.1.1', 'pool.ntp.org\n', 'x.'.repeat(130) + 'org'],
    ],
    [
      'sshPublicKey',
      [
        'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl',
        'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl alice@laptop "x" ${y}',
        'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ== bob',
        'ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTY=',
        'sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29tAAAAI key',
      ],
      [
        '',
        'AAAAC3NzaC1lZDI1NTE5 alice',
        'ssh-ed25519',
        'ssh-ed25519 not-base64',
        'ssh-ed25519 AAAAC3Nz alice\n',
        'ssh-ed25519 AAAAC3Nz\nssh-rsa AAAAB3Nz',
        'command="rm -rf /" ssh-ed25519 AAAAC3Nz',
      ],
    ],
  ] as const)('%s accepts what it should and refuses the rest', (name, good, bad) => {
    for (const value of good) expect([value, matches(PATTERNS[name], value)]).toStrictEqual([value, true]);
    for (const value of bad) expect([value, matches(PATTERNS[name], value)]).toStrictEqual([value, false]);
  });
});
