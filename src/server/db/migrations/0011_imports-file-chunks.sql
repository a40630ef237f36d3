CREATE TABLE "job_file_chunks" (
	"coalition_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_file_chunks_coalition_id_job_id_seq_pk" PRIMARY KEY("coalition_id","job_id","seq")
);
