CREATE TABLE "digest_schedules" (
	"coalition_id" uuid PRIMARY KEY NOT NULL,
	"weekday" smallint DEFAULT 1 NOT NULL,
	"hour" smallint DEFAULT 8 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"base_url" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "digest_schedules" ADD CONSTRAINT "digest_schedules_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;