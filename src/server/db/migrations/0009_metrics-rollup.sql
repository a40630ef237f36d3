CREATE TABLE "metric_daily_rollups" (
	"coalition_id" uuid NOT NULL,
	"day" date NOT NULL,
	"internship_placements" integer DEFAULT 0 NOT NULL,
	"job_placements" integer DEFAULT 0 NOT NULL,
	"conversions_to_hire" integer DEFAULT 0 NOT NULL,
	"students_impacted" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "metric_daily_rollups_coalition_id_day_pk" PRIMARY KEY("coalition_id","day")
);
--> statement-breakpoint
CREATE TABLE "metric_rollup_state" (
	"coalition_id" uuid PRIMARY KEY NOT NULL,
	"through" timestamp (3) with time zone NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"built_version" bigint,
	"refreshed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "metric_daily_rollups" ADD CONSTRAINT "metric_daily_rollups_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_rollup_state" ADD CONSTRAINT "metric_rollup_state_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Hand-written (decision 017): changes the daily metric rollup may already hold bump its version,
-- so reads fall back to the raw computation until the rollup is rebuilt.
CREATE OR REPLACE FUNCTION "metric_rollup_touch"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'application_status_changes' THEN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      UPDATE "metric_rollup_state" SET "version" = "version" + 1 WHERE "coalition_id" = OLD."coalition_id" AND OLD."at" < "through";
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      UPDATE "metric_rollup_state" SET "version" = "version" + 1 WHERE "coalition_id" = NEW."coalition_id" AND NEW."at" < "through";
    END IF;
  ELSE
    UPDATE "metric_rollup_state" SET "version" = "version" + 1 WHERE "coalition_id" = NEW."coalition_id";
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "metric_rollup_status_changes_touch" AFTER INSERT OR UPDATE OR DELETE ON "application_status_changes" FOR EACH ROW EXECUTE FUNCTION "metric_rollup_touch"();
--> statement-breakpoint
CREATE TRIGGER "metric_rollup_applications_touch" AFTER UPDATE OF "student_id", "opportunity_id" ON "applications" FOR EACH ROW WHEN (OLD."student_id" IS DISTINCT FROM NEW."student_id" OR OLD."opportunity_id" IS DISTINCT FROM NEW."opportunity_id") EXECUTE FUNCTION "metric_rollup_touch"();
--> statement-breakpoint
CREATE TRIGGER "metric_rollup_opportunities_touch" AFTER UPDATE OF "kind" ON "opportunities" FOR EACH ROW WHEN (OLD."kind" IS DISTINCT FROM NEW."kind") EXECUTE FUNCTION "metric_rollup_touch"();
