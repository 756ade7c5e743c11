import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organisation } from './organisation.entity';

/**
 * A code an organisation had before it changed it, so that what was handed out under the old code
 * (its feed URL, subscribed in calendar apps) keeps reaching it. A code names one organisation at a
 * time: when any organisation takes a code, the code stops being anyone's former code.
 */
@Entity('organisation_former_codes')
export class OrganisationFormerCode {
  /** Stored upper-case, as organisation codes are. */
  @PrimaryColumn({ length: 32, primaryKeyConstraintName: 'PK_organisation_former_codes' })
  code: string;

  @Index('IDX_organisation_former_codes_organisation')
  @Column('uuid')
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'FK_organisation_former_codes_organisation',
  })
  organisation?: Organisation;

  @CreateDateColumn({ type: 'timestamptz' })
  replacedAt: Date;
}
