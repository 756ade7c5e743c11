import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditActor, AuditTrail, apiKeyActor, systemActor } from '@app/audit';
import { ChangeVersion, VersionedMemo } from '@app/database';
import { Actor, findOrganisation, isAdmin, organisationWithCode, Role } from '@app/planning';
import { AccessError } from './access.error';
import { ApiKey } from './api-key.entity';
import { apiKeyIssued, apiKeyRevoked } from './api-key-audit';
import { digestSecret, generateApiKeyToken, parseApiKeyToken, secretMatches } from './api-key-token';

export interface IssuedApiKey {
  apiKey: ApiKey;
  /** The full key; it is not stored and cannot be shown again. */
  token: string;
}

export interface AuthenticatedKey extends Actor {
  keyId: string;
}

export interface FirstAdminInput {
  organisationName: string;
  organisationCode: string;
  country: string;
  timeZone: string;
}

/** Recording every use would write on every request; once a minute is enough to see unused keys. */
const LAST_USED_RESOLUTION_MS = 60_000;
/** Keys whose stored row this process keeps; beyond this it starts afresh. */
const REMEMBERED_KEYS = 10_000;

interface StoredKey {
  secretDigest: Buffer;
  authenticated: AuthenticatedKey;
  lastUsedAt: number | null;
}

@Injectable()
export class ApiKeysService {
  private readonly logger = new Logger(ApiKeysService.name);

  /**
   * Stored rows of unrevoked keys: a key check needs no query while the change version (which
   * issuing, revoking and changing a key move) stands still. Only keys that exist are kept, so
   * guessing cannot fill the memory.
   */
  private readonly stored = new VersionedMemo<StoredKey>(REMEMBERED_KEYS);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: ChangeVersion,
    private readonly audit: AuditTrail,
  ) {}

  async issue(
    actor: Actor,
    input: { name: string; organisationId: string; role: Role },
  ): Promise<IssuedApiKey> {
    if (!isAdmin(actor))
      throw new AccessError('forbidden', 'forbidden', 'Only an admin key may issue API keys.');
    if (!(await findOrganisation(this.dataSource.manager, input.organisationId))) {
      throw new AccessError('invalid', 'invalid_input', `Unknown organisation ${input.organisationId}.`);
    }
    return this.dataSource.transaction((manager) => this.store(manager, actor.who, input));
  }

  /**
   * Bootstraps an empty installation: creates (or reuses) the operator organisation and its first
   * admin key. Refuses once any key exists, so it cannot be used to mint keys behind admins' backs.
   */
  async issueFirstAdmin(input: FirstAdminInput): Promise<IssuedApiKey> {
    return this.dataSource.transaction('SERIALIZABLE', async (manager) => {
      if ((await manager.count(ApiKey)) > 0) {
        throw new AccessError(
          'conflict',
          'api_keys_exist',
          'API keys exist already; issue further keys through the API with an admin key.',
        );
      }
      const code = input.organisationCode.toUpperCase();
      const organisation = await organisationWithCode(manager, {
        name: input.organisationName,
        code,
        country: input.country.toUpperCase(),
        timeZone: input.timeZone,
        defaultLocale: 'en',
      });
      return this.store(manager, systemActor('first admin command'), {
        name: 'First admin key',
        organisationId: organisation.id,
        role: 'admin',
      });
    });
  }

  async authenticate(plaintext: string): Promise<AuthenticatedKey | null> {
    const parsed = parseApiKeyToken(plaintext);
    if (!parsed) return null;
    const key = await this.storedKey(parsed.lookupId);
    if (!key || !secretMatches(parsed.secret, key.secretDigest)) return null;
    const now = Date.now();
    if (key.lastUsedAt === null || now - key.lastUsedAt > LAST_USED_RESOLUTION_MS) {
      key.lastUsedAt = now;
      await this.dataSource
        .getRepository(ApiKey)
        .update({ id: key.authenticated.keyId }, { lastUsedAt: new Date(now) });
    }
    return { ...key.authenticated };
  }

  /** The unrevoked key's row as of a change version read after this call began. */
  private async storedKey(lookupId: string): Promise<StoredKey | null> {
    const version = await this.changes.current();
    const kept = this.stored.get(lookupId, version);
    if (kept) return kept;
    const apiKey = await this.dataSource.getRepository(ApiKey).findOneBy({ lookupId, revokedAt: IsNull() });
    if (!apiKey) return null;
    const key: StoredKey = {
      secretDigest: apiKey.secretDigest,
      authenticated: {
        keyId: apiKey.id,
        organisationId: apiKey.organisationId,
        role: apiKey.role,
        who: apiKeyActor(apiKey),
      },
      lastUsedAt: apiKey.lastUsedAt?.getTime() ?? null,
    };
    this.stored.set(lookupId, version, key);
    return key;
  }

  async list(actor: Actor): Promise<ApiKey[]> {
    return this.dataSource.getRepository(ApiKey).find({
      where: isAdmin(actor) ? {} : { organisationId: actor.organisationId },
      order: { createdAt: 'ASC' },
    });
  }

  async revoke(actor: Actor, id: string): Promise<ApiKey> {
    const repository = this.dataSource.getRepository(ApiKey);
    const apiKey = await repository.findOneBy({ id });
    if (!apiKey || (!isAdmin(actor) && apiKey.organisationId !== actor.organisationId)) {
      throw new AccessError('not_found', 'api_key_not_found', `No API key with id ${id}.`);
    }
    if (!isAdmin(actor))
      throw new AccessError('forbidden', 'forbidden', 'Only an admin key may revoke API keys.');
    if (!apiKey.revokedAt) {
      apiKey.revokedAt = new Date();
      await this.dataSource.transaction(async (manager) => {
        await manager.save(apiKey);
        await this.audit.record(manager, apiKeyRevoked(actor.who, apiKey));
      });
      this.logger.log(`API key ${apiKey.id} revoked`);
    }
    return apiKey;
  }

  /** Replaces all keys of this name in the organisation with a fresh one (used by the demo seed). */
  async replaceNamedKey(input: { name: string; organisationId: string; role: Role }): Promise<IssuedApiKey> {
    return this.dataSource.transaction(async (manager) => {
      await manager.delete(ApiKey, { name: input.name, organisationId: input.organisationId });
      return this.store(manager, systemActor('demo seed'), input);
    });
  }

  /** Saves a new key and its audit entry in the caller's transaction. */
  private async store(
    manager: EntityManager,
    issuer: AuditActor,
    input: { name: string; organisationId: string; role: Role },
  ): Promise<IssuedApiKey> {
    const token = generateApiKeyToken();
    const apiKey = await manager.save(
      Object.assign(new ApiKey(), {
        name: input.name.trim(),
        organisationId: input.organisationId,
        role: input.role,
        lookupId: token.lookupId,
        secretDigest: digestSecret(token.secret),
      }),
    );
    await this.audit.record(manager, apiKeyIssued(issuer, apiKey));
    return { apiKey, token: token.plaintext };
  }
}
