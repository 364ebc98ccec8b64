-- name: seed000_items_per_type
-- question: Seed 000: how many items of each type were purchased?
-- description: Seed 000's query, unchanged apart from the tie-breaking order by type: purchases per status (approved_purchase, insufficient_funds) and item type.
-- chart: bar
-- x: type   -- y: num_items
select status, type, count(type) as num_items from buys group by status, type order by status, type
