import { EntityManager, IsNull } from 'typeorm';
import { FeedToken } from './feed-token.entity';
import { FeedTokenSecret, generateFeedToken } from './feed-token-secret';

/** A token just stored, with the secret for the URL: it exists nowhere else and is shown once. */
export interface StoredFeedToken {
  token: FeedToken;
  plaintext: string;
}

/** Stores a new personal feed token in the caller's transaction; only a digest of the secret is kept. */
export async function storeFeedToken(
  manager: EntityManager,
  personId: string,
  secret: FeedTokenSecret = generateFeedToken(),
): Promise<StoredFeedToken> {
  const token = await manager.save(
    manager.create(FeedToken, { personId, lookupId: secret.lookupId, secretDigest: secret.digest }),
  );
  return { token, plaintext: secret.plaintext };
}

/**
 * For seed data: deletes every token of the person, revoked ones too, and stores a new one. The
 * URLs handed out before stop working, and loading the seed again adds no row.
 */
export async function replaceFeedTokens(manager: EntityManager, personId: string): Promise<StoredFeedToken> {
  await manager.delete(FeedToken, { personId });
  return storeFeedToken(manager, personId);
}

/**
 * Revokes the person's active token and stores this one, in the caller's transaction: a
 * participant asking for their link again gets a new one, and whoever had the old one loses it.
 */
export async function renewFeedToken(
  manager: EntityManager,
  personId: string,
  secret: FeedTokenSecret,
): Promise<StoredFeedToken> {
  await manager.update(FeedToken, { personId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  return storeFeedToken(manager, personId, secret);
}
