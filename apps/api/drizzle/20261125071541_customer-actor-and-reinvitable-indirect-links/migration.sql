ALTER TYPE "actor_type" ADD VALUE 'CUSTOMER';--> statement-breakpoint
DROP INDEX "indirect_links_provider_reseller_key";--> statement-breakpoint
CREATE UNIQUE INDEX "indirect_links_provider_reseller_key" ON "indirect_links" ("provider_id","reseller_id") WHERE "status" <> 'REVOKED';