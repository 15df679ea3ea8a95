-- Whether subscriptions are held by an open transfer (a PENDING or SCHEDULED line item), asked by
-- the transfer rules (`isInOpenTransfer`: ALREADY_IN_TRANSFER) for subscriptions the caller may see.
--
-- Row-level security shows a partner only the line items of its own transfers, so without this
-- helper a subscription in ANOTHER partner's open transfer looks free: `transferEligibility` would
-- call it eligible and only the unique index would refuse the transfer. The answer is limited to
-- subscriptions the caller sees (an ACTIVE relationship with the customer, in its cloud) and says
-- nothing about whose transfer it is.
CREATE OR REPLACE FUNCTION public.app_subscriptions_in_open_transfer(subscription_ids uuid[]) RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ''
  AS $$
    SELECT DISTINCT i.subscription_id
      FROM public.transfer_line_items i
      JOIN public.subscriptions s ON s.id = i.subscription_id
     WHERE i.subscription_id = ANY (subscription_ids)
       AND i.status IN ('PENDING', 'SCHEDULED')
       AND (public.app_current_partner_id() IS NULL OR s.customer_id IN (SELECT public.app_subscription_customer_ids()))
  $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.app_subscriptions_in_open_transfer(uuid[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.app_subscriptions_in_open_transfer(uuid[]) TO switchyard_app;
