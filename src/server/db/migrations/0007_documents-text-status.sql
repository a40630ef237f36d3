ALTER TABLE "document_versions" ADD COLUMN "text_status" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
UPDATE "document_versions" SET "text_status" = 'done' WHERE "extracted_text" IS NOT NULL;
