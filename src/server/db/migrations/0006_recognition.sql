CREATE TABLE "recognition_awards" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"nomination_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"tier" text NOT NULL,
	"year" integer NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recognition_awards_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "recognition_nominations" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"score" numeric(5, 1) NOT NULL,
	"suggested_tier" text,
	"status" text DEFAULT 'nominated' NOT NULL,
	"tier" text,
	"note" text,
	"nominated_by_person_id" uuid,
	"decided_by_person_id" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recognition_nominations_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
CREATE TABLE "recognition_programs" (
	"coalition_id" uuid PRIMARY KEY NOT NULL,
	"config" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recognition_rounds" (
	"coalition_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"endorsed_by_organization_id" uuid,
	"endorsed_at" timestamp with time zone,
	CONSTRAINT "recognition_rounds_coalition_id_id_pk" PRIMARY KEY("coalition_id","id")
);
--> statement-breakpoint
ALTER TABLE "recognition_awards" ADD CONSTRAINT "recognition_awards_nomination_fk" FOREIGN KEY ("coalition_id","nomination_id") REFERENCES "public"."recognition_nominations"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_awards" ADD CONSTRAINT "recognition_awards_organization_fk" FOREIGN KEY ("coalition_id","organization_id") REFERENCES "public"."organizations"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_nominations" ADD CONSTRAINT "recognition_nominations_round_fk" FOREIGN KEY ("coalition_id","round_id") REFERENCES "public"."recognition_rounds"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_nominations" ADD CONSTRAINT "recognition_nominations_organization_fk" FOREIGN KEY ("coalition_id","organization_id") REFERENCES "public"."organizations"("coalition_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_programs" ADD CONSTRAINT "recognition_programs_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_rounds" ADD CONSTRAINT "recognition_rounds_coalition_id_coalitions_id_fk" FOREIGN KEY ("coalition_id") REFERENCES "public"."coalitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "recognition_awards_id_key" ON "recognition_awards" USING btree ("id");--> statement-breakpoint
CREATE INDEX "recognition_awards_year_idx" ON "recognition_awards" USING btree ("coalition_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "recognition_nominations_round_organization_key" ON "recognition_nominations" USING btree ("coalition_id","round_id","organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recognition_rounds_year_key" ON "recognition_rounds" USING btree ("coalition_id","year");