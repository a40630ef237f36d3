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
ALTER TABLE "digest_batches" ADD CONSTRAINT "digest_batches_run_fk" FOREIGN KEY ("coalition_id","run_id") REFERENCES "public"."digest_runs"("coalition_id","id") ON DELETE cascade ON UPDATE no action;