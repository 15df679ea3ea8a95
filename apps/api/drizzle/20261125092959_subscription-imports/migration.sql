CREATE TYPE "subscription_import_row_outcome" AS ENUM('INVALID', 'PENDING', 'APPLIED', 'REFUSED', 'SKIPPED');--> statement-breakpoint
CREATE TYPE "subscription_import_status" AS ENUM('PREVIEW', 'QUEUED', 'RUNNING', 'COMPLETED', 'CANCELLED');--> statement-breakpoint
CREATE TABLE "subscription_import_rows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"partner_id" uuid NOT NULL,
	"subscription_import_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"cells" jsonb NOT NULL,
	"outcome" "subscription_import_row_outcome" NOT NULL,
	"errors" jsonb DEFAULT '[]' NOT NULL,
	"subscription_id" uuid,
	"processed_at" timestamp with time zone,
	CONSTRAINT "subscription_import_rows_import_row_key" UNIQUE("subscription_import_id","row_number")
);
--> statement-breakpoint
CREATE TABLE "subscription_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"partner_id" uuid NOT NULL,
	"customer_id" uuid,
	"file_name" text NOT NULL,
	"status" "subscription_import_status" DEFAULT 'PREVIEW'::"subscription_import_status" NOT NULL,
	"row_count" integer NOT NULL,
	"valid_row_count" integer NOT NULL,
	"processed_row_count" integer DEFAULT 0 NOT NULL,
	"applied_row_count" integer DEFAULT 0 NOT NULL,
	"refused_row_count" integer DEFAULT 0 NOT NULL,
	"created_by_label" text NOT NULL,
	"started_by" jsonb,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "subscription_import_rows_outcome_idx" ON "subscription_import_rows" ("subscription_import_id","outcome","row_number");--> statement-breakpoint
CREATE INDEX "subscription_imports_partner_idx" ON "subscription_imports" ("partner_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "subscription_imports_unfinished_idx" ON "subscription_imports" ("status") WHERE "status" in ('QUEUED', 'RUNNING');--> statement-breakpoint
ALTER TABLE "subscription_import_rows" ADD CONSTRAINT "subscription_import_rows_partner_id_partners_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partners"("id");--> statement-breakpoint
ALTER TABLE "subscription_import_rows" ADD CONSTRAINT "subscription_import_rows_J2iqbCGkZH0m_fkey" FOREIGN KEY ("subscription_import_id") REFERENCES "subscription_imports"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "subscription_import_rows" ADD CONSTRAINT "subscription_import_rows_subscription_id_subscriptions_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "subscriptions"("id");--> statement-breakpoint
ALTER TABLE "subscription_imports" ADD CONSTRAINT "subscription_imports_partner_id_partners_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partners"("id");--> statement-breakpoint
ALTER TABLE "subscription_imports" ADD CONSTRAINT "subscription_imports_customer_id_customers_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id");--> statement-breakpoint

-- Row-level security (see the row-level-security migration): a partner sees and changes only its
-- own imports and their rows. The import job applies rows in the starting partner's transaction;
-- finding the imports that wait for it is system work on the root connection.
ALTER TABLE public.subscription_imports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.subscription_imports FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.subscription_import_rows ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.subscription_import_rows FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON public.subscription_imports TO switchyard_app;
--> statement-breakpoint
CREATE POLICY subscription_imports_own ON public.subscription_imports FOR ALL TO switchyard_app
  USING (partner_id = public.app_current_partner_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON public.subscription_import_rows TO switchyard_app;
--> statement-breakpoint
CREATE POLICY subscription_import_rows_own ON public.subscription_import_rows FOR ALL TO switchyard_app
  USING (partner_id = public.app_current_partner_id());
