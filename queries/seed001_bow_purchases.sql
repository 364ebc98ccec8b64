-- name: seed001_bow_purchases
-- question: Seed 001: bow purchases per event type (the seed's raw_event filter)
-- description: Seed 001's query, with ties broken by event type. It filters on raw_event = 'purchase_bow', which in the seed held the event type by accident; here raw_event holds the whole event as JSON, so it matches nothing and the answer is empty. Kept to show the seed's queries still run; use seed001_purchases_of_user3 or purchases_per_host instead.
-- chart: table
-- x: event_type   -- y: count
select event_type, count(amount) as count from purchases where raw_event = 'purchase_bow' group by event_type order by count, event_type
