CREATE TYPE "actor_type" AS ENUM('USER', 'API_KEY', 'SYSTEM');--> statement-breakpoint
CREATE TYPE "billing_cycle" AS ENUM('MONTHLY', 'ANNUAL', 'TRIENNIAL');--> statement-breakpoint
CREATE TYPE "billing_model" AS ENUM('LICENSE_BASED', 'USAGE_BASED');--> statement-breakpoint
CREATE TYPE "cancel_source" AS ENUM('SERVICES', 'ENTIRE');--> statement-breakpoint
CREATE TYPE "channel" AS ENUM('CSP', 'DIRECT', 'ADVISOR', 'OPEN', 'EA', 'THIRD_PARTY', 'SYNDICATION');--> statement-breakpoint
CREATE TYPE "cloud" AS ENUM('GLOBAL', 'US_GOVERNMENT', 'GERMANY');--> statement-breakpoint
CREATE TYPE "idempotency_status" AS ENUM('IN_PROGRESS', 'COMPLETED');--> statement-breakpoint
CREATE TYPE "indirect_link_status" AS ENUM('INVITED', 'ACTIVE', 'SUSPENDED', 'REVOKED');--> statement-breakpoint
CREATE TYPE "partner_kind" AS ENUM('DIRECT_PROVIDER', 'INDIRECT_PROVIDER', 'INDIRECT_RESELLER');--> statement-breakpoint
CREATE TYPE "relationship_request_status" AS ENUM('PENDING', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'REVOKED');--> statement-breakpoint
CREATE TYPE "relationship_status" AS ENUM('ACTIVE', 'TERMINATED');--> statement-breakpoint
CREATE TYPE "relationship_type" AS ENUM('RESELLER', 'INDIRECT_RESELLER', 'INDIRECT_PROVIDER');--> statement-breakpoint
CREATE TYPE "role" AS ENUM('GLOBAL_ADMIN', 'ADMIN_AGENT', 'SALES_AGENT', 'HELPDESK_AGENT', 'BILLING_ADMIN');--> statement-breakpoint
CREATE TYPE "service_status" AS ENUM('ACTIVE', 'CANCELLED', 'MIGRATED');--> statement-breakpoint
CREATE TYPE "subscription_status" AS ENUM('PENDING', 'ACTIVE', 'SUSPENDED', 'CANCELLED', 'EXPIRED');--> statement-breakpoint
CREATE TYPE "term" AS ENUM('P1M', 'P1Y', 'P3Y');--> statement-breakpoint
CREATE TYPE "transfer_effective" AS ENUM('IMMEDIATELY', 'AT_TERM_END');--> statement-breakpoint
CREATE TYPE "transfer_kind" AS ENUM('PARTNER_SWITCH', 'USAGE_MIGRATION', 'LICENSE_TRANSITION');--> statement-breakpoint
CREATE TYPE "transfer_line_item_status" AS ENUM('PENDING', 'SCHEDULED', 'COMPLETED', 'DESELECTED', 'CANCELLED', 'FAILED');--> statement-breakpoint
CREATE TYPE "transfer_status" AS ENUM('PENDING', 'SCHEDULED', 'COMPLETED', 'REJECTED', 'CANCELLED', 'EXPIRED', 'FAILED');--> statement-breakpoint
CREATE TABLE "indirect_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"provider_id" uuid NOT NULL,
	"reseller_id" uuid NOT NULL,
	"status" "indirect_link_status" DEFAULT 'INVITED'::"indirect_link_status" NOT NULL,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "indirect_links_distinct_parties" CHECK ("provider_id" <> "reseller_id")
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"name" text NOT NULL,
	"partner_number" varchar(7) NOT NULL UNIQUE,
	"kind" "partner_kind" NOT NULL,
	"cloud" "cloud" NOT NULL,
	"markets" text[] DEFAULT '{}'::text[] NOT NULL,
	"domain" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "partners_partner_number_digits" CHECK ("partner_number" ~ '^[0-9]{6,7}$')
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"tenant_id" uuid DEFAULT gen_random_uuid() NOT NULL UNIQUE,
	"company_name" text NOT NULL,
	"primary_domain" text NOT NULL,
	"country" char(2) NOT NULL,
	"cloud" "cloud" NOT NULL,
	"is_partner_tenant" boolean DEFAULT false NOT NULL,
	"created_by_partner_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "customers_primary_domain_lowercase" CHECK ("primary_domain" = lower("primary_domain")),
	CONSTRAINT "customers_country_code" CHECK ("country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "relationship_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"partner_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"indirect_provider_id" uuid,
	"is_delegated_admin_requested" boolean DEFAULT false NOT NULL,
	"message" text,
	"status" "relationship_request_status" DEFAULT 'PENDING'::"relationship_request_status" NOT NULL,
	"token_hash" text NOT NULL UNIQUE,
	"expires_at" timestamp with time zone NOT NULL,
	"responded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relationships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"partner_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"type" "relationship_type" DEFAULT 'RESELLER'::"relationship_type" NOT NULL,
	"indirect_provider_id" uuid,
	"status" "relationship_status" DEFAULT 'ACTIVE'::"relationship_status" NOT NULL,
	"has_delegated_admin" boolean DEFAULT false NOT NULL,
	"request_id" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"terminated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "relationships_indirect_reseller_names_provider" CHECK (("type" = 'INDIRECT_RESELLER') = ("indirect_provider_id" IS NOT NULL)),
	CONSTRAINT "relationships_terminated_at" CHECK (("status" = 'TERMINATED') = ("terminated_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"name" text NOT NULL,
	"sku" text NOT NULL UNIQUE,
	"billing_model" "billing_model" NOT NULL,
	"terms" "term"[] NOT NULL,
	"billing_cycles" "billing_cycle"[] NOT NULL,
	"clouds" "cloud"[] NOT NULL,
	"unit_price" numeric(12,2),
	"currency" char(3) DEFAULT 'USD' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offers_has_terms" CHECK (cardinality("terms") > 0),
	CONSTRAINT "offers_has_billing_cycles" CHECK (cardinality("billing_cycles") > 0)
);
--> statement-breakpoint
CREATE TABLE "subscription_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"subscription_id" uuid NOT NULL,
	"name" text NOT NULL,
	"status" "service_status" DEFAULT 'ACTIVE'::"service_status" NOT NULL,
	"migrated_to_subscription_id" uuid,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "subscription_services_migrated_target" CHECK (("status" = 'MIGRATED') = ("migrated_to_subscription_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"customer_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"channel" "channel" NOT NULL,
	"billing_model" "billing_model" NOT NULL,
	"status" "subscription_status" DEFAULT 'PENDING'::"subscription_status" NOT NULL,
	"quantity" integer,
	"term" "term",
	"term_start_date" timestamp with time zone NOT NULL,
	"term_end_date" timestamp with time zone,
	"billing_cycle" "billing_cycle",
	"is_auto_renew_enabled" boolean DEFAULT false NOT NULL,
	"cancellation_allowed_until" timestamp with time zone,
	"seller_partner_id" uuid,
	"billing_partner_id" uuid,
	"managing_partner_id" uuid,
	"external_reference" text,
	"migrated_from_id" uuid,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "subscriptions_seller_iff_csp" CHECK (("channel" = 'CSP') = ("seller_partner_id" IS NOT NULL)),
	CONSTRAINT "subscriptions_quantity_by_model" CHECK (("billing_model" = 'LICENSE_BASED' AND "quantity" >= 1) OR ("billing_model" = 'USAGE_BASED' AND "quantity" IS NULL)),
	CONSTRAINT "subscriptions_term_order" CHECK ("term_end_date" IS NULL OR "term_end_date" > "term_start_date"),
	CONSTRAINT "subscriptions_cancelled_at" CHECK (("status" = 'CANCELLED') = ("cancelled_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "transfer_line_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"transfer_id" uuid NOT NULL,
	"subscription_id" uuid NOT NULL,
	"service_ids" uuid[],
	"status" "transfer_line_item_status" DEFAULT 'PENDING'::"transfer_line_item_status" NOT NULL,
	"scheduled_at" timestamp with time zone,
	"failure_reason" text,
	"result_subscription_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"kind" "transfer_kind" NOT NULL,
	"customer_id" uuid NOT NULL,
	"source_partner_id" uuid,
	"target_partner_id" uuid NOT NULL,
	"source_channel" "channel" NOT NULL,
	"status" "transfer_status" DEFAULT 'PENDING'::"transfer_status" NOT NULL,
	"effective" "transfer_effective" DEFAULT 'IMMEDIATELY'::"transfer_effective" NOT NULL,
	"effective_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"cancel_source" "cancel_source",
	"new_subscription_details" jsonb,
	"rejection_reason" text,
	"failure_reason" text,
	"created_by_actor_type" "actor_type" NOT NULL,
	"created_by_actor_id" uuid,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "transfers_partner_switch_has_source" CHECK (("kind" = 'PARTNER_SWITCH') = ("source_partner_id" IS NOT NULL)),
	CONSTRAINT "transfers_distinct_parties" CHECK ("source_partner_id" IS NULL OR "source_partner_id" <> "target_partner_id"),
	CONSTRAINT "transfers_migration_cancel_source" CHECK (("kind" = 'USAGE_MIGRATION') = ("cancel_source" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"partner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" "role" NOT NULL,
	"display_prefix" text NOT NULL,
	"secret_hash" text NOT NULL UNIQUE,
	"created_by_user_id" uuid,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"token_hash" text NOT NULL UNIQUE,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"email" text NOT NULL,
	"ip_address" text,
	"is_successful" boolean NOT NULL,
	"attempted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"partner_id" uuid NOT NULL,
	"email" text NOT NULL UNIQUE,
	"name" text NOT NULL,
	"role" "role" NOT NULL,
	"password_hash" text,
	"disabled_at" timestamp with time zone,
	"last_signed_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "users_email_lowercase" CHECK ("email" = lower("email"))
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"partner_id" uuid NOT NULL,
	"actor_type" "actor_type" NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"operation" text NOT NULL,
	"target_type" text NOT NULL,
	"target_ids" uuid[] NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	"idempotency_key" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_records" (
	"partner_id" uuid,
	"key" text,
	"operation" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" "idempotency_status" DEFAULT 'IN_PROGRESS'::"idempotency_status" NOT NULL,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_records_pkey" PRIMARY KEY("partner_id","key")
);
--> statement-breakpoint
CREATE TABLE "outbox_events" (
	"sequence" bigserial PRIMARY KEY,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL UNIQUE,
	"type" text NOT NULL,
	"aggregate_type" text NOT NULL,
	"aggregate_id" uuid NOT NULL,
	"audience_partner_ids" uuid[] NOT NULL,
	"payload" jsonb NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dispatched_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "indirect_links_provider_reseller_key" ON "indirect_links" ("provider_id","reseller_id");--> statement-breakpoint
CREATE INDEX "indirect_links_reseller_idx" ON "indirect_links" ("reseller_id");--> statement-breakpoint
CREATE INDEX "partners_cloud_idx" ON "partners" ("cloud");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_cloud_primary_domain_key" ON "customers" ("cloud","primary_domain");--> statement-breakpoint
CREATE INDEX "customers_company_name_idx" ON "customers" (lower("company_name"));--> statement-breakpoint
CREATE INDEX "customers_created_at_idx" ON "customers" ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "relationship_requests_one_pending_key" ON "relationship_requests" ("partner_id","customer_id") WHERE "status" = 'PENDING';--> statement-breakpoint
CREATE INDEX "relationship_requests_customer_idx" ON "relationship_requests" ("customer_id");--> statement-breakpoint
CREATE INDEX "relationship_requests_pending_expiry_idx" ON "relationship_requests" ("expires_at") WHERE "status" = 'PENDING';--> statement-breakpoint
CREATE UNIQUE INDEX "relationships_one_active_key" ON "relationships" ("partner_id","customer_id") WHERE "status" = 'ACTIVE';--> statement-breakpoint
CREATE INDEX "relationships_customer_idx" ON "relationships" ("customer_id");--> statement-breakpoint
CREATE INDEX "subscription_services_subscription_idx" ON "subscription_services" ("subscription_id");--> statement-breakpoint
CREATE INDEX "subscriptions_customer_idx" ON "subscriptions" ("customer_id","channel");--> statement-breakpoint
CREATE INDEX "subscriptions_seller_idx" ON "subscriptions" ("seller_partner_id");--> statement-breakpoint
CREATE INDEX "subscriptions_managing_idx" ON "subscriptions" ("managing_partner_id");--> statement-breakpoint
CREATE INDEX "subscriptions_open_term_end_idx" ON "subscriptions" ("term_end_date") WHERE "status" IN ('ACTIVE', 'SUSPENDED');--> statement-breakpoint
CREATE INDEX "transfer_line_items_transfer_idx" ON "transfer_line_items" ("transfer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "transfer_line_items_one_open_per_subscription" ON "transfer_line_items" ("subscription_id") WHERE "status" IN ('PENDING', 'SCHEDULED');--> statement-breakpoint
CREATE INDEX "transfers_customer_idx" ON "transfers" ("customer_id");--> statement-breakpoint
CREATE INDEX "transfers_source_idx" ON "transfers" ("source_partner_id","status");--> statement-breakpoint
CREATE INDEX "transfers_target_idx" ON "transfers" ("target_partner_id","status");--> statement-breakpoint
CREATE INDEX "transfers_pending_expiry_idx" ON "transfers" ("expires_at") WHERE "status" = 'PENDING';--> statement-breakpoint
CREATE INDEX "transfers_scheduled_idx" ON "transfers" ("effective_at") WHERE "status" = 'SCHEDULED';--> statement-breakpoint
CREATE INDEX "api_keys_partner_idx" ON "api_keys" ("partner_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" ("user_id");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_email_idx" ON "sign_in_attempts" ("email","attempted_at");--> statement-breakpoint
CREATE INDEX "users_partner_idx" ON "users" ("partner_id");--> statement-breakpoint
CREATE INDEX "audit_events_partner_time_idx" ON "audit_events" ("partner_id","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_events_target_idx" ON "audit_events" USING gin ("target_ids");--> statement-breakpoint
CREATE INDEX "idempotency_records_expiry_idx" ON "idempotency_records" ("expires_at");--> statement-breakpoint
CREATE INDEX "outbox_events_undispatched_idx" ON "outbox_events" ("sequence") WHERE "dispatched_at" IS NULL;--> statement-breakpoint
ALTER TABLE "indirect_links" ADD CONSTRAINT "indirect_links_provider_id_partners_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "partners"("id");--> statement-breakpoint
ALTER TABLE "indirect_links" ADD CONSTRAINT "indirect_links_reseller_id_partners_id_fkey" FOREIGN KEY ("reseller_id") REFERENCES "partners"("id");--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_created_by_partner_id_partners_id_fkey" FOREIGN KEY ("created_by_partner_id") REFERENCES "partners"("id");--> statement-breakpoint
ALTER TABLE "relationship_requests" ADD CONSTRAINT "relationship_requests_partner_id_partners_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partners"("id");--> statement-breakpoint
ALTER TABLE "relationship_requests" ADD CONSTRAINT "relationship_requests_customer_id_customers_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id");--> statement-breakpoint
ALTER TABLE "relationship_requests" ADD CONSTRAINT "relationship_requests_indirect_provider_id_partners_id_fkey" FOREIGN KEY ("indirect_provider_id") REFERENCES "partners"("id");--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_partner_id_partners_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partners"("id");--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_customer_id_customers_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id");--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_indirect_provider_id_partners_id_fkey" FOREIGN KEY ("indirect_provider_id") REFERENCES "partners"("id");--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_request_id_relationship_requests_id_fkey" FOREIGN KEY ("request_id") REFERENCES "relationship_requests"("id");--> statement-breakpoint
ALTER TABLE "subscription_services" ADD CONSTRAINT "subscription_services_subscription_id_subscriptions_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "subscriptions"("id");--> statement-breakpoint
ALTER TABLE "subscription_services" ADD CONSTRAINT "subscription_services_VBNSwS9Gb7Af_fkey" FOREIGN KEY ("migrated_to_subscription_id") REFERENCES "subscriptions"("id");--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_customer_id_customers_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id");--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_offer_id_offers_id_fkey" FOREIGN KEY ("offer_id") REFERENCES "offers"("id");--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_seller_partner_id_partners_id_fkey" FOREIGN KEY ("seller_partner_id") REFERENCES "partners"("id");--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_billing_partner_id_partners_id_fkey" FOREIGN KEY ("billing_partner_id") REFERENCES "partners"("id");--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_managing_partner_id_partners_id_fkey" FOREIGN KEY ("managing_partner_id") REFERENCES "partners"("id");--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_migrated_from_id_subscriptions_id_fkey" FOREIGN KEY ("migrated_from_id") REFERENCES "subscriptions"("id");--> statement-breakpoint
ALTER TABLE "transfer_line_items" ADD CONSTRAINT "transfer_line_items_transfer_id_transfers_id_fkey" FOREIGN KEY ("transfer_id") REFERENCES "transfers"("id");--> statement-breakpoint
ALTER TABLE "transfer_line_items" ADD CONSTRAINT "transfer_line_items_subscription_id_subscriptions_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "subscriptions"("id");--> statement-breakpoint
ALTER TABLE "transfer_line_items" ADD CONSTRAINT "transfer_line_items_LEejCOcBeX0c_fkey" FOREIGN KEY ("result_subscription_id") REFERENCES "subscriptions"("id");--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_customer_id_customers_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id");--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_source_partner_id_partners_id_fkey" FOREIGN KEY ("source_partner_id") REFERENCES "partners"("id");--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_target_partner_id_partners_id_fkey" FOREIGN KEY ("target_partner_id") REFERENCES "partners"("id");--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_partner_id_partners_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partners"("id");--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_user_id_users_id_fkey" FOREIGN KEY ("created_by_user_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_partner_id_partners_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partners"("id");--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_partner_id_partners_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partners"("id");--> statement-breakpoint
ALTER TABLE "idempotency_records" ADD CONSTRAINT "idempotency_records_partner_id_partners_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partners"("id");