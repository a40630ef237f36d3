CREATE TABLE "action_items" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"title" text NOT NULL,
	"notes" text,
	"owner_id" uuid,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"initiative_id" uuid,
	"task_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_items_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "calendar_feeds_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "meeting_agenda_items" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"title" text NOT NULL,
	"notes" text,
	"status" text DEFAULT 'proposed' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"proposed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_agenda_items_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "meeting_invitees" (
	"coalition_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"rsvp" text DEFAULT 'pending' NOT NULL,
	"attended" boolean DEFAULT false NOT NULL,
	"checked_in_at" timestamp with time zone,
	CONSTRAINT "meeting_invitees_coalition_id_meeting_id_person_id_pk" PRIMARY KEY("coalition_id","meeting_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"series_id" uuid,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"location" text,
	"video_url" text,
	"description" text,
	"audience" jsonb NOT NULL,
	"minutes" text,
	"decisions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"agenda_order" text[] DEFAULT '{}'::text[] NOT NULL,
	"agenda_hidden" text[] DEFAULT '{}'::text[] NOT NULL,
	"follow_up_sent_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "announcements" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"audience" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"recipients" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"sent_at" timestamp with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "announcements_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "communication_deliveries" (
	"coalition_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"ref_id" text NOT NULL,
	"person_id" uuid NOT NULL,
	"mail_id" uuid,
	"channel" text DEFAULT 'email' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "communication_deliveries_coalition_id_kind_ref_id_person_id_pk" PRIMARY KEY("coalition_id","kind","ref_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "communication_keys" (
	"coalition_id" uuid PRIMARY KEY NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "communication_preferences" (
	"coalition_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"announcements" boolean DEFAULT true NOT NULL,
	"digest" boolean DEFAULT true NOT NULL,
	"unsubscribed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "communication_preferences_coalition_id_person_id_pk" PRIMARY KEY("coalition_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "digest_runs" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"week_of" date NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"recipients" integer DEFAULT 0 NOT NULL,
	"batches" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "digest_runs_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_meeting_fk" FOREIGN KEY ("coalition_id","meeting_id") REFERENCES "public"."meetings"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_owner_fk" FOREIGN KEY ("coalition_id","owner_id") REFERENCES "public"."people"("coalition_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_person_fk" FOREIGN KEY ("coalition_id","person_id") REFERENCES "public"."people"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_meeting_fk" FOREIGN KEY ("coalition_id","meeting_id") REFERENCES "public"."meetings"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitees" ADD CONSTRAINT "meeting_invitees_meeting_fk" FOREIGN KEY ("coalition_id","meeting_id") REFERENCES "public"."meetings"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitees" ADD CONSTRAINT "meeting_invitees_person_fk" FOREIGN KEY ("coalition_id","person_id") REFERENCES "public"."people"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_items_meeting_idx" ON "action_items" USING btree ("coalition_id","meeting_id");--> statement-breakpoint
CREATE INDEX "action_items_owner_idx" ON "action_items" USING btree ("coalition_id","owner_id","status","due_on");--> statement-breakpoint
CREATE INDEX "action_items_open_idx" ON "action_items" USING btree ("coalition_id","status","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_key" ON "calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "calendar_feeds_person_idx" ON "calendar_feeds" USING btree ("coalition_id","person_id");--> statement-breakpoint
CREATE INDEX "meeting_agenda_items_meeting_idx" ON "meeting_agenda_items" USING btree ("coalition_id","meeting_id","position");--> statement-breakpoint
CREATE INDEX "meeting_invitees_person_idx" ON "meeting_invitees" USING btree ("coalition_id","person_id");--> statement-breakpoint
CREATE INDEX "meetings_starts_idx" ON "meetings" USING btree ("coalition_id","starts_at","id");--> statement-breakpoint
CREATE INDEX "meetings_series_idx" ON "meetings" USING btree ("coalition_id","series_id");--> statement-breakpoint
CREATE INDEX "announcements_created_idx" ON "announcements" USING btree ("coalition_id","created_at","id");--> statement-breakpoint
CREATE INDEX "communication_deliveries_person_idx" ON "communication_deliveries" USING btree ("coalition_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "digest_runs_week_key" ON "digest_runs" USING btree ("coalition_id","week_of");