import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organisation } from './organisation.entity';

/**
 * A web origin (scheme, host and port, as browsers send it in Origin) that may frame the
 * organisation's public calendar pages and load its calendar widget.
 */
@Entity('embedding_origins')
export class EmbeddingOrigin {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_embedding_origins' })
  organisationId: string;

  @PrimaryColumn({ length: 200, primaryKeyConstraintName: 'PK_embedding_origins' })
  origin: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'FK_embedding_origins_organisation' })
  organisation?: Organisation;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
