-- Tenant isolation, the second time (domain.md §8): PostgreSQL row-level security.
--
-- The application filters every read and write by the partner a request acts for. These policies
-- enforce the same visibility again in the database, so a forgotten filter cannot leak a row.
--
-- Who is subject to them:
-- * Partner transactions (src/db/partner-transaction.ts) run `SET LOCAL ROLE switchyard_app` after
--   `set_config('app.partner_id', …, true)`. switchyard_app is NOLOGIN, not a superuser, owns no
--   table and cannot bypass row-level security; every policy below is written for it, and the
--   server refuses to start if it could bypass them (src/db/row-level-security.ts).
-- * The root connection (the role that runs migrations and owns the tables) does the system work
--   that happens before or outside any partner: authentication, the background job, the seed. FORCE
--   ROW LEVEL SECURITY subjects even a table's owner to the policies, and no policy grants the owner
--   anything, so the root role must be a superuser or have BYPASSRLS (checked at start-up too).
--
-- The policies read the partner from `app_current_partner_id()`; with no partner set they match
-- nothing. Policies that need other tenant tables call SECURITY DEFINER helpers (owned by the
-- migration role, which bypasses row-level security) so that policies never recurse into each other.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'switchyard_app') THEN
    -- Roles are cluster-wide and test databases migrate in parallel: another migration may win the race.
    BEGIN
      CREATE ROLE switchyard_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT NOCREATEDB NOCREATEROLE;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END;
  END IF;
  -- The connecting role switches to switchyard_app in each partner transaction (a superuser may already).
  IF NOT pg_catalog.pg_has_role(current_user, 'switchyard_app', 'MEMBER') THEN
    EXECUTE pg_catalog.format('GRANT switchyard_app TO %I', current_user);
  END IF;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO switchyard_app;
--> statement-breakpoint

-- Helpers ------------------------------------------------------------------------------------------

-- The partner the current transaction acts for; null outside a partner transaction.
CREATE OR REPLACE FUNCTION public.app_current_partner_id() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT NULLIF(pg_catalog.current_setting('app.partner_id', true), '')::uuid $$;
--> statement-breakpoint

-- Customers the current partner may see through others' rows: it has (or had) a relationship with
-- them, or sent them a relationship request (its own, or as the indirect provider named on it).
-- (Customers it created are matched on the row itself: see customers_visible.)
CREATE OR REPLACE FUNCTION public.app_visible_customer_ids() RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ''
  AS $$
    SELECT r.customer_id FROM public.relationships r
     WHERE r.partner_id = public.app_current_partner_id() OR r.indirect_provider_id = public.app_current_partner_id()
    UNION
    SELECT q.customer_id FROM public.relationship_requests q
     WHERE q.partner_id = public.app_current_partner_id() OR q.indirect_provider_id = public.app_current_partner_id()
  $$;
--> statement-breakpoint

-- Customers whose subscriptions the current partner sees: an ACTIVE relationship, in its own cloud.
CREATE OR REPLACE FUNCTION public.app_subscription_customer_ids() RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ''
  AS $$
    SELECT r.customer_id
      FROM public.relationships r
      JOIN public.customers c ON c.id = r.customer_id
      JOIN public.partners p ON p.id = public.app_current_partner_id()
     WHERE r.status = 'ACTIVE'
       AND (r.partner_id = p.id OR r.indirect_provider_id = p.id)
       AND c.cloud = p.cloud
  $$;
--> statement-breakpoint

-- Partners the current partner may see: itself, the partners it has indirect links with, and the
-- partners named on what it can see (sellers, billing and managing partners of visible
-- subscriptions, the parties of its transfers, the providers and resellers of its relationships).
CREATE OR REPLACE FUNCTION public.app_visible_partner_ids() RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ''
  AS $$
    SELECT public.app_current_partner_id()
    UNION
    SELECT l.reseller_id FROM public.indirect_links l WHERE l.provider_id = public.app_current_partner_id()
    UNION
    SELECT l.provider_id FROM public.indirect_links l WHERE l.reseller_id = public.app_current_partner_id()
    UNION
    SELECT pg_catalog.unnest(ARRAY[t.source_partner_id, t.target_partner_id]) FROM public.transfers t
     WHERE t.source_partner_id = public.app_current_partner_id() OR t.target_partner_id = public.app_current_partner_id()
    UNION
    SELECT pg_catalog.unnest(ARRAY[r.partner_id, r.indirect_provider_id]) FROM public.relationships r
     WHERE r.partner_id = public.app_current_partner_id() OR r.indirect_provider_id = public.app_current_partner_id()
    UNION
    SELECT pg_catalog.unnest(ARRAY[q.partner_id, q.indirect_provider_id]) FROM public.relationship_requests q
     WHERE q.partner_id = public.app_current_partner_id() OR q.indirect_provider_id = public.app_current_partner_id()
    UNION
    SELECT pg_catalog.unnest(ARRAY[s.seller_partner_id, s.billing_partner_id, s.managing_partner_id]) FROM public.subscriptions s
     WHERE s.customer_id IN (SELECT public.app_subscription_customer_ids())
  $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.app_visible_customer_ids() FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.app_subscription_customer_ids() FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.app_visible_partner_ids() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.app_current_partner_id(), public.app_visible_customer_ids(), public.app_subscription_customer_ids(), public.app_visible_partner_ids() TO switchyard_app;
--> statement-breakpoint

-- Every table: row-level security on, for the owner too. A table with no policy shows nothing. ------
ALTER TABLE public.partners ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.partners FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.indirect_links ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.indirect_links FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.customers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.customers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.relationship_requests ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.relationship_requests FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.relationships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.relationships FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.offers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.offers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.subscriptions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.subscriptions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.subscription_services ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.subscription_services FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.transfers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.transfers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.transfer_line_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.transfer_line_items FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.users FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.sessions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.sign_in_attempts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.sign_in_attempts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.api_keys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.api_keys FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.audit_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.audit_events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.idempotency_records ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.idempotency_records FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.outbox_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE public.outbox_events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint

-- Partners: read-only for the application. -----------------------------------------------------
GRANT SELECT ON public.partners TO switchyard_app;
--> statement-breakpoint
CREATE POLICY partners_visible ON public.partners FOR SELECT TO switchyard_app
  USING (id IN (SELECT public.app_visible_partner_ids()));
--> statement-breakpoint

-- Indirect links: the provider and the reseller. ------------------------------------------------
GRANT SELECT, INSERT, UPDATE ON public.indirect_links TO switchyard_app;
--> statement-breakpoint
CREATE POLICY indirect_links_parties ON public.indirect_links FOR ALL TO switchyard_app
  USING (provider_id = public.app_current_partner_id() OR reseller_id = public.app_current_partner_id());
--> statement-breakpoint

-- Customers: seen through relationships and requests; created by a partner for itself. ------------
GRANT SELECT, INSERT, UPDATE ON public.customers TO switchyard_app;
--> statement-breakpoint
-- The creator is matched on the row: an INSERT … RETURNING must see the row it just created, which
-- a helper's snapshot (taken when the statement started) does not contain yet.
CREATE POLICY customers_visible ON public.customers FOR SELECT TO switchyard_app
  USING (created_by_partner_id = public.app_current_partner_id() OR id IN (SELECT public.app_visible_customer_ids()));
--> statement-breakpoint
CREATE POLICY customers_create ON public.customers FOR INSERT TO switchyard_app
  WITH CHECK (created_by_partner_id = public.app_current_partner_id());
--> statement-breakpoint
CREATE POLICY customers_update ON public.customers FOR UPDATE TO switchyard_app
  USING (created_by_partner_id = public.app_current_partner_id() OR id IN (SELECT public.app_visible_customer_ids()))
  WITH CHECK (created_by_partner_id = public.app_current_partner_id() OR id IN (SELECT public.app_visible_customer_ids()));
--> statement-breakpoint

-- Relationship requests and relationships: the partner, and the indirect provider named on them. ---
GRANT SELECT, INSERT, UPDATE ON public.relationship_requests TO switchyard_app;
--> statement-breakpoint
CREATE POLICY relationship_requests_parties ON public.relationship_requests FOR ALL TO switchyard_app
  USING (partner_id = public.app_current_partner_id() OR indirect_provider_id = public.app_current_partner_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON public.relationships TO switchyard_app;
--> statement-breakpoint
CREATE POLICY relationships_parties ON public.relationships FOR ALL TO switchyard_app
  USING (partner_id = public.app_current_partner_id() OR indirect_provider_id = public.app_current_partner_id());
--> statement-breakpoint

-- Offers: the public catalog, read-only. ----------------------------------------------------------
GRANT SELECT ON public.offers TO switchyard_app;
--> statement-breakpoint
CREATE POLICY offers_catalog ON public.offers FOR SELECT TO switchyard_app USING (true);
--> statement-breakpoint

-- Subscriptions: every channel, of customers with an ACTIVE relationship in the partner's cloud. ---
GRANT SELECT, INSERT, UPDATE ON public.subscriptions TO switchyard_app;
--> statement-breakpoint
CREATE POLICY subscriptions_visible ON public.subscriptions FOR ALL TO switchyard_app
  USING (customer_id IN (SELECT public.app_subscription_customer_ids()));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON public.subscription_services TO switchyard_app;
--> statement-breakpoint
CREATE POLICY subscription_services_visible ON public.subscription_services FOR ALL TO switchyard_app
  USING (subscription_id IN (SELECT s.id FROM public.subscriptions s));
--> statement-breakpoint

-- Transfers: where the partner is the source or the target. ---------------------------------------
GRANT SELECT, INSERT, UPDATE ON public.transfers TO switchyard_app;
--> statement-breakpoint
CREATE POLICY transfers_parties ON public.transfers FOR ALL TO switchyard_app
  USING (source_partner_id = public.app_current_partner_id() OR target_partner_id = public.app_current_partner_id());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON public.transfer_line_items TO switchyard_app;
--> statement-breakpoint
CREATE POLICY transfer_line_items_parties ON public.transfer_line_items FOR ALL TO switchyard_app
  USING (transfer_id IN (SELECT t.id FROM public.transfers t));
--> statement-breakpoint

-- Users, their sessions and API keys: the partner's own. Sign-in attempts: system only. ------------
GRANT SELECT, INSERT, UPDATE ON public.users TO switchyard_app;
--> statement-breakpoint
CREATE POLICY users_own ON public.users FOR ALL TO switchyard_app
  USING (partner_id = public.app_current_partner_id());
--> statement-breakpoint
GRANT SELECT, DELETE ON public.sessions TO switchyard_app;
--> statement-breakpoint
CREATE POLICY sessions_own ON public.sessions FOR ALL TO switchyard_app
  USING (user_id IN (SELECT u.id FROM public.users u));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON public.api_keys TO switchyard_app;
--> statement-breakpoint
CREATE POLICY api_keys_own ON public.api_keys FOR ALL TO switchyard_app
  USING (partner_id = public.app_current_partner_id());
--> statement-breakpoint

-- Audit events: the partner's own, append-only (no UPDATE or DELETE privilege at all). -------------
GRANT SELECT, INSERT ON public.audit_events TO switchyard_app;
--> statement-breakpoint
CREATE POLICY audit_events_read_own ON public.audit_events FOR SELECT TO switchyard_app
  USING (partner_id = public.app_current_partner_id());
--> statement-breakpoint
CREATE POLICY audit_events_append_own ON public.audit_events FOR INSERT TO switchyard_app
  WITH CHECK (partner_id = public.app_current_partner_id());
--> statement-breakpoint

-- Idempotency records: per partner. ---------------------------------------------------------------
GRANT SELECT, INSERT, UPDATE ON public.idempotency_records TO switchyard_app;
--> statement-breakpoint
CREATE POLICY idempotency_records_own ON public.idempotency_records FOR ALL TO switchyard_app
  USING (partner_id = public.app_current_partner_id());
--> statement-breakpoint

-- Outbox: a partner appends events it is in the audience of, and reads those. The dispatcher is system work.
GRANT SELECT, INSERT ON public.outbox_events TO switchyard_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE public.outbox_events_sequence_seq TO switchyard_app;
--> statement-breakpoint
CREATE POLICY outbox_events_audience ON public.outbox_events FOR ALL TO switchyard_app
  USING (public.app_current_partner_id() = ANY (audience_partner_ids));
