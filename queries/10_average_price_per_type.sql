-- name: average_price_per_type
-- question: What is the average price paid for each type of item?
-- description: For game designers. Approved purchases per item type: the mean list price of one item, the mean price paid per item after offers, and the mean price of a purchase. The gap between list and paid price is what offers gave away; the seed routes' client-named prices count as paid.
-- chart: bar
-- x: type   -- y: avg_paid_per_item
select type,
       count(*) as purchases,
       round(avg(unit_price), 2) as avg_list_price,
       round(sum(cost) / sum(quantity), 2) as avg_paid_per_item,
       round(avg(cost), 2) as avg_cost
from buys
where status = 'approved_purchase'
group by type
order by type
