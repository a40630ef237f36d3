CREATE TABLE "student_correction_requests" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"field" text NOT NULL,
	"requested_value" text NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"requested_by_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"resolved_by_user_id" uuid,
	"resolved_at" timestamp (3) with time zone,
	"resolution_note" text,
	CONSTRAINT "student_correction_requests_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "student_retention_policies" (
	"coalition_id" uuid PRIMARY KEY NOT NULL,
	"access_log_years" integer NOT NULL,
	"withdrawn_application_years" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_user_id" uuid
);
--> statement-breakpoint
ALTER TABLE "students" ADD COLUMN "directory_opt_out_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "student_correction_requests" ADD CONSTRAINT "student_correction_requests_student_fk" FOREIGN KEY ("coalition_id","student_id") REFERENCES "public"."students"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_retention_policies" ADD CONSTRAINT "student_retention_policies_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "student_correction_requests_student_idx" ON "student_correction_requests" USING btree ("coalition_id","student_id","created_at","id");--> statement-breakpoint
CREATE INDEX "student_correction_requests_status_idx" ON "student_correction_requests" USING btree ("coalition_id","status","created_at","id");