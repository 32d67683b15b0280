import { decideConfig, evolveConfig } from './config';
import { decideTag, evolveTag } from './tag';
import { decideToken, evolveToken } from './token';

/** Each kind of stream as the command runner sees it: how to fold its past, how to decide a command. */
export const configAggregate = { evolve: evolveConfig, decide: decideConfig };
export const tagAggregate = { evolve: evolveTag, decide: decideTag };
export const tokenAggregate = { evolve: evolveToken, decide: decideToken };
