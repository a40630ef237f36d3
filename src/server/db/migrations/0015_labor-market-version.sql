-- The labor-market data version (issue 9, decision 030), kept as the master plan's is (0003, 0005):
-- each coalition's version moves with any write to its regions, datasets, projections or stated
-- figures, and one reference version moves with any write to the SOC codes and the crosswalk (global
-- tables every coalition reads), so a process may keep the occupations response keyed by both and
-- knows it is stale the moment any process commits a change. Statement-level triggers: a bulk import
-- bumps each coalition it touched once per statement, and a statement that changed no row (an upsert
-- of equal rows) bumps nothing. A TRUNCATE of any of these tables moves the reference version, which
-- every kept response is keyed by. Sequence numbers are never reused, not even after a rollback.
CREATE SEQUENCE "labor_market_version_seq";--> statement-breakpoint
CREATE TABLE "labor_market_versions" (
	"coalition_id" uuid PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);--> statement-breakpoint
CREATE TABLE "labor_market_reference_version" (
	"only_row" boolean PRIMARY KEY DEFAULT true NOT NULL CHECK ("only_row"),
	"version" bigint NOT NULL
);--> statement-breakpoint
INSERT INTO "labor_market_reference_version" ("only_row", "version") VALUES (true, nextval('labor_market_version_seq'));--> statement-breakpoint
CREATE FUNCTION "bump_labor_market_versions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO "labor_market_versions" ("coalition_id", "version")
		SELECT c, nextval('labor_market_version_seq') FROM (SELECT DISTINCT coalition_id AS c FROM changed_rows) AS touched
		ON CONFLICT ("coalition_id") DO UPDATE SET "version" = excluded."version";
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION "bump_labor_market_reference_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "labor_market_reference_version" SET "version" = nextval('labor_market_version_seq') WHERE EXISTS (SELECT 1 FROM changed_rows);
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION "bump_labor_market_reference_version_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "labor_market_reference_version" SET "version" = nextval('labor_market_version_seq');
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "lm_regions_version_insert" AFTER INSERT ON "lm_regions" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_labor_market_versions"();--> statement-breakpoint
CREATE TRIGGER "lm_regions_version_update" AFTER UPDATE ON "lm_regions" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_labor_market_versions"();--> statement-breakpoint
CREATE TRIGGER "lm_regions_version_delete" AFTER DELETE ON "lm_regions" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_labor_market_versions"();--> statement-breakpoint
CREATE TRIGGER "lm_regions_version_truncate" AFTER TRUNCATE ON "lm_regions" FOR EACH STATEMENT EXECUTE FUNCTION "bump_labor_market_reference_version_truncated"();--> statement-breakpoint
CREATE TRIGGER "lm_datasets_version_insert" AFTER INSERT ON "lm_datasets" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_labor_market_versions"();--> statement-breakpoint
CREATE TRIGGER "lm_datasets_version_update" AFTER UPDATE ON "lm_datasets" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_labor_market_versions"();--> statement-breakpoint
CREATE TRIGGER "lm_datasets_version_delete" AFTER DELETE ON "lm_datasets" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_labor_market_versions"();--> statement-breakpoint
CREATE TRIGGER "lm_datasets_version_truncate" AFTER TRUNCATE ON "lm_datasets" FOR EACH STATEMENT EXECUTE FUNCTION "bump_labor_market_reference_version_truncated"();--> statement-breakpoint
CREATE TRIGGER "lm_projections_version_insert" AFTER INSERT ON "lm_projections" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_labor_market_versions"();--> statement-breakpoint
CREATE TRIGGER "lm_projections_version_update" AFTER UPDATE ON "lm_projections" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_labor_market_versions"();--> statement-breakpoint
CREATE TRIGGER "lm_projections_version_delete" AFTER DELETE ON "lm_projections" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_labor_market_versions"();--> statement-breakpoint
CREATE TRIGGER "lm_projections_version_truncate" AFTER TRUNCATE ON "lm_projections" FOR EACH STATEMENT EXECUTE FUNCTION "bump_labor_market_reference_version_truncated"();--> statement-breakpoint
CREATE TRIGGER "lm_stated_figures_version_insert" AFTER INSERT ON "lm_stated_figures" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_labor_market_versions"();--> statement-breakpoint
CREATE TRIGGER "lm_stated_figures_version_update" AFTER UPDATE ON "lm_stated_figures" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_labor_market_versions"();--> statement-breakpoint
CREATE TRIGGER "lm_stated_figures_version_delete" AFTER DELETE ON "lm_stated_figures" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_labor_market_versions"();--> statement-breakpoint
CREATE TRIGGER "lm_stated_figures_version_truncate" AFTER TRUNCATE ON "lm_stated_figures" FOR EACH STATEMENT EXECUTE FUNCTION "bump_labor_market_reference_version_truncated"();--> statement-breakpoint
CREATE TRIGGER "soc_codes_version_insert" AFTER INSERT ON "soc_codes" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_labor_market_reference_version"();--> statement-breakpoint
CREATE TRIGGER "soc_codes_version_update" AFTER UPDATE ON "soc_codes" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_labor_market_reference_version"();--> statement-breakpoint
CREATE TRIGGER "soc_codes_version_delete" AFTER DELETE ON "soc_codes" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_labor_market_reference_version"();--> statement-breakpoint
CREATE TRIGGER "soc_codes_version_truncate" AFTER TRUNCATE ON "soc_codes" FOR EACH STATEMENT EXECUTE FUNCTION "bump_labor_market_reference_version_truncated"();--> statement-breakpoint
CREATE TRIGGER "soc_crosswalk_version_insert" AFTER INSERT ON "soc_crosswalk" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_labor_market_reference_version"();--> statement-breakpoint
CREATE TRIGGER "soc_crosswalk_version_update" AFTER UPDATE ON "soc_crosswalk" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_labor_market_reference_version"();--> statement-breakpoint
CREATE TRIGGER "soc_crosswalk_version_delete" AFTER DELETE ON "soc_crosswalk" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "bump_labor_market_reference_version"();--> statement-breakpoint
CREATE TRIGGER "soc_crosswalk_version_truncate" AFTER TRUNCATE ON "soc_crosswalk" FOR EACH STATEMENT EXECUTE FUNCTION "bump_labor_market_reference_version_truncated"();
