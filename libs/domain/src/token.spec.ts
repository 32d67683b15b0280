import { DomainError } from './errors';
import type { TokenEvent } from './events';
import { decideToken, evolveToken, type TokenState } from './token';

const created: TokenEvent = {
  type: 'token.created',
  schemaVersion: 1,
  data: { id: 't1', name: 'ci', hash: 'abc', createdBy: 'admin' },
};
const revoked: TokenEvent = { type: 'token.revoked', schemaVersion: 1, data: {} };
const given = (...events: TokenEvent[]) => events.reduce<TokenState | undefined>(evolveToken, undefined);

describe(decideToken.name, () => {
  const sut = decideToken;

  it('records a new token by the hash of its secret and who made it', () => {
    expect(sut('t1', given(), { kind: 'create', name: 'ci', hash: 'abc', createdBy: 'admin' })).toEqual([created]);
  });

  it('revokes a live token', () => {
    expect(sut('t1', given(created), { kind: 'revoke' })).toEqual([revoked]);
    expect(given(created, revoked)).toEqual({ id: 't1', name: 'ci', revoked: true });
  });

  it('changes nothing when the token is revoked already', () => {
    expect(sut('t1', given(created, revoked), { kind: 'revoke' })).toEqual([]);
  });

  it('refuses to revoke a token that never existed', () => {
    expect(() => sut('t9', given(), { kind: 'revoke' })).toThrow(DomainError);
    expect(() => sut('t9', given(), { kind: 'revoke' })).toThrow("token 't9' does not exist");
  });
});
