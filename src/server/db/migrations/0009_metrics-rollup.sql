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
ALTER TABLE "metric_rollup_state" ADD CONSTRAINT "metric_rollup_state_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;