-- Removing a person (or a prospect's organization) must clear only the reference, never the row's
-- coalition_id: a composite ON DELETE SET NULL nulls every column of the key, which coalition_id
-- (NOT NULL) refuses, so the removal failed. PostgreSQL 15 lets SET NULL name its columns.
ALTER TABLE "action_items" DROP CONSTRAINT "action_items_owner_fk";--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_owner_fk" FOREIGN KEY ("coalition_id","owner_id") REFERENCES "public"."people"("coalition_id","id") ON DELETE SET NULL ("owner_id");--> statement-breakpoint
ALTER TABLE "prospects" DROP CONSTRAINT "prospects_owner_fk";--> statement-breakpoint
ALTER TABLE "prospects" ADD CONSTRAINT "prospects_owner_fk" FOREIGN KEY ("coalition_id","owner_id") REFERENCES "public"."people"("coalition_id","id") ON DELETE SET NULL ("owner_id");--> statement-breakpoint
ALTER TABLE "prospects" DROP CONSTRAINT "prospects_organization_fk";--> statement-breakpoint
ALTER TABLE "prospects" ADD CONSTRAINT "prospects_organization_fk" FOREIGN KEY ("coalition_id","organization_id") REFERENCES "public"."organizations"("coalition_id","id") ON DELETE SET NULL ("organization_id");--> statement-breakpoint
ALTER TABLE "commitments" DROP CONSTRAINT "commitments_owner_fk";--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_owner_fk" FOREIGN KEY ("coalition_id","owner_id") REFERENCES "public"."people"("coalition_id","id") ON DELETE SET NULL ("owner_id");--> statement-breakpoint
ALTER TABLE "data_sharing_acceptances" DROP CONSTRAINT "data_sharing_person_fk";--> statement-breakpoint
ALTER TABLE "data_sharing_acceptances" ADD CONSTRAINT "data_sharing_person_fk" FOREIGN KEY ("coalition_id","accepted_by") REFERENCES "public"."people"("coalition_id","id") ON DELETE SET NULL ("accepted_by");--> statement-breakpoint
ALTER TABLE "documents" DROP CONSTRAINT "documents_owner_fk";--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_owner_fk" FOREIGN KEY ("coalition_id","owner_id") REFERENCES "public"."people"("coalition_id","id") ON DELETE SET NULL ("owner_id");
