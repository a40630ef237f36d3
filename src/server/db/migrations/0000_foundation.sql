CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "password_resets" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"user_agent" text,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limit_hits" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limit_hits_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"changes" jsonb,
	CONSTRAINT "audit_log_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "mail_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"coalition_id" uuid,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"error" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "coalitions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"region" text NOT NULL,
	"time_zone" text DEFAULT 'America/Los_Angeles' NOT NULL,
	"mission" text,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"roles" text[] NOT NULL,
	"organization_id" uuid,
	"invited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "invitations_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"subtype" text,
	"website" text,
	"address" text,
	"description" text,
	"external_id" text,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"title" text,
	"organization_id" uuid,
	"email" text,
	"phone" text,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "job_files" (
	"coalition_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"content" "bytea" NOT NULL,
	"content_type" text NOT NULL,
	CONSTRAINT "job_files_coalition_id_job_id_pk" PRIMARY KEY("coalition_id","job_id")
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"phase" text,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"total" integer,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"result" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"lease_until" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "jobs_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "cip_soc" (
	"cip" text NOT NULL,
	"cip_title" text NOT NULL,
	"soc" text NOT NULL,
	"soc_title" text NOT NULL,
	"dataset_key" text NOT NULL,
	CONSTRAINT "cip_soc_cip_soc_pk" PRIMARY KEY("cip","soc")
);
--> statement-breakpoint
CREATE TABLE "lm_datasets" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"publisher" text NOT NULL,
	"source" text NOT NULL,
	"published_on" text,
	"licence" text NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lm_datasets_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "lm_facts" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"dataset_id" uuid NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"value" real NOT NULL,
	"unit" text NOT NULL,
	"as_of" text,
	"checks" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "lm_facts_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "lm_hub_occupations" (
	"coalition_id" uuid NOT NULL,
	"dataset_id" uuid NOT NULL,
	"hub" text NOT NULL,
	"soc" text NOT NULL,
	"title" text NOT NULL,
	"employment" integer,
	CONSTRAINT "lm_hub_occupations_coalition_id_hub_soc_pk" PRIMARY KEY("coalition_id","hub","soc")
);
--> statement-breakpoint
CREATE TABLE "lm_hubs" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"dataset_id" uuid NOT NULL,
	"hub" text NOT NULL,
	"is_home" boolean DEFAULT false NOT NULL,
	"tech_employment" integer,
	"average_tech_salary" integer,
	"tech_workers_per1000_jobs" real,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "lm_hubs_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "lm_projections" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"dataset_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"soc" text NOT NULL,
	"soc_version" text NOT NULL,
	"title" text NOT NULL,
	"category" text,
	"base_year" integer NOT NULL,
	"base_employment" integer,
	"projected_year" integer NOT NULL,
	"projected_employment" integer,
	"annual_new_jobs" integer,
	"annual_replacement_needs" integer,
	"stated_total_openings" integer,
	"stated_percent_change" real,
	"work_experience" text,
	CONSTRAINT "lm_projections_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "lm_rankings" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"dataset_id" uuid NOT NULL,
	"list" text NOT NULL,
	"rank" integer NOT NULL,
	"label" text NOT NULL,
	"soc" text,
	"ranked_by" text,
	CONSTRAINT "lm_rankings_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "lm_regions" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "lm_regions_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "lm_stated_figures" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"dataset_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"subject" text NOT NULL,
	"field" text NOT NULL,
	"value" real NOT NULL,
	CONSTRAINT "lm_stated_figures_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "occupation_skills" (
	"soc" text NOT NULL,
	"skill_id" text NOT NULL,
	"importance" real,
	"level" real,
	"hot_technology" boolean DEFAULT false NOT NULL,
	"in_demand" boolean DEFAULT false NOT NULL,
	"dataset_key" text NOT NULL,
	CONSTRAINT "occupation_skills_soc_skill_id_pk" PRIMARY KEY("soc","skill_id")
);
--> statement-breakpoint
CREATE TABLE "onet_occupations" (
	"onet_code" text PRIMARY KEY NOT NULL,
	"soc" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"job_zone" integer,
	"dataset_key" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reference_datasets" (
	"key" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"publisher" text NOT NULL,
	"source" text NOT NULL,
	"published_on" text,
	"licence" text NOT NULL,
	"notes" text,
	"rows" integer DEFAULT 0 NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skills" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"onet_element_id" text,
	"commodity_code" text,
	"dataset_key" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "soc_codes" (
	"version" text NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"level" text NOT NULL,
	"dataset_key" text NOT NULL,
	CONSTRAINT "soc_codes_version_code_pk" PRIMARY KEY("version","code")
);
--> statement-breakpoint
CREATE TABLE "soc_crosswalk" (
	"soc2010" text NOT NULL,
	"soc2018" text NOT NULL,
	"soc2010_title" text NOT NULL,
	"soc2018_title" text NOT NULL,
	"dataset_key" text NOT NULL,
	CONSTRAINT "soc_crosswalk_soc2010_soc2018_pk" PRIMARY KEY("soc2010","soc2018")
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_organization_fk" FOREIGN KEY ("coalition_id","organization_id") REFERENCES "public"."organizations"("coalition_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lm_datasets" ADD CONSTRAINT "lm_datasets_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_key" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("coalition_id","at","id");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("coalition_id","entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "mail_messages_coalition_idx" ON "mail_messages" USING btree ("coalition_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "coalitions_slug_key" ON "coalitions" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_key" ON "invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "invitations_email_idx" ON "invitations" USING btree ("coalition_id","email");--> statement-breakpoint
CREATE INDEX "organizations_name_idx" ON "organizations" USING btree ("coalition_id","name","id");--> statement-breakpoint
CREATE INDEX "organizations_type_idx" ON "organizations" USING btree ("coalition_id","type");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_external_id_key" ON "organizations" USING btree ("coalition_id","external_id") WHERE "organizations"."external_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "people_user_key" ON "people" USING btree ("coalition_id","user_id") WHERE "people"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "people_name_idx" ON "people" USING btree ("coalition_id","name","id");--> statement-breakpoint
CREATE INDEX "people_organization_idx" ON "people" USING btree ("coalition_id","organization_id");--> statement-breakpoint
CREATE INDEX "people_user_idx" ON "people" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "people_external_id_key" ON "people" USING btree ("coalition_id","external_id") WHERE "people"."external_id" is not null;--> statement-breakpoint
CREATE INDEX "jobs_queue_idx" ON "jobs" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "cip_soc_soc_idx" ON "cip_soc" USING btree ("soc");--> statement-breakpoint
CREATE UNIQUE INDEX "lm_datasets_key" ON "lm_datasets" USING btree ("coalition_id","key");--> statement-breakpoint
CREATE INDEX "lm_facts_key_idx" ON "lm_facts" USING btree ("coalition_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "lm_hubs_key" ON "lm_hubs" USING btree ("coalition_id","hub");--> statement-breakpoint
CREATE UNIQUE INDEX "lm_projections_key" ON "lm_projections" USING btree ("coalition_id","region_id","soc","base_year","projected_year");--> statement-breakpoint
CREATE INDEX "lm_projections_dataset_idx" ON "lm_projections" USING btree ("coalition_id","dataset_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lm_rankings_key" ON "lm_rankings" USING btree ("coalition_id","list","rank");--> statement-breakpoint
CREATE UNIQUE INDEX "lm_regions_slug" ON "lm_regions" USING btree ("coalition_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "lm_stated_figures_key" ON "lm_stated_figures" USING btree ("coalition_id","dataset_id","scope","subject","field");--> statement-breakpoint
CREATE INDEX "occupation_skills_skill_idx" ON "occupation_skills" USING btree ("skill_id");--> statement-breakpoint
CREATE INDEX "onet_occupations_soc_idx" ON "onet_occupations" USING btree ("soc");--> statement-breakpoint
CREATE UNIQUE INDEX "skills_name_key" ON "skills" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "soc_crosswalk_2018_idx" ON "soc_crosswalk" USING btree ("soc2018");