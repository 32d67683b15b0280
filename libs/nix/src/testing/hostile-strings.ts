/** Strings that would break out of, or evaluate code inside, a naively quoted Nix string. */
export const HOSTILE_STRINGS: readonly string[] = [
  'plain',
  '',
  '"; builtins.abort "x"; "',
  '${builtins.abort "x"}',
  '$${builtins.abort "x"}',
  '$$${x}',
  '\\${x}',
  '\\\\${x}',
  '$\\{x}',
  "'' ${x} ''${y} ''' ''\\n",
  'ends with a backslash \\',
  'ends with a dollar $',
  'line 1\nline 2\r\n\ttabbed',
  'unicode é ü ß 😀 \u2028 \u00a0',
  'control \u0001 \u001b[31m \u007f',
  '#!/bin/sh\necho "$HOME" ${PATH} `id` $(id)\n',
];
