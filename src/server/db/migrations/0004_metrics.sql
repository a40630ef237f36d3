CREATE TABLE "metric_targets" (
	"coalition_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"key" text NOT NULL,
	"target" numeric(14, 2) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "metric_targets_coalition_id_year_key_pk" PRIMARY KEY("coalition_id","year","key")
);
--> statement-breakpoint
CREATE TABLE "roadmap_progress" (
	"coalition_id" uuid NOT NULL,
	"ref" text NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"evidence" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roadmap_progress_coalition_id_ref_pk" PRIMARY KEY("coalition_id","ref")
);
--> statement-breakpoint
ALTER TABLE "metric_targets" ADD CONSTRAINT "metric_targets_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_progress" ADD CONSTRAINT "roadmap_progress_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "roadmap_progress_status_idx" ON "roadmap_progress" USING btree ("coalition_id","status");