-- Versions of a coalition's data, read with every request's session lookup (decision 036), so a
-- process may keep what it built from that data (an opportunity and the skills it asks for) and
-- know, with no query of its own, that it is stale the moment any process commits a change. Kept as
-- the labor-market versions are (0015): statement-level triggers give each coalition a statement
-- touched a fresh number from one sequence, once per statement, in the same transaction as the
-- write; a statement that changed no row moves nothing. A change to a table every coalition reads
-- (the skills, whose names a kept opportunity carries) or a TRUNCATE moves every coalition's
-- version. A missing row reads as version 0: rows are written by the first change, never by this
-- migration, and never deleted. Sequence numbers are never reused, not even after a rollback.
CREATE SEQUENCE "data_version_seq";--> statement-breakpoint
CREATE TABLE "data_versions" (
	"coalition_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"version" bigint NOT NULL,
	CONSTRAINT "data_versions_coalition_id_kind_pk" PRIMARY KEY ("coalition_id", "kind")
);--> statement-breakpoint
CREATE FUNCTION "bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO "data_versions" ("coalition_id", "kind", "version")
		SELECT c, TG_ARGV[0], nextval('data_version_seq') FROM (SELECT DISTINCT coalition_id AS c FROM changed_rows) AS touched
		ON CONFLICT ("coalition_id", "kind") DO UPDATE SET "version" = excluded."version";
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION "bump_data_version_everywhere"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	-- A TRUNCATE has no transition table; any other statement that changed no row moves nothing.
	IF TG_OP <> 'TRUNCATE' THEN
		IF NOT EXISTS (SELECT 1 FROM changed_rows) THEN
			RETURN NULL;
		END IF;
	END IF;
	INSERT INTO "data_versions" ("coalition_id", "kind", "version")
		SELECT "id", TG_ARGV[0], nextval('data_version_seq') FROM "coalitions"
		ON CONFLICT ("coalition_id", "kind") DO UPDATE SET "version" = excluded."version";
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "opportunities_data_version_insert" AFTER INSERT ON "opportunities" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('opportunities');--> statement-breakpoint
CREATE TRIGGER "opportunities_data_version_update" AFTER UPDATE ON "opportunities" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('opportunities');--> statement-breakpoint
CREATE TRIGGER "opportunities_data_version_delete" AFTER DELETE ON "opportunities" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('opportunities');--> statement-breakpoint
CREATE TRIGGER "opportunities_data_version_truncate" AFTER TRUNCATE ON "opportunities" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_everywhere"('opportunities');--> statement-breakpoint
CREATE TRIGGER "opportunity_skills_data_version_insert" AFTER INSERT ON "opportunity_skills" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('opportunities');--> statement-breakpoint
CREATE TRIGGER "opportunity_skills_data_version_update" AFTER UPDATE ON "opportunity_skills" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('opportunities');--> statement-breakpoint
CREATE TRIGGER "opportunity_skills_data_version_delete" AFTER DELETE ON "opportunity_skills" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('opportunities');--> statement-breakpoint
CREATE TRIGGER "opportunity_skills_data_version_truncate" AFTER TRUNCATE ON "opportunity_skills" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_everywhere"('opportunities');--> statement-breakpoint
CREATE TRIGGER "skills_data_version_insert" AFTER INSERT ON "skills" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_everywhere"('opportunities');--> statement-breakpoint
CREATE TRIGGER "skills_data_version_update" AFTER UPDATE ON "skills" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_everywhere"('opportunities');--> statement-breakpoint
CREATE TRIGGER "skills_data_version_delete" AFTER DELETE ON "skills" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_everywhere"('opportunities');--> statement-breakpoint
CREATE TRIGGER "skills_data_version_truncate" AFTER TRUNCATE ON "skills" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version_everywhere"('opportunities');
