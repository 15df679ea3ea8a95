-- Row-level security, per row rather than per statement (measured with `pnpm bench` on the large
-- world: 20,000 customers, 100,000 subscriptions, a partner with 17,000 relationships).
--
-- The previous policies on customers and subscriptions were uncorrelated `id IN (SELECT …)`: every
-- statement that read even one row first built a hash of all the caller's relationships, 3–15 ms
-- each, so `customer(id)` paid it once, a page of customers with subscriptions four times and a
-- transfer seven times. As correlated `EXISTS`, a row costs an index probe on
-- relationships(customer_id, …), and the planner may still turn the EXISTS into a hashed semi-join
-- where a statement scans many rows (counts).

-- Customers -------------------------------------------------------------------------------------------
DROP POLICY customers_visible ON public.customers;
--> statement-breakpoint
CREATE POLICY customers_visible ON public.customers FOR SELECT TO switchyard_app
  USING (
    created_by_partner_id = (SELECT public.app_current_partner_id())
    OR EXISTS (SELECT 1 FROM public.relationships r WHERE r.customer_id = customers.id)
    OR EXISTS (SELECT 1 FROM public.relationship_requests q WHERE q.customer_id = customers.id)
  );
--> statement-breakpoint
DROP POLICY customers_update ON public.customers;
--> statement-breakpoint
CREATE POLICY customers_update ON public.customers FOR UPDATE TO switchyard_app
  USING (
    created_by_partner_id = (SELECT public.app_current_partner_id())
    OR EXISTS (SELECT 1 FROM public.relationships r WHERE r.customer_id = customers.id)
    OR EXISTS (SELECT 1 FROM public.relationship_requests q WHERE q.customer_id = customers.id)
  )
  WITH CHECK (
    created_by_partner_id = (SELECT public.app_current_partner_id())
    OR EXISTS (SELECT 1 FROM public.relationships r WHERE r.customer_id = customers.id)
    OR EXISTS (SELECT 1 FROM public.relationship_requests q WHERE q.customer_id = customers.id)
  );
--> statement-breakpoint

-- Subscriptions -----------------------------------------------------------------------------------------
DROP POLICY subscriptions_visible ON public.subscriptions;
--> statement-breakpoint
CREATE POLICY subscriptions_visible ON public.subscriptions FOR ALL TO switchyard_app
  USING (EXISTS (SELECT 1 FROM public.app_active_customers v WHERE v.customer_id = subscriptions.customer_id));
--> statement-breakpoint

-- Whether subscriptions are in an open transfer (open-transfer-check migration), the same way.
CREATE OR REPLACE FUNCTION public.app_subscriptions_in_open_transfer(subscription_ids uuid[]) RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ''
  AS $$
    SELECT DISTINCT i.subscription_id
      FROM public.transfer_line_items i
      JOIN public.subscriptions s ON s.id = i.subscription_id
     WHERE i.subscription_id = ANY (subscription_ids)
       AND i.status IN ('PENDING', 'SCHEDULED')
       AND (
         public.app_current_partner_id() IS NULL
         OR EXISTS (SELECT 1 FROM public.app_active_customers v WHERE v.customer_id = s.customer_id)
       )
  $$;
--> statement-breakpoint
-- Asked by nothing any more.
DROP FUNCTION IF EXISTS public.app_subscription_customer_ids();
