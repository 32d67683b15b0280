/**
 * Patterns for SettingSpec.pattern: JavaScript regular expressions as source text, anchored with ^ and $, valid with
 * the `u` flag and with the `v` flag of an HTML `pattern` attribute, so that the dashboard can check what the
 * controller checks. Built from parts here; GET /api/modules carries only the resulting strings.
 */

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = `${OCTET}(?:\\.${OCTET}){3}`;

const HEX = '[0-9A-Fa-f]{1,4}';
/** n groups "h:h:…:h" (n ≥ 1), or nothing for n = 0. */
const groups = (n: number) => (n === 0 ? '' : `(?:${HEX}:){${n - 1}}${HEX}`);
/** Up to n groups "h:…:h", possibly none. */
const upTo = (n: number) => (n === 0 ? '' : `(?:(?:${HEX}:){0,${n - 1}}${HEX})?`);
/** Up to n groups each followed by ":", possibly none. */
const upToWithColon = (n: number) => (n === 0 ? '' : `(?:${HEX}:){0,${n}}`);
const range = (n: number) => Array.from({ length: n + 1 }, (_, i) => i);
/** RFC 4291 text forms: eight groups, "::" for one or more zero groups, and a dotted IPv4 tail. No zone index. */
const IPV6 = `(?:${[
  `(?:${HEX}:){7}${HEX}`,
  ...range(7).map((before) => `${groups(before)}::${upTo(7 - before)}`),
  `(?:${HEX}:){6}${IPV4}`,
  ...range(5).map((before) => `${groups(before)}::${upToWithColon(5 - before)}${IPV4}`),
].join('|')})`;

const PORT = '(?:6553[0-5]|655[0-2]\\d|65[0-4]\\d{2}|6[0-4]\\d{3}|[1-5]\\d{4}|[1-9]\\d{0,3})';
const PORTS = `${PORT}(?:-${PORT})?`;

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?';
/** A DNS name of labels; the last starts with a letter, so that 300.1.1.1 is not taken for a name. */
const DNS_NAME = `(?=.{1,253}\\.?$)(?:${LABEL}\\.)*[A-Za-z](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?\\.?`;

const ONE_LINE = '^[^\\r\\n]*$';

export interface Pattern {
  pattern: string;
  patternDescription: string;
}

export const PATTERNS = {
  /** networking.hostName accepts a single label (RFC 1123, plus "_"): this is the RFC's stricter subset. */
  hostname: {
    pattern: `^${LABEL}$`,
    patternDescription: 'a host name: letters, digits and hyphens, at most 63, not starting or ending with a hyphen',
  },
  /** tz database names: Europe/Berlin, America/Argentina/Buenos_Aires, Etc/GMT+5, UTC. */
  timeZone: {
    pattern: '^[A-Za-z][A-Za-z0-9_+\\-]*(?:\\/[A-Za-z][A-Za-z0-9_+\\-]*)*$',
    patternDescription: 'a time zone such as Europe/Berlin or UTC (letters, digits, _ + - in parts joined by /)',
  },
  nixpkgsAttributePath: {
    pattern: "^[A-Za-z_][A-Za-z0-9_'\\-]*(?:\\.[A-Za-z_][A-Za-z0-9_'\\-]*)*$",
    patternDescription: 'a nixpkgs attribute path such as curl or python3Packages.requests',
  },
  oneLine: { pattern: ONE_LINE, patternDescription: 'one line, without line breaks' },
  /** NixOS's networking.wireless.networks.<ssid>.psk is `strMatching "[[:print:]]{8,63}"`. */
  wpaPassphrase: {
    pattern: '^[\\x20-\\x7E]{8,63}$',
    patternDescription: 'a WPA passphrase: 8 to 63 printable ASCII characters',
  },
  /** NixOS asserts that a password hash has no ":" (the field separator of /etc/shadow). */
  passwordHash: { pattern: '^[^:\\r\\n]*$', patternDescription: 'a password hash: one line without ":"' },
  /** podman's container names, which also name the systemd unit podman-<name>.service. */
  containerName: {
    pattern: '^[A-Za-z0-9][A-Za-z0-9_.\\-]{0,127}$',
    patternDescription: 'a name of letters, digits, _ . and -, starting with a letter or digit, at most 128 characters',
  },
  /** docker/podman -p: [ip:][hostPort:]containerPort[/protocol], ports or ranges; with an IP the host port may be empty. */
  publishedPort: {
    pattern: `^(?:(?:${IPV4}|\\[${IPV6}\\]):(?:${PORTS})?:|${PORTS}:)?${PORTS}(?:\\/(?:tcp|udp|sctp))?$`,
    patternDescription: 'a published port such as 8080:80 or 127.0.0.1:8080:80/tcp',
  },
  environmentVariable: {
    pattern: '^[A-Za-z_][A-Za-z0-9_]*=[\\s\\S]*$',
    patternDescription: 'KEY=value, the key made of letters, digits and _, not starting with a digit',
  },
  ipv4WithPrefix: {
    pattern: `^${IPV4}\\/(?:3[0-2]|[12]?\\d)$`,
    patternDescription: 'an IPv4 address with prefix length, such as 192.168.1.10/24',
  },
  ipv4: { pattern: `^${IPV4}$`, patternDescription: 'an IPv4 address such as 192.168.1.1' },
  ipAddress: { pattern: `^(?:${IPV4}|${IPV6})$`, patternDescription: 'an IPv4 or IPv6 address' },
  hostOrAddress: {
    pattern: `^(?:${IPV4}|${IPV6}|${DNS_NAME})$`,
    patternDescription: 'a host name such as pool.ntp.org, or an IPv4 or IPv6 address',
  },
  /** An authorized_keys line without options: OpenSSH key types start ssh-, ecdsa- or sk-; key blobs start AAAA. */
  sshPublicKey: {
    pattern: '^(?:ssh|ecdsa|sk)-[A-Za-z0-9.@\\-]+[ \\t]+AAAA[A-Za-z0-9+\\/]+={0,3}(?:[ \\t][^\\r\\n]*)?$',
    patternDescription: 'an SSH public key on one line: type, base64 key, optional comment (ssh-ed25519 AAAA… alice)',
  },
} satisfies Record<string, Pattern>;
