-- name: items_per_type
-- question: How many items of each type were bought?
-- description: For game designers. Approved purchases per item kind and type: the number of purchases and of items (a purchase may buy several). Shows which items sell and which the catalogue could drop.
-- chart: bar
-- x: type   -- y: items
select kind, type, count(*) as purchases, sum(quantity) as items
from buys
where status = 'approved_purchase'
group by kind, type
order by kind, type
