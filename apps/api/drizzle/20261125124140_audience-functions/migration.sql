-- Who hears about a change (an outbox event's audience), in one statement.
--
-- The partners working with a customer are other partners' rows, which row-level security hides
-- from the caller. The services asked for them as the system: a savepoint, RESET ROLE, the query,
-- ROLLBACK TO SAVEPOINT — four round trips on every subscription change (a transfer acceptance
-- made 18 statements, `pnpm bench`). These functions answer the same question in one, and answer
-- only a caller that may see the customer (the rule of the `customers_visible` policy), or the
-- system (no partner set: the background jobs).

CREATE OR REPLACE FUNCTION public.app_may_see_customer(customer uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ''
  AS $$
    SELECT public.app_current_partner_id() IS NULL
      OR EXISTS (SELECT 1 FROM public.customers c WHERE c.id = customer AND c.created_by_partner_id = public.app_current_partner_id())
      OR EXISTS (SELECT 1 FROM public.relationships r WHERE r.customer_id = customer AND public.app_current_partner_id() IN (r.partner_id, r.indirect_provider_id))
      OR EXISTS (SELECT 1 FROM public.relationship_requests q WHERE q.customer_id = customer AND public.app_current_partner_id() IN (q.partner_id, q.indirect_provider_id))
  $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.app_may_see_customer(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.app_may_see_customer(uuid) TO switchyard_app;
--> statement-breakpoint

-- Who may see the customer's subscriptions: partners with an ACTIVE relationship with it, and the
-- indirect providers those relationships name, in the customer's cloud (`activeRelationshipFilter`,
-- asked the other way round).
CREATE OR REPLACE FUNCTION public.app_subscription_audience(customer uuid) RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ''
  AS $$
    SELECT p.id
      FROM public.partners p
      JOIN public.customers c ON c.id = customer AND c.cloud = p.cloud
     WHERE public.app_may_see_customer(customer)
       AND EXISTS (
         SELECT 1 FROM public.relationships r
          WHERE r.customer_id = customer AND r.status = 'ACTIVE' AND p.id IN (r.partner_id, r.indirect_provider_id)
       )
     ORDER BY p.id
  $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.app_subscription_audience(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.app_subscription_audience(uuid) TO switchyard_app;
--> statement-breakpoint

-- The partners working with the customer: an ACTIVE relationship or a pending request.
CREATE OR REPLACE FUNCTION public.app_customer_audience(customer uuid) RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ''
  AS $$
    SELECT audience.partner_id
      FROM (
        SELECT r.partner_id FROM public.relationships r WHERE r.customer_id = customer AND r.status = 'ACTIVE'
        UNION
        SELECT q.partner_id FROM public.relationship_requests q WHERE q.customer_id = customer AND q.status = 'PENDING'
      ) AS audience
     WHERE public.app_may_see_customer(customer)
     ORDER BY audience.partner_id
  $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.app_customer_audience(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.app_customer_audience(uuid) TO switchyard_app;
