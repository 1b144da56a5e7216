import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The border-gate infrastructure fee as dated schedules (docs/fees.md): one row of `fee_schedule` per resolution
 * of the province, in force for declarations arriving on or after its `valid_from` until a later one; its class
 * limits by weight, the least class a container size raises a vehicle to, its rates by class and goods category,
 * and the exemption codes it recognises. Replaces `fee_rate` and `fee_direction_factor` (their amounts become the
 * first schedule's; the import factor becomes its `domestic_import_percent`). Fee steps now record what the fee
 * was based on, beside the amount and class they already recorded.
 */

/** The first schedule, as seeded below (also read by the fee rules' unit tests: docs/fees.md's worked examples). */
export const RESOLUTION_09_2025 = {
  id: 'LS-09-2025',
  title: 'Nghị quyết 09/2025/NQ-HĐND tỉnh Lạng Sơn — phí sử dụng công trình hạ tầng cửa khẩu',
  validFrom: '2025-01-01',
  transshipmentPercent: 30,
  domesticImportPercent: 130,
  classes: [
    { vehicleClass: 'VT1', belowKg: 2_000 },
    { vehicleClass: 'VT2', belowKg: 5_000 },
    { vehicleClass: 'VT3', belowKg: 10_000 },
    { vehicleClass: 'VT4', belowKg: 15_000 },
    { vehicleClass: 'VT5', belowKg: 18_000 },
    { vehicleClass: 'VT6', belowKg: null },
  ],
  containerClasses: [
    { sizeFeet: 20, minClass: 'VT5' },
    { sizeFeet: 40, minClass: 'VT6' },
    { sizeFeet: 45, minClass: 'VT6' },
  ],
  // Per trip, VND: farm, re_export, temporary_import, general, empty. farm/general/empty are the amounts the gate
  // charged before schedules; re_export and temporary_import are illustrative in the resolution's shape.
  rates: (
    [
      ['VT1', 100_000, 200_000, 180_000, 150_000, 50_000],
      ['VT2', 300_000, 600_000, 500_000, 450_000, 100_000],
      ['VT3', 800_000, 1_500_000, 1_300_000, 1_200_000, 200_000],
      ['VT4', 1_500_000, 2_800_000, 2_500_000, 2_200_000, 300_000],
      ['VT5', 2_500_000, 4_000_000, 3_600_000, 3_300_000, 400_000],
      ['VT6', 4_000_000, 6_000_000, 5_500_000, 5_000_000, 500_000],
    ] as const
  ).flatMap(([vehicleClass, farm, reExport, temporaryImport, general, empty]) =>
    (
      [
        ['farm', farm],
        ['re_export', reExport],
        ['temporary_import', temporaryImport],
        ['general', general],
        ['empty', empty],
      ] as const
    ).map(([goodsCategory, amountVnd]) => ({ vehicleClass, goodsCategory, amountVnd })),
  ),
  // Illustrative: the resolution's own list replaces these.
  exemptions: [
    { code: 'ARMED_FORCES_DUTY', description: 'Vehicles of the armed forces and police on duty (illustrative)' },
    { code: 'EMERGENCY_RELIEF', description: 'Disaster and epidemic relief goods, emergency aid (illustrative)' },
    { code: 'DIPLOMATIC', description: 'Vehicles of diplomatic missions under treaty privileges (illustrative)' },
  ],
} as const;

export class FeeSchedules1800520000000 implements MigrationInterface {
  name = 'FeeSchedules1800520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE fee_schedule (
      id text NOT NULL CONSTRAINT "CK_fee_schedule_id" CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$'),
      title text NOT NULL CONSTRAINT "CK_fee_schedule_title" CHECK (length(btrim(title)) > 0),
      valid_from date NOT NULL,
      transshipment_percent integer NOT NULL
        CONSTRAINT "CK_fee_schedule_transshipment_percent" CHECK (transshipment_percent BETWEEN 0 AND 1000),
      domestic_import_percent integer NOT NULL
        CONSTRAINT "CK_fee_schedule_domestic_import_percent" CHECK (domestic_import_percent BETWEEN 0 AND 1000),
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT fee_schedule_pkey PRIMARY KEY (id),
      CONSTRAINT "UQ_fee_schedule_valid_from" UNIQUE (valid_from))`);
    await q.query(`CREATE TABLE fee_schedule_class (
      schedule_id text NOT NULL CONSTRAINT "FK_fee_schedule_class_schedule" REFERENCES fee_schedule (id),
      vehicle_class text NOT NULL
        CONSTRAINT "CK_fee_schedule_class_class" CHECK (vehicle_class IN ('VT1', 'VT2', 'VT3', 'VT4', 'VT5', 'VT6')),
      below_kg integer CONSTRAINT "CK_fee_schedule_class_below" CHECK (below_kg > 0),
      CONSTRAINT fee_schedule_class_pkey PRIMARY KEY (schedule_id, vehicle_class),
      CONSTRAINT "UQ_fee_schedule_class_below" UNIQUE (schedule_id, below_kg))`);
    // One class without a limit per schedule: the heaviest.
    await q.query(`CREATE UNIQUE INDEX "UQ_fee_schedule_class_open" ON fee_schedule_class (schedule_id)
      WHERE below_kg IS NULL`);
    await q.query(`CREATE TABLE fee_schedule_container (
      schedule_id text NOT NULL CONSTRAINT "FK_fee_schedule_container_schedule" REFERENCES fee_schedule (id),
      size_feet smallint NOT NULL CONSTRAINT "CK_fee_schedule_container_size" CHECK (size_feet IN (20, 40, 45)),
      min_class text NOT NULL
        CONSTRAINT "CK_fee_schedule_container_class" CHECK (min_class IN ('VT1', 'VT2', 'VT3', 'VT4', 'VT5', 'VT6')),
      CONSTRAINT fee_schedule_container_pkey PRIMARY KEY (schedule_id, size_feet))`);
    await q.query(`CREATE TABLE fee_schedule_rate (
      schedule_id text NOT NULL CONSTRAINT "FK_fee_schedule_rate_schedule" REFERENCES fee_schedule (id),
      vehicle_class text NOT NULL
        CONSTRAINT "CK_fee_schedule_rate_class" CHECK (vehicle_class IN ('VT1', 'VT2', 'VT3', 'VT4', 'VT5', 'VT6')),
      goods_category text NOT NULL CONSTRAINT "CK_fee_schedule_rate_goods"
        CHECK (goods_category IN ('farm', 're_export', 'temporary_import', 'general', 'empty')),
      amount_vnd bigint NOT NULL CONSTRAINT "CK_fee_schedule_rate_amount" CHECK (amount_vnd >= 0),
      CONSTRAINT fee_schedule_rate_pkey PRIMARY KEY (schedule_id, vehicle_class, goods_category))`);
    await q.query(`CREATE TABLE fee_schedule_exemption (
      schedule_id text NOT NULL CONSTRAINT "FK_fee_schedule_exemption_schedule" REFERENCES fee_schedule (id),
      code text NOT NULL CONSTRAINT "CK_fee_schedule_exemption_code" CHECK (code ~ '^[A-Z][A-Z0-9_]{1,31}$'),
      description text NOT NULL,
      CONSTRAINT fee_schedule_exemption_pkey PRIMARY KEY (schedule_id, code))`);

    const s = RESOLUTION_09_2025;
    await q.query(
      `INSERT INTO fee_schedule (id, title, valid_from, transshipment_percent, domestic_import_percent)
       VALUES ($1, $2, $3, $4, (SELECT percent FROM fee_direction_factor WHERE direction = 'import'))`,
      [s.id, s.title, s.validFrom, s.transshipmentPercent],
    );
    await q.query(
      `INSERT INTO fee_schedule_class (schedule_id, vehicle_class, below_kg)
       SELECT $1, c.vehicle_class, c.below_kg FROM jsonb_to_recordset($2::jsonb) AS c(vehicle_class text, below_kg int)`,
      [s.id, JSON.stringify(s.classes.map((c) => ({ vehicle_class: c.vehicleClass, below_kg: c.belowKg })))],
    );
    await q.query(
      `INSERT INTO fee_schedule_container (schedule_id, size_feet, min_class)
       SELECT $1, c.size_feet, c.min_class FROM jsonb_to_recordset($2::jsonb) AS c(size_feet smallint, min_class text)`,
      [s.id, JSON.stringify(s.containerClasses.map((c) => ({ size_feet: c.sizeFeet, min_class: c.minClass })))],
    );
    // The old table's amounts where it had the row (farm, general, empty); the new categories from the seed.
    await q.query(
      `INSERT INTO fee_schedule_rate (schedule_id, vehicle_class, goods_category, amount_vnd)
       SELECT $1, r.vehicle_class, r.goods_category, coalesce(old.amount_vnd, r.amount_vnd)
         FROM jsonb_to_recordset($2::jsonb) AS r(vehicle_class text, goods_category text, amount_vnd bigint)
         LEFT JOIN fee_rate old ON old.vehicle_class = r.vehicle_class AND old.goods_category = r.goods_category`,
      [
        s.id,
        JSON.stringify(
          s.rates.map((r) => ({
            vehicle_class: r.vehicleClass,
            goods_category: r.goodsCategory,
            amount_vnd: r.amountVnd,
          })),
        ),
      ],
    );
    await q.query(
      `INSERT INTO fee_schedule_exemption (schedule_id, code, description)
       SELECT $1, e.code, e.description FROM jsonb_to_recordset($2::jsonb) AS e(code text, description text)`,
      [s.id, JSON.stringify(s.exemptions)],
    );
    await q.query(`DROP TABLE fee_direction_factor, fee_rate`);

    // What a passed fee step was charged by, beside the amount and class it already recorded.
    await q.query(`ALTER TABLE clearance_step
      ADD COLUMN fee_goods_category text,
      ADD COLUMN fee_base_vnd bigint,
      ADD COLUMN fee_percent integer,
      ADD COLUMN fee_schedule_id text CONSTRAINT "FK_clearance_step_fee_schedule" REFERENCES fee_schedule (id),
      ADD COLUMN fee_exemption_code text`);
    // The daily fee totals beside the other daily figures: {count, totalVnd, byClass: {VT1: {count, totalVnd}}}.
    await q.query(`ALTER TABLE daily_stats ADD COLUMN fees jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE daily_stats DROP COLUMN fees`);
    await q.query(`ALTER TABLE clearance_step DROP COLUMN fee_exemption_code, DROP COLUMN fee_schedule_id,
      DROP COLUMN fee_percent, DROP COLUMN fee_base_vnd, DROP COLUMN fee_goods_category`);
    await q.query(`CREATE TABLE fee_rate (
      vehicle_class text NOT NULL CONSTRAINT "CK_fee_rate_class" CHECK (vehicle_class IN ('VT1', 'VT2', 'VT3', 'VT4', 'VT5', 'VT6')),
      goods_category text NOT NULL CONSTRAINT "CK_fee_rate_goods" CHECK (goods_category IN ('farm', 'general', 'empty')),
      amount_vnd bigint NOT NULL CONSTRAINT "CK_fee_rate_amount" CHECK (amount_vnd >= 0),
      PRIMARY KEY (vehicle_class, goods_category))`);
    await q.query(`CREATE TABLE fee_direction_factor (
      direction text PRIMARY KEY CONSTRAINT "CK_fee_direction" CHECK (direction IN ('export', 'import')),
      percent integer NOT NULL CONSTRAINT "CK_fee_direction_percent" CHECK (percent > 0))`);
    const first = `(SELECT id FROM fee_schedule ORDER BY valid_from LIMIT 1)`;
    await q.query(`INSERT INTO fee_rate (vehicle_class, goods_category, amount_vnd)
      SELECT vehicle_class, goods_category, amount_vnd FROM fee_schedule_rate
       WHERE schedule_id = ${first} AND goods_category IN ('farm', 'general', 'empty')`);
    await q.query(`INSERT INTO fee_direction_factor (direction, percent)
      SELECT 'export', 100 UNION ALL SELECT 'import', domestic_import_percent FROM fee_schedule WHERE id = ${first}`);
    await q.query(
      `DROP TABLE fee_schedule_exemption, fee_schedule_rate, fee_schedule_container, fee_schedule_class, fee_schedule`,
    );
  }
}
