CREATE TABLE "digest_batches" (
	"coalition_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"batch_no" integer NOT NULL,
	"after_person_id" uuid,
	"last_person_id" uuid NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"emailed" integer DEFAULT 0 NOT NULL,
	"empty" integer DEFAULT 0 NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "digest_batches_coalition_id_run_id_batch_no_pk" PRIMARY KEY("coalition_id","run_id","batch_no")
);
--> statement-breakpoint
ALTER TABLE "mail_messages" ADD COLUMN "headers" jsonb;--> statement-breakpoint
ALTER TABLE "communication_preferences" ADD COLUMN "meeting_follow_ups" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "digest_runs" ADD COLUMN "batch_size" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "digest_runs" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "digest_runs" ADD COLUMN "finished_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "digest_batches" ADD CONSTRAINT "digest_batches_run_fk" FOREIGN KEY ("coalition_id","run_id") REFERENCES "public"."digest_runs"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
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
