CREATE TABLE "email_changes" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"new_email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sign_in_failures" (
	"account_key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_failed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prospect_activities" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"prospect_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"kind" text NOT NULL,
	"summary" text NOT NULL,
	"by_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prospect_activities_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "prospect_contacts" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"prospect_id" uuid NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"email" text,
	"seat" text,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"decision_maker" boolean DEFAULT false NOT NULL,
	"person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prospect_contacts_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "prospects" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"stage" text DEFAULT 'identified' NOT NULL,
	"website" text,
	"notes" text,
	"owner_id" uuid,
	"next_step" text,
	"next_step_on" date,
	"illustrative" boolean DEFAULT false NOT NULL,
	"organization_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prospects_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "seat_holders" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"seat" text NOT NULL,
	"person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "seat_holders_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "commitments" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"template_key" text,
	"title" text NOT NULL,
	"description" text,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"owner_id" uuid,
	"completed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commitments_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "data_sharing_acceptances" (
	"coalition_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"agreement_version" text NOT NULL,
	"accepted_by" uuid,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_sharing_acceptances_coalition_id_organization_id_pk" PRIMARY KEY("coalition_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "document_versions" (
	"coalition_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"extracted_text" text,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_versions_coalition_id_document_id_version_pk" PRIMARY KEY("coalition_id","document_id","version")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"visibility" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"owner_id" uuid,
	"current_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
ALTER TABLE "email_changes" ADD CONSTRAINT "email_changes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prospect_activities" ADD CONSTRAINT "prospect_activities_prospect_fk" FOREIGN KEY ("coalition_id","prospect_id") REFERENCES "public"."prospects"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prospect_contacts" ADD CONSTRAINT "prospect_contacts_prospect_fk" FOREIGN KEY ("coalition_id","prospect_id") REFERENCES "public"."prospects"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prospects" ADD CONSTRAINT "prospects_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prospects" ADD CONSTRAINT "prospects_owner_fk" FOREIGN KEY ("coalition_id","owner_id") REFERENCES "public"."people"("coalition_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prospects" ADD CONSTRAINT "prospects_organization_fk" FOREIGN KEY ("coalition_id","organization_id") REFERENCES "public"."organizations"("coalition_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seat_holders" ADD CONSTRAINT "seat_holders_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seat_holders" ADD CONSTRAINT "seat_holders_person_fk" FOREIGN KEY ("coalition_id","person_id") REFERENCES "public"."people"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_organization_fk" FOREIGN KEY ("coalition_id","organization_id") REFERENCES "public"."organizations"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_owner_fk" FOREIGN KEY ("coalition_id","owner_id") REFERENCES "public"."people"("coalition_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_sharing_acceptances" ADD CONSTRAINT "data_sharing_acceptances_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_sharing_acceptances" ADD CONSTRAINT "data_sharing_organization_fk" FOREIGN KEY ("coalition_id","organization_id") REFERENCES "public"."organizations"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_sharing_acceptances" ADD CONSTRAINT "data_sharing_person_fk" FOREIGN KEY ("coalition_id","accepted_by") REFERENCES "public"."people"("coalition_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_document_fk" FOREIGN KEY ("coalition_id","document_id") REFERENCES "public"."documents"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_owner_fk" FOREIGN KEY ("coalition_id","owner_id") REFERENCES "public"."people"("coalition_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_changes_user_idx" ON "email_changes" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "prospect_activities_prospect_idx" ON "prospect_activities" USING btree ("coalition_id","prospect_id","occurred_on");--> statement-breakpoint
CREATE INDEX "prospect_contacts_prospect_idx" ON "prospect_contacts" USING btree ("coalition_id","prospect_id");--> statement-breakpoint
CREATE INDEX "prospects_name_idx" ON "prospects" USING btree ("coalition_id","name","id");--> statement-breakpoint
CREATE INDEX "prospects_stage_idx" ON "prospects" USING btree ("coalition_id","stage");--> statement-breakpoint
CREATE UNIQUE INDEX "seat_holders_key" ON "seat_holders" USING btree ("coalition_id","seat","person_id");--> statement-breakpoint
CREATE INDEX "seat_holders_person_idx" ON "seat_holders" USING btree ("coalition_id","person_id");--> statement-breakpoint
CREATE INDEX "commitments_due_idx" ON "commitments" USING btree ("coalition_id","due_on","id");--> statement-breakpoint
CREATE INDEX "commitments_organization_idx" ON "commitments" USING btree ("coalition_id","organization_id");--> statement-breakpoint
CREATE INDEX "documents_title_idx" ON "documents" USING btree ("coalition_id","title","id");