-- 0015 put the reference version's one row in at migration time; a whole-database restore wants every
-- table it brings empty, so a freshly migrated database refused it. The row is now written by the
-- first change to the SOC codes or the crosswalk (an upsert), and a missing row reads as version 0:
-- until that first change, the reference data is as the migrations left it.
DELETE FROM "labor_market_reference_version";--> statement-breakpoint
CREATE OR REPLACE FUNCTION "bump_labor_market_reference_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO "labor_market_reference_version" ("only_row", "version")
		SELECT true, nextval('labor_market_version_seq') WHERE EXISTS (SELECT 1 FROM changed_rows)
		ON CONFLICT ("only_row") DO UPDATE SET "version" = excluded."version";
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "bump_labor_market_reference_version_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO "labor_market_reference_version" ("only_row", "version") VALUES (true, nextval('labor_market_version_seq'))
		ON CONFLICT ("only_row") DO UPDATE SET "version" = excluded."version";
	RETURN NULL;
END
$$;
