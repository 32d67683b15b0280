import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@thymis/config';
import type { Me } from '@thymis/contracts';
import {
  AuthError,
  ensurePasswordFile,
  hashSecret,
  LoginLimiter,
  readPassword,
  sameSecret,
  SessionStore,
} from '@thymis/auth';
import { ApiTokenRecord } from '@thymis/projections';

/** Basic username/password login from the password file, browser sessions, and API tokens. */
@Injectable()
export class AuthService implements OnModuleInit {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly db: DataSource,
    private readonly sessions: SessionStore,
    private readonly limiter: LoginLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const file = this.config.auth.passwordFile;
    if (await ensurePasswordFile(file))
      this.logger.log(`generated a password for '${this.config.auth.username}' in ${file}`);
    else this.logger.log(`password for '${this.config.auth.username}' is read from ${file}`);
  }

  /** Checks the credentials and opens a session; refuses a client that keeps guessing. */
  async login(client: string, username: string, password: string) {
    // Reserved before the first await: logins sent all at once must each see the others' attempts.
    const wait = this.limiter.reserve(client);
    if (wait > 0) throw AuthError.tooManyRequests(Math.ceil(wait / 1000));
    const expected = await readPassword(this.config.auth.passwordFile);
    // Both comparisons always run, so the answer's timing does not tell which one failed.
    const valid = [sameSecret(username, this.config.auth.username), sameSecret(password, expected)].every(Boolean);
    if (!valid) throw AuthError.invalidCredentials();
    this.limiter.succeed(client);
    return this.sessions.open(username);
  }

  logout(sessionSecret: string): Promise<void> {
    return this.sessions.close(sessionSecret);
  }

  /** The principal behind a session cookie or a bearer token, or undefined. */
  async authenticate(credentials: { session?: string; bearer?: string }): Promise<Me | undefined> {
    if (credentials.bearer) {
      const token = await this.db
        .getRepository(ApiTokenRecord)
        .findOneBy({ hash: hashSecret(credentials.bearer), revokedAt: IsNull() });
      if (token) return { username: token.createdBy, via: 'token' };
    }
    if (credentials.session) {
      const username = await this.sessions.user(credentials.session);
      if (username) return { username, via: 'session' };
    }
    return undefined;
  }

  get secureCookies(): boolean {
    return this.config.baseUrl.startsWith('https:');
  }
}
