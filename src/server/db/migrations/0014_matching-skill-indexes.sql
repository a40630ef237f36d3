DROP INDEX "opportunity_skills_skill_idx";--> statement-breakpoint
DROP INDEX "student_skills_skill_idx";--> statement-breakpoint
ALTER TABLE "opportunity_skills" ADD COLUMN "opportunity_total" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Backfill: each opportunity's total importance on every one of its skill rows.
UPDATE "opportunity_skills" os SET "opportunity_total" = t."total"
FROM (SELECT "coalition_id", "opportunity_id", sum("importance")::smallint AS "total" FROM "opportunity_skills" GROUP BY "coalition_id", "opportunity_id") t
WHERE os."coalition_id" = t."coalition_id" AND os."opportunity_id" = t."opportunity_id";--> statement-breakpoint
CREATE INDEX "opportunity_skills_skill_idx" ON "opportunity_skills" USING btree ("coalition_id","skill_id","opportunity_id","importance","opportunity_total");--> statement-breakpoint
CREATE INDEX "student_skills_skill_idx" ON "student_skills" USING btree ("coalition_id","skill_id","student_id","source");--> statement-breakpoint
-- Whoever writes skills (the app, imports, a restore with triggers on, the LA generator), the total
-- follows: recomputed for the opportunities a statement touched. The trigger's own update fires it
-- once more; nothing differs then, so the third call sees no rows and stops.
CREATE FUNCTION "refresh_opportunity_skill_totals"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM changed_rows) THEN RETURN NULL; END IF;
	IF TG_OP = 'UPDATE' THEN
		UPDATE "opportunity_skills" os SET "opportunity_total" = t."total"
		FROM (SELECT s."coalition_id", s."opportunity_id", sum(s."importance")::smallint AS "total" FROM "opportunity_skills" s
			WHERE (s."coalition_id", s."opportunity_id") IN (SELECT "coalition_id", "opportunity_id" FROM changed_rows UNION SELECT "coalition_id", "opportunity_id" FROM old_rows)
			GROUP BY s."coalition_id", s."opportunity_id") t
		WHERE os."coalition_id" = t."coalition_id" AND os."opportunity_id" = t."opportunity_id" AND os."opportunity_total" <> t."total";
	ELSE
		UPDATE "opportunity_skills" os SET "opportunity_total" = t."total"
		FROM (SELECT s."coalition_id", s."opportunity_id", sum(s."importance")::smallint AS "total" FROM "opportunity_skills" s
			WHERE (s."coalition_id", s."opportunity_id") IN (SELECT "coalition_id", "opportunity_id" FROM changed_rows)
			GROUP BY s."coalition_id", s."opportunity_id") t
		WHERE os."coalition_id" = t."coalition_id" AND os."opportunity_id" = t."opportunity_id" AND os."opportunity_total" <> t."total";
	END IF;
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "opportunity_skills_total_insert" AFTER INSERT ON "opportunity_skills" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "refresh_opportunity_skill_totals"();--> statement-breakpoint
CREATE TRIGGER "opportunity_skills_total_update" AFTER UPDATE ON "opportunity_skills" REFERENCING NEW TABLE AS changed_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "refresh_opportunity_skill_totals"();--> statement-breakpoint
CREATE TRIGGER "opportunity_skills_total_delete" AFTER DELETE ON "opportunity_skills" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "refresh_opportunity_skill_totals"();--> statement-breakpoint
ANALYZE "opportunity_skills";--> statement-breakpoint
ANALYZE "student_skills";
