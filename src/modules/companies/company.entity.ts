import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A transport company that declares trips through its API keys. */
@Entity('company')
@Unique('UQ_company_tax_code', ['taxCode'])
export class CompanyEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'company_pkey' })
  id: string;

  @Column({ name: 'name', type: 'text' })
  name: string;

  @Column({ name: 'tax_code', type: 'text' })
  taxCode: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  /** An authorised economic operator: its trucks get the AEO turn of the priority cycle. */
  @Column({ name: 'authorised_economic_operator', type: 'boolean', default: false })
  authorisedEconomicOperator: boolean;
}
