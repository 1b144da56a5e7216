import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { ContainerSizeFeet } from './trip-kind.js';

/** A container on a declared vehicle (at most two), ISO 6346, looked up like a plate. */
@Entity('declaration_container')
@Check('CK_declaration_container_position', 'position IN (1, 2)')
@Check('CK_declaration_container_size', 'size_feet IN (20, 40, 45)')
@Index('IDX_declaration_container_number', ['containerNumber'])
export class DeclarationContainerEntity {
  @PrimaryColumn({ name: 'declaration_id', type: 'uuid', primaryKeyConstraintName: 'declaration_container_pkey' })
  @ForeignKey('declaration', { name: 'FK_declaration_container_declaration' })
  declarationId: string;

  @PrimaryColumn({ name: 'position', type: 'smallint', primaryKeyConstraintName: 'declaration_container_pkey' })
  position: number;

  @Column({ name: 'container_number', type: 'text' })
  containerNumber: string;

  /** Null only on containers declared before sizes were asked. */
  @Column({ name: 'size_feet', type: 'smallint', nullable: true })
  sizeFeet: ContainerSizeFeet | null;
}
