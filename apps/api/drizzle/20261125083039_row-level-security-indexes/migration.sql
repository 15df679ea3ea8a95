CREATE INDEX "relationship_requests_partner_idx" ON "relationship_requests" ("partner_id");--> statement-breakpoint
CREATE INDEX "relationships_partner_idx" ON "relationships" ("partner_id");--> statement-breakpoint
CREATE INDEX "relationships_indirect_provider_idx" ON "relationships" ("indirect_provider_id") WHERE "indirect_provider_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "subscriptions_billing_idx" ON "subscriptions" ("billing_partner_id");