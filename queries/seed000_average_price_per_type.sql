-- name: seed000_average_price_per_type
-- question: Seed 000: what is the average price paid for each type of item?
-- description: Seed 000's query, unchanged: the mean cost of approved purchases per item type.
-- chart: bar
-- x: type   -- y: avg_cost
select type, round(avg(cost), 2) as avg_cost from buys where status='approved_purchase' group by type order by type
