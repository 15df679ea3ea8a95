-- Customers' policies probe per row, whatever the planner expects (measured with `pnpm bench` on the
-- large world: 20,000 customers, a partner with 17,000 relationships).
--
-- Under OR, each EXISTS of the previous policies became a subplan that PostgreSQL may run hashed:
-- build a hash of every relationship the caller has, then look each row up. It decides from the
-- rows it expects the scan to filter, ignoring a LIMIT above it, so a page of 50 customers in
-- name order (an index scan that stops after 51 rows) built two such hashes of 17,000 rows, the
-- policy's and the application filter's: 11 of the page statement's 17 ms.
--
-- `OFFSET 0` makes an EXISTS that PostgreSQL neither hashes nor turns into a join (subselect.c,
-- simplify_EXISTS_query), so every row costs one index probe on relationships(customer_id) —
-- 0.5 ms for that page. A statement that filters every visible customer (a count) pays a probe per
-- row instead of one hash: 24 ms instead of 10 ms for 17,000 customers, a trade that favours the
-- pages every screen and integrator reads over the totals. The application's own filter
-- (src/schema/customers/visibility.ts) is written the same way.

DROP POLICY customers_visible ON public.customers;
--> statement-breakpoint
CREATE POLICY customers_visible ON public.customers FOR SELECT TO switchyard_app
  USING (
    created_by_partner_id = (SELECT public.app_current_partner_id())
    OR EXISTS (SELECT 1 FROM public.relationships r WHERE r.customer_id = customers.id OFFSET 0)
    OR EXISTS (SELECT 1 FROM public.relationship_requests q WHERE q.customer_id = customers.id OFFSET 0)
  );
--> statement-breakpoint
DROP POLICY customers_update ON public.customers;
--> statement-breakpoint
CREATE POLICY customers_update ON public.customers FOR UPDATE TO switchyard_app
  USING (
    created_by_partner_id = (SELECT public.app_current_partner_id())
    OR EXISTS (SELECT 1 FROM public.relationships r WHERE r.customer_id = customers.id OFFSET 0)
    OR EXISTS (SELECT 1 FROM public.relationship_requests q WHERE q.customer_id = customers.id OFFSET 0)
  )
  WITH CHECK (
    created_by_partner_id = (SELECT public.app_current_partner_id())
    OR EXISTS (SELECT 1 FROM public.relationships r WHERE r.customer_id = customers.id OFFSET 0)
    OR EXISTS (SELECT 1 FROM public.relationship_requests q WHERE q.customer_id = customers.id OFFSET 0)
  );
