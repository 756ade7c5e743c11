import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['host_assignments', 'room_assignments'];

/**
 * Hosting a delegation (libs/hosting): who hosts, guides, interprets for or drives a guest, per
 * night or per programme item, and who sleeps in which room per night of an accommodation.
 * A guest has one host family per night at most, and one room per night: unique indexes keep
 * that true under concurrent requests. Both tables move the change version, so that personal
 * feeds showing assignments render again. `host_schedules_sent` remembers which schedule each
 * host was last sent, so that sending again mails only those whose schedule changed.
 * `host_schedule` is the view the feeds read.
 */
export class Hosting1795294000000 implements MigrationInterface {
  name = 'Hosting1795294000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "host_assignments" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "visit_id" uuid NOT NULL REFERENCES "events" ("id") ON DELETE CASCADE,
        "guest_person_id" uuid NOT NULL REFERENCES "people" ("id") ON DELETE CASCADE,
        "host_person_id" uuid NOT NULL REFERENCES "people" ("id") ON DELETE CASCADE,
        "role" character varying(16) NOT NULL,
        "night" date,
        "part_id" uuid REFERENCES "events" ("id") ON DELETE CASCADE,
        "phone" character varying(64),
        "address" character varying(300),
        "notes" character varying(500) NOT NULL DEFAULT '',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_host_assignments" PRIMARY KEY ("id"),
        CONSTRAINT "host_assignments_role_check" CHECK ("role" IN ('host_family', 'guide', 'interpreter', 'driver')),
        CONSTRAINT "host_assignments_when_check" CHECK (("night" IS NULL) <> ("part_id" IS NULL)),
        CONSTRAINT "host_assignments_self_check" CHECK ("guest_person_id" <> "host_person_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_host_assignments_visit" ON "host_assignments" ("visit_id")`);
    await queryRunner.query(
      `CREATE INDEX "IDX_host_assignments_host" ON "host_assignments" ("host_person_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_host_assignments_guest" ON "host_assignments" ("guest_person_id")`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_host_assignments_part" ON "host_assignments" ("part_id")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_host_assignments_host_family_night" ON "host_assignments" ("visit_id", "guest_person_id", "night")
       WHERE "role" = 'host_family'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_host_assignments_same" ON "host_assignments"
       ("visit_id", "guest_person_id", "host_person_id", "role", coalesce("night", '-infinity'::date), coalesce("part_id", '00000000-0000-0000-0000-000000000000'::uuid))`,
    );
    await queryRunner.query(
      `CREATE TABLE "room_assignments" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "visit_id" uuid NOT NULL REFERENCES "events" ("id") ON DELETE CASCADE,
        "accommodation_id" uuid NOT NULL REFERENCES "events" ("id") ON DELETE CASCADE,
        "night" date NOT NULL,
        "room" character varying(100) NOT NULL,
        "guest_person_id" uuid NOT NULL REFERENCES "people" ("id") ON DELETE CASCADE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_room_assignments" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_room_assignments_guest_night" ON "room_assignments" ("visit_id", "guest_person_id", "night")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_room_assignments_accommodation" ON "room_assignments" ("accommodation_id", "night")`,
    );
    await queryRunner.query(
      `CREATE TABLE "host_schedules_sent" (
        "visit_id" uuid NOT NULL REFERENCES "events" ("id") ON DELETE CASCADE,
        "host_person_id" uuid NOT NULL REFERENCES "people" ("id") ON DELETE CASCADE,
        "digest" character varying(64) NOT NULL,
        "queued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_host_schedules_sent" PRIMARY KEY ("visit_id", "host_person_id"))`,
    );
    for (const table of TABLES) {
      await queryRunner.query(
        `CREATE CONSTRAINT TRIGGER "${table}_change" AFTER INSERT OR UPDATE OR DELETE ON "${table}"
         DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION note_change()`,
      );
    }
    // What a personal feed shows of hosting: each assignment with the event it belongs to (the
    // programme item, or the visit for a night). Read by libs/feeds; only libs/hosting defines it.
    await queryRunner.query(
      `CREATE VIEW "host_schedule" AS
         SELECT id, visit_id, coalesce(part_id, visit_id) AS event_id, night, guest_person_id, host_person_id,
                role, phone, address, notes, updated_at
           FROM host_assignments`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW "host_schedule"`);
    await queryRunner.query(`DROP TABLE "host_schedules_sent"`);
    await queryRunner.query(`DROP TABLE "room_assignments"`);
    await queryRunner.query(`DROP TABLE "host_assignments"`);
  }
}
