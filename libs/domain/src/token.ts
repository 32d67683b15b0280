import { notFound } from './errors';
import { tokenEvents, type TokenEvent } from './events';

/** An API token: only the hash of its secret is ever recorded. */
export interface TokenState {
  id: string;
  name: string;
  revoked: boolean;
}

export type TokenCommand = { kind: 'create'; name: string; hash: string; createdBy: string } | { kind: 'revoke' };

export function evolveToken(state: TokenState | undefined, event: TokenEvent): TokenState | undefined {
  switch (event.type) {
    case 'token.created':
      return { id: event.data.id, name: event.data.name, revoked: false };
    case 'token.revoked':
      return state && { ...state, revoked: true };
  }
}

export function decideToken(id: string, state: TokenState | undefined, command: TokenCommand): TokenEvent[] {
  if (command.kind === 'create')
    return [tokenEvents.created({ id, name: command.name, hash: command.hash, createdBy: command.createdBy })];
  if (!state) throw notFound('token', id);
  return state.revoked ? [] : [tokenEvents.revoked()];
}
