CREATE TYPE "webhook_delivery_status" AS ENUM('PENDING', 'SUCCEEDED', 'FAILED');--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"partner_id" uuid NOT NULL,
	"webhook_subscription_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"status" "webhook_delivery_status" DEFAULT 'PENDING'::"webhook_delivery_status" NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_response_code" integer,
	"last_error" text,
	"last_attempt_at" timestamp with time zone,
	"next_attempt_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"retry_until" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_deliveries_subscription_event_key" UNIQUE("webhook_subscription_id","event_id")
);
--> statement-breakpoint
CREATE TABLE "webhook_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"partner_id" uuid NOT NULL,
	"url" text NOT NULL,
	"description" text,
	"event_types" text[] NOT NULL,
	"secret" text NOT NULL,
	"is_enabled" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_subscriptions_event_types_not_empty" CHECK (cardinality("event_types") > 0)
);
--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" ("next_attempt_at") WHERE "status" = 'PENDING';--> statement-breakpoint
CREATE INDEX "webhook_deliveries_subscription_idx" ON "webhook_deliveries" ("webhook_subscription_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "webhook_subscriptions_partner_idx" ON "webhook_subscriptions" ("partner_id");--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_partner_id_partners_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partners"("id");--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_wcyOqa29wOiP_fkey" FOREIGN KEY ("webhook_subscription_id") REFERENCES "webhook_subscriptions"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "webhook_subscriptions" ADD CONSTRAINT "webhook_subscriptions_partner_id_partners_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partners"("id");--> statement-breakpoint

-- Row-level security (see the row-level-security migration): a partner sees and manages only its
-- own webhook subscriptions and their delivery log. The dispatcher and the delivery job are system
-- work on the root connection.
ALTER TABLE public.webhook_subscriptions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.webhook_subscriptions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.webhook_deliveries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.webhook_deliveries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON public.webhook_subscriptions TO switchyard_app;
--> statement-breakpoint
CREATE POLICY webhook_subscriptions_own ON public.webhook_subscriptions FOR ALL TO switchyard_app
  USING (partner_id = public.app_current_partner_id());
--> statement-breakpoint
GRANT SELECT, UPDATE, DELETE ON public.webhook_deliveries TO switchyard_app;
--> statement-breakpoint
CREATE POLICY webhook_deliveries_own ON public.webhook_deliveries FOR ALL TO switchyard_app
  USING (partner_id = public.app_current_partner_id());
