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
CREATE TABLE "notifications" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "hiring_need_skills" (
	"coalition_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	"skill_id" text NOT NULL,
	"level" text,
	"importance" text DEFAULT 'required' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "hiring_need_skills_coalition_id_need_id_skill_id_pk" PRIMARY KEY("coalition_id","need_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "hiring_needs" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"soc" text NOT NULL,
	"title" text NOT NULL,
	"level" text DEFAULT 'entry' NOT NULL,
	"positions" integer NOT NULL,
	"location" text,
	"workplace" text DEFAULT 'onsite' NOT NULL,
	"degree_required" boolean DEFAULT false NOT NULL,
	"degree_level" text,
	"description" text,
	"recruiting_calendar" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"external_id" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hiring_needs_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "course_skill_versions" (
	"coalition_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"skill_ids" text[] NOT NULL,
	"added" text[] DEFAULT '{}'::text[] NOT NULL,
	"removed" text[] DEFAULT '{}'::text[] NOT NULL,
	"proposal_id" uuid,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"changed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_skill_versions_coalition_id_course_id_version_pk" PRIMARY KEY("coalition_id","course_id","version")
);
--> statement-breakpoint
CREATE TABLE "course_skills" (
	"coalition_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"skill_id" text NOT NULL,
	CONSTRAINT "course_skills_coalition_id_course_id_skill_id_pk" PRIMARY KEY("coalition_id","course_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "courses" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"code" text,
	"title" text NOT NULL,
	"description" text,
	"annual_enrollment" integer,
	"skills_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "courses_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "program_outcomes" (
	"coalition_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"enrollment" integer,
	"completions" integer,
	"source" text,
	CONSTRAINT "program_outcomes_coalition_id_program_id_year_pk" PRIMARY KEY("coalition_id","program_id","year")
);
--> statement-breakpoint
CREATE TABLE "program_partners" (
	"coalition_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	CONSTRAINT "program_partners_coalition_id_program_id_organization_id_pk" PRIMARY KEY("coalition_id","program_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"title" text NOT NULL,
	"cip" text,
	"award_level" text NOT NULL,
	"pathway" text,
	"description" text,
	"tech_focused" boolean DEFAULT false NOT NULL,
	"specialty_skill_class" boolean DEFAULT false NOT NULL,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programs_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "curriculum_comments" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"relevance" integer,
	"proposed_skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"official" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "curriculum_comments_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "curriculum_followers" (
	"coalition_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "curriculum_followers_coalition_id_proposal_id_person_id_pk" PRIMARY KEY("coalition_id","proposal_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "curriculum_proposals" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"course_id" uuid,
	"author_id" uuid,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"details" text,
	"skills_added" text[] DEFAULT '{}'::text[] NOT NULL,
	"skills_removed" text[] DEFAULT '{}'::text[] NOT NULL,
	"hiring_need_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"target_term" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"adopted_version" integer,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "curriculum_proposals_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "curriculum_status_changes" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"by_person_id" uuid,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "curriculum_status_changes_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "contact_assignments" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_assignments_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "contact_requests" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"from_person_id" uuid,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"routed_to" uuid[] NOT NULL,
	"routed_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_requests_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "opportunities" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"employer_id" uuid NOT NULL,
	"institution_id" uuid,
	"pathway" text,
	"audiences" text[] DEFAULT '{}'::text[] NOT NULL,
	"compensation" text DEFAULT 'unpaid' NOT NULL,
	"pay_amount" numeric(12, 2),
	"pay_unit" text,
	"seats" integer,
	"starts_on" date,
	"ends_on" date,
	"application_deadline" date,
	"hours_per_week" integer,
	"minimum_age" integer,
	"modality" text DEFAULT 'in_person' NOT NULL,
	"location" text,
	"status" text DEFAULT 'open' NOT NULL,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunities_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "opportunity_skills" (
	"coalition_id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"skill_id" text NOT NULL,
	"importance" smallint DEFAULT 3 NOT NULL,
	CONSTRAINT "opportunity_skills_coalition_id_opportunity_id_skill_id_pk" PRIMARY KEY("coalition_id","opportunity_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "guardian_consents" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"guardian_name" text NOT NULL,
	"relationship" text NOT NULL,
	"method" text NOT NULL,
	"given_on" date NOT NULL,
	"recorded_by_user_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by_user_id" uuid,
	CONSTRAINT "guardian_consents_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "portfolio_items" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"title" text NOT NULL,
	"url" text,
	"description" text,
	"completed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portfolio_items_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "student_access_log" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"student_id" uuid NOT NULL,
	"actor_user_id" uuid,
	"actor_person_id" uuid,
	"actor_organization_id" uuid,
	"route" text NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "student_access_log_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "student_equity" (
	"coalition_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"first_generation" boolean,
	"low_income" boolean,
	"no_four_year_degree_path" boolean,
	"career_changer" boolean,
	CONSTRAINT "student_equity_coalition_id_student_id_pk" PRIMARY KEY("coalition_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "student_shares" (
	"coalition_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"shared_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "student_shares_coalition_id_student_id_organization_id_pk" PRIMARY KEY("coalition_id","student_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "student_skills" (
	"coalition_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"skill_id" text NOT NULL,
	"source" text NOT NULL,
	"ref" text DEFAULT '' NOT NULL,
	"evidence" text,
	CONSTRAINT "student_skills_coalition_id_student_id_skill_id_source_ref_pk" PRIMARY KEY("coalition_id","student_id","skill_id","source","ref")
);
--> statement-breakpoint
CREATE TABLE "students" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text,
	"institution_id" uuid NOT NULL,
	"pathway" text,
	"graduation_year" integer,
	"date_of_birth" date,
	"hours_per_week" integer,
	"available_from" date,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "students_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "application_status_changes" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"by_user_id" uuid,
	"note" text,
	CONSTRAINT "application_status_changes_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"status" text DEFAULT 'applied' NOT NULL,
	"note" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"coalition_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"supervisor_name" text,
	"supervisor_email" text,
	"started_on" date,
	"ended_on" date,
	"hours_completed" numeric(7, 1) DEFAULT 0 NOT NULL,
	"signed_off_at" timestamp with time zone,
	"signed_off_by_user_id" uuid,
	"outcome" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placements_coalition_id_application_id_pk" PRIMARY KEY("coalition_id","application_id")
);
--> statement-breakpoint
CREATE TABLE "employer_capacities" (
	"coalition_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"declared" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employer_capacities_coalition_id_organization_id_year_kind_pk" PRIMARY KEY("coalition_id","organization_id","year","kind")
);
--> statement-breakpoint
CREATE TABLE "engagement_requests" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"capacity_kind" text NOT NULL,
	"title" text NOT NULL,
	"school_id" uuid NOT NULL,
	"employer_id" uuid,
	"requested_on" date NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"notes" text,
	"status" text DEFAULT 'requested' NOT NULL,
	"requested_by_person_id" uuid,
	"brokered_at" timestamp with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "engagement_requests_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "stakeholder_priorities" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"author_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"details" text,
	"skill_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stakeholder_priorities_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "strategy_sessions" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"notes" text,
	"status" text DEFAULT 'open' NOT NULL,
	"adopted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategy_sessions_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "initiative_ballots" (
	"coalition_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"cast_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "initiative_ballots_coalition_id_session_id_person_id_initiative_id_pk" PRIMARY KEY("coalition_id","session_id","person_id","initiative_id")
);
--> statement-breakpoint
CREATE TABLE "initiative_stakeholders" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"raci" text NOT NULL,
	"role" text,
	"responsibilities" text,
	"point_of_contact" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "initiative_stakeholders_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "initiative_tasks" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"duration_days" integer NOT NULL,
	"milestone" boolean DEFAULT false NOT NULL,
	"assignee_id" uuid,
	"progress" integer DEFAULT 0 NOT NULL,
	"notes" text,
	"baseline_start" date,
	"baseline_finish" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "initiative_tasks_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "initiatives" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"custom_category" text,
	"description" text,
	"status" text DEFAULT 'proposed' NOT NULL,
	"owner_id" uuid,
	"strategy_session_id" uuid,
	"priority_rank" integer,
	"strategic_priorities" text[] DEFAULT '{}'::text[] NOT NULL,
	"recommendations" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"goals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"starts_on" date,
	"target_finish_on" date,
	"recruiting_window" jsonb,
	"baseline_saved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "initiatives_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "task_dependencies" (
	"coalition_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"depends_on_id" uuid NOT NULL,
	CONSTRAINT "task_dependencies_coalition_id_task_id_depends_on_id_pk" PRIMARY KEY("coalition_id","task_id","depends_on_id")
);
--> statement-breakpoint
CREATE TABLE "initiative_costs" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"category" text NOT NULL,
	"description" text NOT NULL,
	"budget_cents" bigint NOT NULL,
	"actual_cents" bigint,
	"incurred_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "initiative_costs_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "initiative_requirements" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"amount_cents" bigint,
	"quantity" integer,
	"hours" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "initiative_requirements_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "pledges" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"initiative_id" uuid,
	"kind" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"description" text,
	"pledged_on" date NOT NULL,
	"status" text DEFAULT 'pledged' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pledges_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "initiative_risks" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"likelihood" integer NOT NULL,
	"impact" integer NOT NULL,
	"impact_on" text[] DEFAULT '{}'::text[] NOT NULL,
	"owner_id" uuid,
	"mitigation" text,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "initiative_risks_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "risk_tasks" (
	"coalition_id" uuid NOT NULL,
	"risk_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	CONSTRAINT "risk_tasks_coalition_id_risk_id_task_id_pk" PRIMARY KEY("coalition_id","risk_id","task_id")
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
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_person_fk" FOREIGN KEY ("coalition_id","person_id") REFERENCES "public"."people"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hiring_need_skills" ADD CONSTRAINT "hiring_need_skills_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hiring_need_skills" ADD CONSTRAINT "hiring_need_skills_need_fk" FOREIGN KEY ("coalition_id","need_id") REFERENCES "public"."hiring_needs"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hiring_needs" ADD CONSTRAINT "hiring_needs_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hiring_needs" ADD CONSTRAINT "hiring_needs_employer_fk" FOREIGN KEY ("coalition_id","employer_id") REFERENCES "public"."organizations"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_skill_versions" ADD CONSTRAINT "course_skill_versions_course_fk" FOREIGN KEY ("coalition_id","course_id") REFERENCES "public"."courses"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_skills" ADD CONSTRAINT "course_skills_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_skills" ADD CONSTRAINT "course_skills_course_fk" FOREIGN KEY ("coalition_id","course_id") REFERENCES "public"."courses"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_program_fk" FOREIGN KEY ("coalition_id","program_id") REFERENCES "public"."programs"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_outcomes" ADD CONSTRAINT "program_outcomes_program_fk" FOREIGN KEY ("coalition_id","program_id") REFERENCES "public"."programs"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_partners" ADD CONSTRAINT "program_partners_program_fk" FOREIGN KEY ("coalition_id","program_id") REFERENCES "public"."programs"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_partners" ADD CONSTRAINT "program_partners_organization_fk" FOREIGN KEY ("coalition_id","organization_id") REFERENCES "public"."organizations"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_institution_fk" FOREIGN KEY ("coalition_id","institution_id") REFERENCES "public"."organizations"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curriculum_comments" ADD CONSTRAINT "curriculum_comments_proposal_fk" FOREIGN KEY ("coalition_id","proposal_id") REFERENCES "public"."curriculum_proposals"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curriculum_followers" ADD CONSTRAINT "curriculum_followers_proposal_fk" FOREIGN KEY ("coalition_id","proposal_id") REFERENCES "public"."curriculum_proposals"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curriculum_followers" ADD CONSTRAINT "curriculum_followers_person_fk" FOREIGN KEY ("coalition_id","person_id") REFERENCES "public"."people"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curriculum_proposals" ADD CONSTRAINT "curriculum_proposals_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curriculum_proposals" ADD CONSTRAINT "curriculum_proposals_institution_fk" FOREIGN KEY ("coalition_id","institution_id") REFERENCES "public"."organizations"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curriculum_proposals" ADD CONSTRAINT "curriculum_proposals_course_fk" FOREIGN KEY ("coalition_id","course_id") REFERENCES "public"."courses"("coalition_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curriculum_status_changes" ADD CONSTRAINT "curriculum_status_changes_proposal_fk" FOREIGN KEY ("coalition_id","proposal_id") REFERENCES "public"."curriculum_proposals"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_assignments" ADD CONSTRAINT "contact_assignments_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_assignments" ADD CONSTRAINT "contact_assignments_organization_fk" FOREIGN KEY ("coalition_id","organization_id") REFERENCES "public"."organizations"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_assignments" ADD CONSTRAINT "contact_assignments_person_fk" FOREIGN KEY ("coalition_id","person_id") REFERENCES "public"."people"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_requests" ADD CONSTRAINT "contact_requests_organization_fk" FOREIGN KEY ("coalition_id","organization_id") REFERENCES "public"."organizations"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_employer_fk" FOREIGN KEY ("coalition_id","employer_id") REFERENCES "public"."organizations"("coalition_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_institution_fk" FOREIGN KEY ("coalition_id","institution_id") REFERENCES "public"."organizations"("coalition_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_skills" ADD CONSTRAINT "opportunity_skills_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_skills" ADD CONSTRAINT "opportunity_skills_opportunity_fk" FOREIGN KEY ("coalition_id","opportunity_id") REFERENCES "public"."opportunities"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardian_consents" ADD CONSTRAINT "guardian_consents_student_fk" FOREIGN KEY ("coalition_id","student_id") REFERENCES "public"."students"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_items" ADD CONSTRAINT "portfolio_items_student_fk" FOREIGN KEY ("coalition_id","student_id") REFERENCES "public"."students"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_access_log" ADD CONSTRAINT "student_access_log_student_fk" FOREIGN KEY ("coalition_id","student_id") REFERENCES "public"."students"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_equity" ADD CONSTRAINT "student_equity_student_fk" FOREIGN KEY ("coalition_id","student_id") REFERENCES "public"."students"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_shares" ADD CONSTRAINT "student_shares_student_fk" FOREIGN KEY ("coalition_id","student_id") REFERENCES "public"."students"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_shares" ADD CONSTRAINT "student_shares_organization_fk" FOREIGN KEY ("coalition_id","organization_id") REFERENCES "public"."organizations"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_skills" ADD CONSTRAINT "student_skills_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_skills" ADD CONSTRAINT "student_skills_student_fk" FOREIGN KEY ("coalition_id","student_id") REFERENCES "public"."students"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "students" ADD CONSTRAINT "students_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "students" ADD CONSTRAINT "students_institution_fk" FOREIGN KEY ("coalition_id","institution_id") REFERENCES "public"."organizations"("coalition_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "students" ADD CONSTRAINT "students_person_fk" FOREIGN KEY ("coalition_id","person_id") REFERENCES "public"."people"("coalition_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_status_changes" ADD CONSTRAINT "application_status_changes_application_fk" FOREIGN KEY ("coalition_id","application_id") REFERENCES "public"."applications"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_student_fk" FOREIGN KEY ("coalition_id","student_id") REFERENCES "public"."students"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_opportunity_fk" FOREIGN KEY ("coalition_id","opportunity_id") REFERENCES "public"."opportunities"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_application_fk" FOREIGN KEY ("coalition_id","application_id") REFERENCES "public"."applications"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_capacities" ADD CONSTRAINT "employer_capacities_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_capacities" ADD CONSTRAINT "employer_capacities_organization_fk" FOREIGN KEY ("coalition_id","organization_id") REFERENCES "public"."organizations"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_requests" ADD CONSTRAINT "engagement_requests_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_requests" ADD CONSTRAINT "engagement_requests_school_fk" FOREIGN KEY ("coalition_id","school_id") REFERENCES "public"."organizations"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_requests" ADD CONSTRAINT "engagement_requests_employer_fk" FOREIGN KEY ("coalition_id","employer_id") REFERENCES "public"."organizations"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_priorities" ADD CONSTRAINT "stakeholder_priorities_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_priorities" ADD CONSTRAINT "stakeholder_priorities_session_fk" FOREIGN KEY ("coalition_id","session_id") REFERENCES "public"."strategy_sessions"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_priorities" ADD CONSTRAINT "stakeholder_priorities_organization_fk" FOREIGN KEY ("coalition_id","organization_id") REFERENCES "public"."organizations"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_priorities" ADD CONSTRAINT "stakeholder_priorities_author_fk" FOREIGN KEY ("coalition_id","author_id") REFERENCES "public"."people"("coalition_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_sessions" ADD CONSTRAINT "strategy_sessions_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_ballots" ADD CONSTRAINT "initiative_ballots_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_ballots" ADD CONSTRAINT "initiative_ballots_session_fk" FOREIGN KEY ("coalition_id","session_id") REFERENCES "public"."strategy_sessions"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_ballots" ADD CONSTRAINT "initiative_ballots_person_fk" FOREIGN KEY ("coalition_id","person_id") REFERENCES "public"."people"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_ballots" ADD CONSTRAINT "initiative_ballots_initiative_fk" FOREIGN KEY ("coalition_id","initiative_id") REFERENCES "public"."initiatives"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_stakeholders" ADD CONSTRAINT "initiative_stakeholders_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_stakeholders" ADD CONSTRAINT "initiative_stakeholders_initiative_fk" FOREIGN KEY ("coalition_id","initiative_id") REFERENCES "public"."initiatives"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_stakeholders" ADD CONSTRAINT "initiative_stakeholders_person_fk" FOREIGN KEY ("coalition_id","person_id") REFERENCES "public"."people"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_tasks" ADD CONSTRAINT "initiative_tasks_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_tasks" ADD CONSTRAINT "initiative_tasks_initiative_fk" FOREIGN KEY ("coalition_id","initiative_id") REFERENCES "public"."initiatives"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_tasks" ADD CONSTRAINT "initiative_tasks_assignee_fk" FOREIGN KEY ("coalition_id","assignee_id") REFERENCES "public"."people"("coalition_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_owner_fk" FOREIGN KEY ("coalition_id","owner_id") REFERENCES "public"."people"("coalition_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_strategy_session_fk" FOREIGN KEY ("coalition_id","strategy_session_id") REFERENCES "public"."strategy_sessions"("coalition_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_dependencies" ADD CONSTRAINT "task_dependencies_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_dependencies" ADD CONSTRAINT "task_dependencies_task_fk" FOREIGN KEY ("coalition_id","task_id") REFERENCES "public"."initiative_tasks"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_dependencies" ADD CONSTRAINT "task_dependencies_depends_on_fk" FOREIGN KEY ("coalition_id","depends_on_id") REFERENCES "public"."initiative_tasks"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_costs" ADD CONSTRAINT "initiative_costs_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_costs" ADD CONSTRAINT "initiative_costs_initiative_fk" FOREIGN KEY ("coalition_id","initiative_id") REFERENCES "public"."initiatives"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_requirements" ADD CONSTRAINT "initiative_requirements_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_requirements" ADD CONSTRAINT "initiative_requirements_initiative_fk" FOREIGN KEY ("coalition_id","initiative_id") REFERENCES "public"."initiatives"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_organization_fk" FOREIGN KEY ("coalition_id","organization_id") REFERENCES "public"."organizations"("coalition_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_initiative_fk" FOREIGN KEY ("coalition_id","initiative_id") REFERENCES "public"."initiatives"("coalition_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_risks" ADD CONSTRAINT "initiative_risks_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_risks" ADD CONSTRAINT "initiative_risks_initiative_fk" FOREIGN KEY ("coalition_id","initiative_id") REFERENCES "public"."initiatives"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_risks" ADD CONSTRAINT "initiative_risks_owner_fk" FOREIGN KEY ("coalition_id","owner_id") REFERENCES "public"."people"("coalition_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_tasks" ADD CONSTRAINT "risk_tasks_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_tasks" ADD CONSTRAINT "risk_tasks_risk_fk" FOREIGN KEY ("coalition_id","risk_id") REFERENCES "public"."initiative_risks"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_tasks" ADD CONSTRAINT "risk_tasks_task_fk" FOREIGN KEY ("coalition_id","task_id") REFERENCES "public"."initiative_tasks"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
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
CREATE INDEX "soc_crosswalk_2018_idx" ON "soc_crosswalk" USING btree ("soc2018");--> statement-breakpoint
CREATE INDEX "notifications_person_idx" ON "notifications" USING btree ("coalition_id","person_id","created_at","id");--> statement-breakpoint
CREATE INDEX "hiring_need_skills_skill_idx" ON "hiring_need_skills" USING btree ("coalition_id","skill_id");--> statement-breakpoint
CREATE INDEX "hiring_needs_title_idx" ON "hiring_needs" USING btree ("coalition_id","title","id");--> statement-breakpoint
CREATE INDEX "hiring_needs_employer_idx" ON "hiring_needs" USING btree ("coalition_id","employer_id");--> statement-breakpoint
CREATE INDEX "hiring_needs_soc_idx" ON "hiring_needs" USING btree ("coalition_id","soc");--> statement-breakpoint
CREATE UNIQUE INDEX "hiring_needs_external_id_key" ON "hiring_needs" USING btree ("coalition_id","external_id") WHERE "hiring_needs"."external_id" is not null;--> statement-breakpoint
CREATE INDEX "course_skill_versions_proposal_idx" ON "course_skill_versions" USING btree ("coalition_id","proposal_id");--> statement-breakpoint
CREATE INDEX "course_skills_skill_idx" ON "course_skills" USING btree ("coalition_id","skill_id");--> statement-breakpoint
CREATE INDEX "courses_program_idx" ON "courses" USING btree ("coalition_id","program_id");--> statement-breakpoint
CREATE INDEX "courses_title_idx" ON "courses" USING btree ("coalition_id","title","id");--> statement-breakpoint
CREATE INDEX "programs_title_idx" ON "programs" USING btree ("coalition_id","title","id");--> statement-breakpoint
CREATE INDEX "programs_institution_idx" ON "programs" USING btree ("coalition_id","institution_id");--> statement-breakpoint
CREATE INDEX "programs_cip_idx" ON "programs" USING btree ("coalition_id","cip");--> statement-breakpoint
CREATE UNIQUE INDEX "programs_external_id_key" ON "programs" USING btree ("coalition_id","external_id") WHERE "programs"."external_id" is not null;--> statement-breakpoint
CREATE INDEX "curriculum_comments_proposal_idx" ON "curriculum_comments" USING btree ("coalition_id","proposal_id","created_at");--> statement-breakpoint
CREATE INDEX "curriculum_proposals_title_idx" ON "curriculum_proposals" USING btree ("coalition_id","title","id");--> statement-breakpoint
CREATE INDEX "curriculum_proposals_status_idx" ON "curriculum_proposals" USING btree ("coalition_id","status");--> statement-breakpoint
CREATE INDEX "curriculum_proposals_course_idx" ON "curriculum_proposals" USING btree ("coalition_id","course_id");--> statement-breakpoint
CREATE INDEX "curriculum_status_changes_proposal_idx" ON "curriculum_status_changes" USING btree ("coalition_id","proposal_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_assignments_key" ON "contact_assignments" USING btree ("coalition_id","organization_id","topic","person_id");--> statement-breakpoint
CREATE INDEX "contact_assignments_person_idx" ON "contact_assignments" USING btree ("coalition_id","person_id");--> statement-breakpoint
CREATE INDEX "contact_requests_organization_idx" ON "contact_requests" USING btree ("coalition_id","organization_id","created_at");--> statement-breakpoint
CREATE INDEX "opportunities_title_idx" ON "opportunities" USING btree ("coalition_id","title","id");--> statement-breakpoint
CREATE INDEX "opportunities_employer_idx" ON "opportunities" USING btree ("coalition_id","employer_id");--> statement-breakpoint
CREATE INDEX "opportunities_kind_idx" ON "opportunities" USING btree ("coalition_id","kind","status");--> statement-breakpoint
CREATE UNIQUE INDEX "opportunities_external_id_key" ON "opportunities" USING btree ("coalition_id","external_id") WHERE "opportunities"."external_id" is not null;--> statement-breakpoint
CREATE INDEX "opportunity_skills_skill_idx" ON "opportunity_skills" USING btree ("coalition_id","skill_id","opportunity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "guardian_consents_active_key" ON "guardian_consents" USING btree ("coalition_id","student_id") WHERE "guardian_consents"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "portfolio_items_student_idx" ON "portfolio_items" USING btree ("coalition_id","student_id");--> statement-breakpoint
CREATE INDEX "student_access_log_student_idx" ON "student_access_log" USING btree ("coalition_id","student_id","at","id");--> statement-breakpoint
CREATE INDEX "student_shares_organization_idx" ON "student_shares" USING btree ("coalition_id","organization_id","student_id");--> statement-breakpoint
CREATE INDEX "student_skills_skill_idx" ON "student_skills" USING btree ("coalition_id","skill_id","student_id");--> statement-breakpoint
CREATE UNIQUE INDEX "students_person_key" ON "students" USING btree ("coalition_id","person_id") WHERE "students"."person_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "students_external_id_key" ON "students" USING btree ("coalition_id","external_id") WHERE "students"."external_id" is not null;--> statement-breakpoint
CREATE INDEX "students_name_idx" ON "students" USING btree ("coalition_id","last_name","first_name","id");--> statement-breakpoint
CREATE INDEX "students_institution_idx" ON "students" USING btree ("coalition_id","institution_id");--> statement-breakpoint
CREATE INDEX "application_status_changes_application_idx" ON "application_status_changes" USING btree ("coalition_id","application_id","at");--> statement-breakpoint
CREATE INDEX "application_status_changes_status_idx" ON "application_status_changes" USING btree ("coalition_id","to_status","at");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_student_opportunity_key" ON "applications" USING btree ("coalition_id","student_id","opportunity_id");--> statement-breakpoint
CREATE INDEX "applications_opportunity_idx" ON "applications" USING btree ("coalition_id","opportunity_id","status");--> statement-breakpoint
CREATE INDEX "applications_created_idx" ON "applications" USING btree ("coalition_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "engagement_requests_employer_day_key" ON "engagement_requests" USING btree ("coalition_id","employer_id","requested_on") WHERE "engagement_requests"."employer_id" is not null and "engagement_requests"."status" in ('requested', 'brokered');--> statement-breakpoint
CREATE INDEX "engagement_requests_created_idx" ON "engagement_requests" USING btree ("coalition_id","created_at","id");--> statement-breakpoint
CREATE INDEX "engagement_requests_employer_idx" ON "engagement_requests" USING btree ("coalition_id","employer_id","requested_on");--> statement-breakpoint
CREATE INDEX "stakeholder_priorities_session_idx" ON "stakeholder_priorities" USING btree ("coalition_id","session_id","created_at","id");--> statement-breakpoint
CREATE INDEX "stakeholder_priorities_organization_idx" ON "stakeholder_priorities" USING btree ("coalition_id","organization_id");--> statement-breakpoint
CREATE INDEX "stakeholder_priorities_author_idx" ON "stakeholder_priorities" USING btree ("coalition_id","author_id");--> statement-breakpoint
CREATE INDEX "strategy_sessions_held_idx" ON "strategy_sessions" USING btree ("coalition_id","held_on","id");--> statement-breakpoint
CREATE INDEX "initiative_ballots_initiative_idx" ON "initiative_ballots" USING btree ("coalition_id","initiative_id");--> statement-breakpoint
CREATE INDEX "initiative_ballots_person_idx" ON "initiative_ballots" USING btree ("coalition_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "initiative_stakeholders_person_key" ON "initiative_stakeholders" USING btree ("coalition_id","initiative_id","person_id");--> statement-breakpoint
CREATE INDEX "initiative_stakeholders_person_idx" ON "initiative_stakeholders" USING btree ("coalition_id","person_id");--> statement-breakpoint
CREATE INDEX "initiative_tasks_initiative_idx" ON "initiative_tasks" USING btree ("coalition_id","initiative_id","starts_on","id");--> statement-breakpoint
CREATE INDEX "initiative_tasks_assignee_idx" ON "initiative_tasks" USING btree ("coalition_id","assignee_id");--> statement-breakpoint
CREATE INDEX "initiatives_title_idx" ON "initiatives" USING btree ("coalition_id","title","id");--> statement-breakpoint
CREATE INDEX "initiatives_owner_idx" ON "initiatives" USING btree ("coalition_id","owner_id");--> statement-breakpoint
CREATE INDEX "initiatives_session_idx" ON "initiatives" USING btree ("coalition_id","strategy_session_id");--> statement-breakpoint
CREATE INDEX "task_dependencies_depends_on_idx" ON "task_dependencies" USING btree ("coalition_id","depends_on_id");--> statement-breakpoint
CREATE INDEX "initiative_costs_initiative_idx" ON "initiative_costs" USING btree ("coalition_id","initiative_id","created_at","id");--> statement-breakpoint
CREATE INDEX "initiative_requirements_initiative_idx" ON "initiative_requirements" USING btree ("coalition_id","initiative_id","created_at","id");--> statement-breakpoint
CREATE INDEX "pledges_pledged_idx" ON "pledges" USING btree ("coalition_id","pledged_on","id");--> statement-breakpoint
CREATE INDEX "pledges_organization_idx" ON "pledges" USING btree ("coalition_id","organization_id");--> statement-breakpoint
CREATE INDEX "pledges_initiative_idx" ON "pledges" USING btree ("coalition_id","initiative_id");--> statement-breakpoint
CREATE INDEX "initiative_risks_title_idx" ON "initiative_risks" USING btree ("coalition_id","title","id");--> statement-breakpoint
CREATE INDEX "initiative_risks_initiative_idx" ON "initiative_risks" USING btree ("coalition_id","initiative_id");--> statement-breakpoint
CREATE INDEX "initiative_risks_owner_idx" ON "initiative_risks" USING btree ("coalition_id","owner_id");--> statement-breakpoint
CREATE INDEX "risk_tasks_task_idx" ON "risk_tasks" USING btree ("coalition_id","task_id");