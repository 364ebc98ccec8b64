-- name: seed001_purchases_per_event_type
-- question: Seed 001: which items are purchased most often?
-- description: Seed 001's query, with ties broken by event type: approved purchases per event type (purchase_sword, purchase_bow …), fewest first.
-- chart: bar
-- x: event_type   -- y: count
select event_type , count(amount) as count from purchases group by event_type  order by count, event_type
