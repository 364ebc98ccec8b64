-- name: seed001_arrow_purchases
-- question: Seed 001: arrow purchases per event type (the seed's raw_event filter)
-- description: Seed 001's query, with ties broken by event type. Like seed001_bow_purchases it filters on raw_event, which holds the whole event as JSON, so the answer is empty.
-- chart: table
-- x: event_type   -- y: count
select event_type, count(amount) as count from purchases where raw_event = 'purchase_arrow' group by event_type order by count, event_type
