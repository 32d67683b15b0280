import { NixUnavailableError, parseNix } from './nix-parser';

// Runs Debian's nix-instantiate (Nix 2.8); no store, no network.
describe('parseNix', () => {
  it('accepts a NixOS module', async () => {
    const module = [
      '{ config, lib, pkgs, ... }:',
      '{',
      '  services.nginx.enable = lib.mkDefault true;',
      '  environment.etc."motd".text = \'\'',
      '    Hello ${config.networking.hostName}',
      "  '';",
      '  environment.systemPackages = with pkgs; [ curl ];',
      '}',
      '',
    ].join('\n');
    await expect(parseNix(module)).resolves.toEqual({ ok: true });
  });

  it("reports a syntax error at Nix's line and column", async () => {
    const code = ['{ lib, ... }:', '{', '  services.foo.enable = ;', '}'].join('\n');
    await expect(parseNix(code)).resolves.toEqual({
      ok: false,
      line: 3,
      column: 25,
      message: "syntax error, unexpected ';'",
    });
  });

  it('reports an unterminated string at its start, with the end of file as the cause', async () => {
    const code = ['{', '  a = "never closed;', '  b = 1;', '}'].join('\n');
    await expect(parseNix(code)).resolves.toEqual({
      ok: false,
      line: 2,
      column: 8,
      message: expect.stringMatching(/^syntax error, unexpected end of file/),
    });
  });

  it('reports an undefined variable, which Nix finds while parsing', async () => {
    const result = await parseNix('{ ... }: { x = pkgs.hello; }');
    expect(result).toEqual({ ok: false, line: 1, column: 16, message: "undefined variable 'pkgs'" });
  });

  it('counts columns in characters where Nix counts bytes, and lines as Nix does', async () => {
    // "é" is two bytes: Nix says column 17.
    await expect(parseNix('{ a = "é"; b = ; }')).resolves.toMatchObject({ line: 1, column: 16 });
    await expect(parseNix('{\r\n  a = 1;\r  b = ;\n}')).resolves.toMatchObject({ line: 3, column: 7 });
  });

  it('refuses NUL characters, after which Nix would stop reading', async () => {
    await expect(parseNix('{ a = 1;\n  b\0 = ; }')).resolves.toEqual({
      ok: false,
      line: 2,
      column: 4,
      message: 'Nix code cannot contain NUL characters',
    });
  });

  it('fails clearly when nix-instantiate is missing', async () => {
    const parsing = parseNix('{ }', '/nonexistent/nix-instantiate');
    await expect(parsing).rejects.toBeInstanceOf(NixUnavailableError);
    await expect(parsing).rejects.toThrow(
      'Cannot check Nix code: /nonexistent/nix-instantiate could not be run (ENOENT). Install Nix (Debian: apt-get install nix-bin).',
    );
  });
});
