-- The master plan's version per coalition (issue 6): every write that can change the plan (tasks,
-- dependencies, initiatives, risks and the tasks they threaten, people's names) takes a fresh number
-- from a sequence, so a process may keep a computed plan keyed by (coalition, version) and knows it is
-- stale the moment any process commits a change. Sequence numbers are never reused, not even after a
-- rollback, so a plan computed inside a transaction that rolled back is never mistaken for a committed one.
CREATE SEQUENCE "initiative_plan_version_seq";--> statement-breakpoint
CREATE TABLE "initiative_plan_versions" (
	"coalition_id" uuid PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);--> statement-breakpoint
CREATE FUNCTION "bump_initiative_plan_version"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	c uuid;
BEGIN
	IF TG_OP = 'DELETE' THEN c := OLD.coalition_id; ELSE c := NEW.coalition_id; END IF;
	INSERT INTO "initiative_plan_versions" ("coalition_id", "version") VALUES (c, nextval('initiative_plan_version_seq'))
		ON CONFLICT ("coalition_id") DO UPDATE SET "version" = excluded."version";
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "initiatives_plan_version" AFTER INSERT OR UPDATE OR DELETE ON "initiatives" FOR EACH ROW EXECUTE FUNCTION "bump_initiative_plan_version"();--> statement-breakpoint
CREATE TRIGGER "initiative_tasks_plan_version" AFTER INSERT OR UPDATE OR DELETE ON "initiative_tasks" FOR EACH ROW EXECUTE FUNCTION "bump_initiative_plan_version"();--> statement-breakpoint
CREATE TRIGGER "task_dependencies_plan_version" AFTER INSERT OR UPDATE OR DELETE ON "task_dependencies" FOR EACH ROW EXECUTE FUNCTION "bump_initiative_plan_version"();--> statement-breakpoint
CREATE TRIGGER "initiative_risks_plan_version" AFTER INSERT OR UPDATE OR DELETE ON "initiative_risks" FOR EACH ROW EXECUTE FUNCTION "bump_initiative_plan_version"();--> statement-breakpoint
CREATE TRIGGER "risk_tasks_plan_version" AFTER INSERT OR UPDATE OR DELETE ON "risk_tasks" FOR EACH ROW EXECUTE FUNCTION "bump_initiative_plan_version"();--> statement-breakpoint
CREATE TRIGGER "people_plan_version" AFTER UPDATE OF "name" ON "people" FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name") EXECUTE FUNCTION "bump_initiative_plan_version"();
