import type { DataSource, Repository } from 'typeorm';
import type { Role, UserView } from '@lp/domain';
import { UserEntity } from '../entities/user.entity';

export function toUserView(u: UserEntity): UserView {
  return { id: u.id, email: u.email, name: u.name, role: u.role, active: u.active };
}

export class UserRepository {
  private readonly repo: Repository<UserEntity>;

  constructor(dataSource: DataSource) {
    this.repo = dataSource.getRepository(UserEntity);
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ email: email.trim().toLowerCase() });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ id });
  }

  list(): Promise<UserEntity[]> {
    return this.repo.find({ order: { createdAt: 'ASC' } });
  }

  count(): Promise<number> {
    return this.repo.count();
  }

  create(user: { email: string; name: string; role: Role; passwordHash: string }): Promise<UserEntity> {
    return this.repo.save(this.repo.create({ ...user, email: user.email.trim().toLowerCase() }));
  }
}

/** Refresh tokens: only their SHA-256 is stored; each is used once and replaced (rotation). */
export class RefreshTokenRepository {
  constructor(private readonly dataSource: DataSource) {}

  async issue(userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await this.dataSource.query('INSERT INTO refresh_tokens (user_id, token_hash, expires_at) VALUES ($1, $2, $3)', [
      userId,
      tokenHash,
      expiresAt,
    ]);
  }

  /**
   * Marks the token used and returns its user, atomically, so two concurrent refreshes cannot both
   * succeed. A token that was already used is a sign of theft: the caller revokes the whole session family.
   */
  async consume(tokenHash: string): Promise<{ userId: string; status: 'ok' | 'reused' | 'expired' } | null> {
    // A CTE, because TypeORM returns [rows, count] rather than rows for a bare UPDATE … RETURNING.
    const rows: Array<{ user_id: string; used: boolean; expired: boolean }> = await this.dataSource.query(
      `WITH consumed AS (
         UPDATE refresh_tokens SET used_at = COALESCE(used_at, now())
         WHERE token_hash = $1 AND revoked_at IS NULL
         RETURNING user_id, (used_at <> now()) AS used, (expires_at <= now()) AS expired)
       SELECT * FROM consumed`,
      [tokenHash],
    );
    const row = rows[0];
    if (!row) return null;
    return { userId: row.user_id, status: row.used ? 'reused' : row.expired ? 'expired' : 'ok' };
  }

  async revoke(tokenHash: string): Promise<void> {
    await this.dataSource.query('UPDATE refresh_tokens SET revoked_at = now() WHERE token_hash = $1', [tokenHash]);
  }

  async revokeAllForUser(userId: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL',
      [userId],
    );
  }
}
