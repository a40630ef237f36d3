-- Statement-level triggers instead of 0003's row-level ones: a bulk insert of thousands of tasks
-- (an import, the benchmark) bumped the version row once per row, and repeated updates of one row in
-- one transaction grow a chain of row versions that each next update walks. Now each statement bumps
-- the versions of the coalitions it touched once, from its transition table.
DROP TRIGGER "initiatives_plan_version" ON "initiatives";--> statement-breakpoint
DROP TRIGGER "initiative_tasks_plan_version" ON "initiative_tasks";--> statement-breakpoint
DROP TRIGGER "task_dependencies_plan_version" ON "task_dependencies";--> statement-breakpoint
DROP TRIGGER "initiative_risks_plan_version" ON "initiative_risks";--> statement-breakpoint
DROP TRIGGER "risk_tasks_plan_version" ON "risk_tasks";--> statement-breakpoint
DROP TRIGGER "people_plan_version" ON "people";--> statement-breakpoint
DROP FUNCTION "bump_initiative_plan_version"();--> statement-breakpoint
CREATE FUNCTION "bump_initiative_plan_versions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO "initiative_plan_versions" ("coalition_id", "version")
		SELECT c, nextval('initiative_plan_version_seq') FROM (SELECT DISTINCT coalition_id AS c FROM changed_rows) AS touched
		ON CONFLICT ("coalition_id") DO UPDATE SET "version" = excluded."version";
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION "bump_initiative_plan_versions_renamed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO "initiative_plan_versions" ("coalition_id", "version")
		SELECT c, nextval('initiative_plan_version_seq') FROM (
			SELECT DISTINCT n.coalition_id AS c FROM changed_rows n JOIN old_rows o ON o.coalition_id = n.coalition_id AND o.id = n.id WHERE o.name IS DISTINCT FROM n.name
		) AS touched
		ON CONFLICT ("coalition_id") DO UPDATE SET "version" = excluded."version";
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "initiatives_plan_version_insert" AFTER INSERT ON "initiatives" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_initiative_plan_versions"();--> statement-breakpoint
CREATE TRIGGER "initiatives_plan_version_update" AFTER UPDATE ON "initiatives" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_initiative_plan_versions"();--> statement-breakpoint
CREATE TRIGGER "initiatives_plan_version_delete" AFTER DELETE ON "initiatives" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_initiative_plan_versions"();--> statement-breakpoint
CREATE TRIGGER "initiative_tasks_plan_version_insert" AFTER INSERT ON "initiative_tasks" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_initiative_plan_versions"();--> statement-breakpoint
CREATE TRIGGER "initiative_tasks_plan_version_update" AFTER UPDATE ON "initiative_tasks" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_initiative_plan_versions"();--> statement-breakpoint
CREATE TRIGGER "initiative_tasks_plan_version_delete" AFTER DELETE ON "initiative_tasks" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_initiative_plan_versions"();--> statement-breakpoint
CREATE TRIGGER "task_dependencies_plan_version_insert" AFTER INSERT ON "task_dependencies" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_initiative_plan_versions"();--> statement-breakpoint
CREATE TRIGGER "task_dependencies_plan_version_update" AFTER UPDATE ON "task_dependencies" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_initiative_plan_versions"();--> statement-breakpoint
CREATE TRIGGER "task_dependencies_plan_version_delete" AFTER DELETE ON "task_dependencies" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_initiative_plan_versions"();--> statement-breakpoint
CREATE TRIGGER "initiative_risks_plan_version_insert" AFTER INSERT ON "initiative_risks" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_initiative_plan_versions"();--> statement-breakpoint
CREATE TRIGGER "initiative_risks_plan_version_update" AFTER UPDATE ON "initiative_risks" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_initiative_plan_versions"();--> statement-breakpoint
CREATE TRIGGER "initiative_risks_plan_version_delete" AFTER DELETE ON "initiative_risks" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_initiative_plan_versions"();--> statement-breakpoint
CREATE TRIGGER "risk_tasks_plan_version_insert" AFTER INSERT ON "risk_tasks" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_initiative_plan_versions"();--> statement-breakpoint
CREATE TRIGGER "risk_tasks_plan_version_update" AFTER UPDATE ON "risk_tasks" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_initiative_plan_versions"();--> statement-breakpoint
CREATE TRIGGER "risk_tasks_plan_version_delete" AFTER DELETE ON "risk_tasks" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_initiative_plan_versions"();--> statement-breakpoint
CREATE TRIGGER "people_plan_version_rename" AFTER UPDATE ON "people" REFERENCING NEW TABLE AS changed_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_initiative_plan_versions_renamed"();
